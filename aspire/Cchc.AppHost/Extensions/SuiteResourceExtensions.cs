using System.Globalization;
using Cchc.AppHost.Infrastructure;
using Cchc.Contracts;
using Cchc.Contracts.Security;

namespace Cchc.AppHost.Extensions;

internal static class SuiteResourceExtensions
{
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
        var migrator = builder.AddSuiteMigrator<TProject>(migratorName, database, infrastructure);

        return builder.AddBuiltProject<TProject>(name)
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
    /// A domain service (an instance of the domain-service template, docs/architecture.md): the service and its migrator
    /// on its own database <paramref name="databaseName"/> of the suite's server, validating the token service's tokens.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDomainService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        string migratorName,
        string databaseName,
        SuiteInfrastructure infrastructure,
        IResourceBuilder<ProjectResource> identity,
        AppHostSettings settings)
        where TProject : IProjectMetadata, new() =>
        builder.AddSuiteService<TProject>(name, migratorName, infrastructure.DatabaseNamed(databaseName), infrastructure)
            .WithTokenValidation(identity, settings);

    /// <summary>The service's executable with the argument <c>migrate</c>, run to completion before the service starts.</summary>
    private static IResourceBuilder<ProjectResource> AddSuiteMigrator<TProject>(
        this IDistributedApplicationBuilder builder,
        string migratorName,
        IResourceBuilder<IResourceWithConnectionString> database,
        SuiteInfrastructure infrastructure)
        where TProject : IProjectMetadata, new() =>
        builder.AddBuiltProject<TProject>(migratorName)
            .WithArgs("migrate")
            .WithReference(database)
            .WaitFor(infrastructure.PostgresServer);

    /// <summary>
    /// The token service (<c>identity</c>, one HTTP/1.1 endpoint) and its migrator (<c>identity-migrate</c>: migrations,
    /// then the demo clients of src/Cchc.Identity/clients.demo.json). Keys and the clients' secrets live in
    /// <c>$CCHC_DATA_DIR/identity/</c> (folder 0700, files 0600), generated at the first run and reused afterwards.
    /// The issuer is the gateway's public HTTP address: department systems obtain tokens through the gateway.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSuiteIdentity<TProject>(
        this IDistributedApplicationBuilder builder, AppHostSettings settings, SuiteInfrastructure infrastructure)
        where TProject : IProjectMetadata, new()
    {
        var folder = settings.IdentityDirectory;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var migrator = builder.AddSuiteMigrator<TProject>(ResourceNames.IdentityMigrator, infrastructure.IdentityDb, infrastructure)
            .WithEnvironment("Identity__Issuer", settings.PublicIssuer)
            .WithEnvironment("Identity__Clients__SecretsFile", settings.ClientsFile)
            .WithEnvironment("Identity__Clients__GenerateMissingSecrets", "true");

        return builder.AddBuiltProject<TProject>(ResourceNames.Identity)
            .WithHttpEndpoint(name: ResourceNames.HttpEndpoint)
            .WithEndpointsInEnvironment(_ => false)
            .WithKestrelEndpoint(ResourceNames.HttpEndpoint, "Http1")
            .WithEnvironment("Identity__Issuer", settings.PublicIssuer)
            .WithEnvironment("Identity__KeysPath", Path.Combine(folder, "keys"))
            // Plain HTTP behind the gateway (which terminates TLS when configured) and on loopback.
            .WithEnvironment("Identity__AllowInsecureHttp", "true")
            .WithReference(infrastructure.IdentityDb)
            .WaitFor(infrastructure.PostgresServer)
            .WaitForCompletion(migrator)
            .WithHttpHealthCheck("/health", endpointName: ResourceNames.HttpEndpoint);
    }

    /// <summary>
    /// What a token validator (the gateway, every service) needs, section <c>Security:Authentication</c>: the token
    /// service's metadata at its internal address, the public issuer the tokens carry, and the audience.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTokenValidation(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ProjectResource> identity, AppHostSettings settings)
    {
        var endpoint = identity.GetEndpoint(ResourceNames.HttpEndpoint);
        return builder
            .WithReference(identity)
            .WaitFor(identity)
            // Cchc.Security accepts metadata over plain HTTP (the local token service) only in Development: a platform run
            // by the AppHost on one machine is that; a cluster fetches https metadata and runs in Production.
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.ApplicationBuilder.Environment.EnvironmentName)
            .WithEnvironment("Security__Authentication__MetadataAddress",
                ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Url)}/.well-known/openid-configuration"))
            .WithEnvironment("Security__Authentication__Issuer", settings.PublicIssuer)
            .WithEnvironment("Security__Authentication__Audience", TokenContract.Audience)
            .WithEnvironment("Security__Authentication__RequireHttpsMetadata", "false");
    }

    /// <summary>
    /// The gateway on fixed, unproxied ports (the printed addresses are the real listeners), with service discovery of
    /// every backend (<c>services__{name}__grpc__0</c>, <c>services__{name}__http__0</c>) and started once they are healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSuiteGateway<TProject>(
        this IDistributedApplicationBuilder builder, AppHostSettings settings, params IResourceBuilder<ProjectResource>[] backends)
        where TProject : IProjectMetadata, new()
    {
        var gateway = builder.AddBuiltProject<TProject>(ResourceNames.Gateway)
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
                $"REST/pages http://127.0.0.1:{settings.GatewayHttpPort}, tokens {settings.PublicIssuer}connect/token " +
                $"(client secrets in {settings.ClientsFile})");
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
