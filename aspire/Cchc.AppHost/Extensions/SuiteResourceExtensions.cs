using System.Globalization;
using Cchc.AppHost.Infrastructure;
using Cchc.Contracts;

namespace Cchc.AppHost.Extensions;

internal static class SuiteResourceExtensions
{
    /// <summary>
    /// Endpoints and settings come only from here: no launch profile, and not the Kestrel endpoints of the project's
    /// appsettings.json (its standalone defaults, 7411/7421...), which would otherwise become fixed proxy ports.
    /// </summary>
    private static void ExcludeLaunchSettings(ProjectResourceOptions options)
    {
        options.ExcludeLaunchProfile = true;
        options.ExcludeKestrelEndpoints = true;
    }

    /// <summary>
    /// A service and its migrator (the same executable with the argument <c>migrate</c>, run to completion first).
    /// The service gets two Kestrel endpoints purely through configuration: <c>grpc</c> (h2c) and <c>http</c> (HTTP/1.1).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSuiteService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        string migratorName,
        IResourceBuilder<IResourceWithConnectionString> database,
        SuiteInfrastructure infrastructure)
        where TProject : IProjectMetadata, new()
    {
        var migrator = builder.AddProject<TProject>(migratorName, ExcludeLaunchSettings)
            .WithArgs("migrate")
            .WithReference(database)
            .WaitFor(infrastructure.PostgresServer);

        return builder.AddProject<TProject>(name, ExcludeLaunchSettings)
            .WithHttpEndpoint(name: ResourceNames.GrpcEndpoint)
            .WithHttpEndpoint(name: ResourceNames.HttpEndpoint)
            .WithEndpointsInEnvironment(_ => false)
            .WithKestrelEndpoint(ResourceNames.GrpcEndpoint, "Http2")
            .WithKestrelEndpoint(ResourceNames.HttpEndpoint, "Http1")
            .WithReference(database)
            .WithReference(infrastructure.Messaging)
            .WaitFor(infrastructure.PostgresServer)
            .WaitForCompletion(migrator)
            .WaitFor(infrastructure.Messaging)
            .WithHttpHealthCheck("/health", endpointName: ResourceNames.HttpEndpoint);
    }

    /// <summary>
    /// The gateway on fixed, unproxied ports (the printed addresses are the real listeners), with service discovery of
    /// every backend (<c>services__{name}__grpc__0</c>, <c>services__{name}__http__0</c>) and started once they are healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSuiteGateway<TProject>(
        this IDistributedApplicationBuilder builder, AppHostSettings settings, params IResourceBuilder<ProjectResource>[] backends)
        where TProject : IProjectMetadata, new()
    {
        var gateway = builder.AddProject<TProject>(ResourceNames.Gateway, ExcludeLaunchSettings)
            .WithHttpEndpoint(port: settings.GatewayGrpcPort, name: ResourceNames.GrpcEndpoint, isProxied: false)
            .WithHttpEndpoint(port: settings.GatewayHttpPort, name: ResourceNames.HttpEndpoint, isProxied: false)
            .WithEndpointsInEnvironment(_ => false)
            .WithEnvironment("Gateway__GrpcPort", settings.GatewayGrpcPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("Gateway__HttpPort", settings.GatewayHttpPort.ToString(CultureInfo.InvariantCulture))
            .WithHttpHealthCheck("/health", endpointName: ResourceNames.HttpEndpoint);
        foreach (var backend in backends)
        {
            gateway.WithReference(backend).WaitFor(backend);
        }

        builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, (_, _) =>
        {
            Console.WriteLine($"Cchc platform ready: gateway gRPC (h2c) http://127.0.0.1:{settings.GatewayGrpcPort}, " +
                $"REST/pages http://127.0.0.1:{settings.GatewayHttpPort}");
            return Task.CompletedTask;
        });
        return gateway;
    }

    /// <summary>Kestrel__Endpoints__{name}__Url / __Protocols from the endpoint's target port (behind Aspire's proxy).</summary>
    private static IResourceBuilder<ProjectResource> WithKestrelEndpoint(
        this IResourceBuilder<ProjectResource> builder, string endpointName, string protocols)
    {
        var endpoint = builder.GetEndpoint(endpointName);
        return builder
            .WithEnvironment($"Kestrel__Endpoints__{endpointName}__Url",
                ReferenceExpression.Create($"http://127.0.0.1:{endpoint.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment($"Kestrel__Endpoints__{endpointName}__Protocols", protocols);
    }
}
