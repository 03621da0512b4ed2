using System.Diagnostics;
using System.Globalization;
using Cchc.AppHost.Infrastructure;
using Cchc.Contracts;
using Cchc.Contracts.Security;

namespace Cchc.AppHost.Extensions;

internal static class SuiteResourceExtensions
{
    /// <summary>
    /// A service that applies its migrations when it starts (<c>Database:MigrateAtStart</c>, before it serves; a cluster
    /// runs the same executable's <c>migrate</c> verb as an init step instead: docs/adr/0047). The service gets two
    /// Kestrel endpoints purely through configuration: <c>grpc</c> (h2c) and <c>http</c> (HTTP/1.1).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSuiteService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<IResourceWithConnectionString> database,
        SuiteInfrastructure infrastructure)
        where TProject : IProjectMetadata, new() =>
        builder.AddBuiltProject<TProject>(name)
            .WithHttpEndpoint(name: ResourceNames.GrpcEndpoint)
            .WithHttpEndpoint(name: ResourceNames.HttpEndpoint)
            .WithEndpointsInEnvironment(_ => false)
            .WithKestrelEndpoint(ResourceNames.GrpcEndpoint, "Http2")
            .WithKestrelEndpoint(ResourceNames.HttpEndpoint, "Http1")
            .WithReference(database)
            .WithReference(infrastructure.Messaging)
            .MigratesAtStart(infrastructure)
            // No WaitFor(messaging): the broker boots beside the services (its Erlang start is the slowest of all on two
            // busy cores); each service starts, migrates, then waits for the broker's port before its bus starts, and is
            // healthy only once its bus is connected (ADR 0048).
            .WithEnvironment(StartupSettings.WaitForBrokerAtStartVariable, "true")
            // The gateway's readiness (the ready line) is theirs: checked promptly (ADR 0048).
            .WithPromptHttpHealthCheck("/health", ResourceNames.HttpEndpoint);

    /// <summary>
    /// A domain service (an instance of the domain-service template, docs/architecture.md) on its own database
    /// <paramref name="databaseName"/> of the suite's server, validating the token service's tokens.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDomainService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        string databaseName,
        SuiteInfrastructure infrastructure,
        IResourceBuilder<ProjectResource> identity,
        AppHostSettings settings)
        where TProject : IProjectMetadata, new() =>
        builder.AddSuiteService<TProject>(name, infrastructure.DatabaseNamed(databaseName), infrastructure)
            .WithTokenValidation(identity, settings);

    /// <summary>
    /// The process applies its migrations before it serves (<see cref="StartupSettings.MigrateAtStart"/>): started once
    /// the PostgreSQL server answers, it is healthy only when its database is migrated.
    /// </summary>
    private static IResourceBuilder<ProjectResource> MigratesAtStart(this IResourceBuilder<ProjectResource> builder, SuiteInfrastructure infrastructure) =>
        builder
            .WithEnvironment(StartupSettings.MigrateAtStartVariable, "true")
            .WaitFor(infrastructure.PostgresServer);

    /// <summary>
    /// The token service (<c>identity</c>, one HTTP/1.1 endpoint). At start it applies its migrations and registers the
    /// demo clients of src/Cchc.Identity/clients.demo.json (a cluster: its <c>migrate</c> verb as an init step). Keys and
    /// the clients' secrets live in <c>$CCHC_DATA_DIR/identity/</c> (folder 0700, files 0600), generated at the first run
    /// and reused afterwards. The issuer is the gateway's public HTTP address: department systems obtain tokens through
    /// the gateway.
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

        return builder.AddBuiltProject<TProject>(ResourceNames.Identity)
            .WithHttpEndpoint(name: ResourceNames.HttpEndpoint)
            .WithEndpointsInEnvironment(_ => false)
            .WithKestrelEndpoint(ResourceNames.HttpEndpoint, "Http1")
            .WithEnvironment("Identity__Issuer", settings.PublicIssuer)
            .WithEnvironment("Identity__KeysPath", Path.Combine(folder, "keys"))
            .WithEnvironment("Identity__Clients__SecretsFile", settings.ClientsFile)
            .WithEnvironment("Identity__Clients__GenerateMissingSecrets", "true")
            // Plain HTTP behind the gateway (which terminates TLS when configured) and on loopback.
            .WithEnvironment("Identity__AllowInsecureHttp", "true")
            .WithReference(infrastructure.IdentityDb)
            .MigratesAtStart(infrastructure)
            // The gateway waits for it: checked promptly (ADR 0048).
            .WithPromptHttpHealthCheck("/health", ResourceNames.HttpEndpoint);
    }

    /// <summary>
    /// What a token validator (the gateway, every service) needs, section <c>Security:Authentication</c>: the token
    /// service's metadata at its internal address, the public issuer the tokens carry, and the audience.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTokenValidation(
        this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ProjectResource> identity, AppHostSettings settings)
    {
        var endpoint = identity.GetEndpoint(ResourceNames.HttpEndpoint);
        // No WaitFor: a validator reads the token service's metadata at the first call that carries a token, and a token
        // exists only once the token service answers (ADR 0048). The gateway, which callers reach first, waits for it.
        return builder
            .WithReference(identity)
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
    /// every backend (<c>services__{name}__grpc__0</c>, <c>services__{name}__http__0</c>). It starts at once, beside its
    /// backends, rather than after them: its /health answers healthy only when every backend serves (Cchc.Gateway's
    /// BackendsHealthCheck), and the AppHost counts it healthy only once <paramref name="alsoReady"/> (the token service,
    /// the national simulator) are too, so its readiness — and the ready line printed then — still means the whole suite
    /// is up (docs/adr/0048-start-up-critical-path.md). A token it sees before the token service answers is refused, and
    /// the token service's metadata is read again at the next one.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSuiteGateway<TProject>(
        this IDistributedApplicationBuilder builder, AppHostSettings settings,
        IResourceBuilder<ProjectResource>[] backends, IResourceBuilder<ProjectResource>[] alsoReady)
        where TProject : IProjectMetadata, new()
    {
        var gateway = builder.AddBuiltProject<TProject>(ResourceNames.Gateway)
            .WithHttpEndpoint(port: settings.GatewayGrpcPort, name: ResourceNames.GrpcEndpoint, isProxied: false)
            .WithHttpEndpoint(port: settings.GatewayHttpPort, name: ResourceNames.HttpEndpoint, isProxied: false)
            .WithEndpointsInEnvironment(_ => false)
            .WithEnvironment("Gateway__GrpcPort", settings.GatewayGrpcPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("Gateway__HttpPort", settings.GatewayHttpPort.ToString(CultureInfo.InvariantCulture))
            // Its own /health asks every backend (eight gRPC health calls): asked only once the AppHost sees them all healthy,
            // not every half second while they are still starting.
            .WithPromptHttpHealthCheck("/health", ResourceNames.HttpEndpoint, [.. backends.Select(r => r.Resource), .. alsoReady.Select(r => r.Resource)]);
        foreach (var backend in backends)
        {
            gateway.WithReference(backend);
        }

        builder.Eventing.Subscribe<ResourceReadyEvent>(gateway.Resource, (_, _) =>
        {
            // Timed like the resource console's state lines: seconds since the AppHost process started.
            var elapsed = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            Console.WriteLine($"Cchc platform ready (+{elapsed} s): gateway gRPC (h2c) http://127.0.0.1:{settings.GatewayGrpcPort}, " +
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
