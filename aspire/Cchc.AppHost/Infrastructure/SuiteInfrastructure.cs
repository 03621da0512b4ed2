using Cchc.Contracts;
using Npgsql;

namespace Cchc.AppHost.Infrastructure;

/// <summary>The servers the services use, whatever runs them.</summary>
public sealed record SuiteInfrastructure(
    IResourceBuilder<IResource> PostgresServer,
    IResourceBuilder<IResourceWithConnectionString> ReportingDb,
    IResourceBuilder<IResourceWithConnectionString> IdentityDb,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> Database)
{
    private readonly Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> _databases = new(StringComparer.Ordinal);

    /// <summary>The service database <paramref name="name"/> on the suite's PostgreSQL server (one resource per name).</summary>
    public IResourceBuilder<IResourceWithConnectionString> DatabaseNamed(string name)
    {
        if (!_databases.TryGetValue(name, out var database))
        {
            database = Database(name);
            _databases[name] = database;
        }
        return database;
    }
}

/// <summary>How a server is provided; chosen per server at start (docs/adr/0001-local-process-infrastructure.md).</summary>
public enum ServerSource
{
    /// <summary>A connection string is configured (ConnectionStrings__postgres / ConnectionStrings__messaging).</summary>
    Existing,

    /// <summary>A container engine answers <c>docker info</c>.</summary>
    Container,

    /// <summary>Neither: the Debian packages' binaries as local processes.</summary>
    LocalProcess,
}

internal static class SuiteInfrastructureExtensions
{
    public static SuiteInfrastructure AddSuiteInfrastructure(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        var containers = new Lazy<bool>(() => settings.InfrastructurePreference switch
        {
            "containers" => true,
            "local" => false,
            "auto" => ContainerRuntime.Answers(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker", TimeSpan.FromSeconds(5)),
            var other => throw new InvalidOperationException($"CCHC_INFRASTRUCTURE='{other}': expected auto, containers or local."),
        });
        ServerSource SourceOf(string connectionName) =>
            !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(connectionName)) ? ServerSource.Existing
            : containers.Value ? ServerSource.Container
            : ServerSource.LocalProcess;

        var postgresSource = SourceOf(ResourceNames.Postgres);
        var messagingSource = SourceOf(ResourceNames.Messaging);
        var (server, database) = postgresSource switch
        {
            ServerSource.Existing => ExistingPostgres(builder),
            ServerSource.Container => ContainerPostgres(builder),
            _ => LocalPostgres(builder, settings),
        };
        IResourceBuilder<IResourceWithConnectionString> messaging = messagingSource switch
        {
            ServerSource.Existing => builder.AddConnectionString(ResourceNames.Messaging),
            ServerSource.Container => builder.AddRabbitMQ(ResourceNames.Messaging).WithDataVolume("cchc-rabbitmq"),
            _ => builder.AddLocalRabbitMq(Path.Combine(settings.DataDirectory, "rabbitmq"),
                settings.RabbitMqPort, settings.RabbitMqDistributionPort, settings.RabbitMqNodeName),
        };

        Console.WriteLine($"Infrastructure: PostgreSQL = {Describe(postgresSource, $"port {settings.PostgresPort}, data {settings.DataDirectory}/pg")}; " +
            $"RabbitMQ = {Describe(messagingSource, $"port {settings.RabbitMqPort}, node {settings.RabbitMqNodeName}, data {settings.DataDirectory}/rabbitmq")}.");
        // The domain services' databases are created when each service is added (SuiteInfrastructure.DatabaseNamed).
        return new SuiteInfrastructure(server, database(ResourceNames.ReportingDb), database(ResourceNames.IdentityDb), messaging, database);
    }

    private static string Describe(ServerSource source, string local) => source switch
    {
        ServerSource.Existing => "existing server (connection string)",
        ServerSource.Container => "container",
        _ => $"local process ({local})",
    };

    private static (IResourceBuilder<IResource> Server, Func<string, IResourceBuilder<IResourceWithConnectionString>> Database)
        LocalPostgres(IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        var server = builder.AddLocalPostgres(Path.Combine(settings.DataDirectory, "pg"), settings.PostgresPort);
        IResourceBuilder<IResourceWithConnectionString> Database(string name) =>
            builder.AddConnectionString(name, ReferenceExpression.Create($"{server.Resource};Database={name}"));
        return (server, Database);
    }

    private static (IResourceBuilder<IResource> Server, Func<string, IResourceBuilder<IResourceWithConnectionString>> Database)
        ContainerPostgres(IDistributedApplicationBuilder builder)
    {
        var server = builder.AddPostgres(ResourceNames.Postgres).WithDataVolume("cchc-postgres");
        return (server, name => server.AddDatabase(name));
    }

    /// <summary>The configured server; each database's connection string is given or derived from it (Database=name).</summary>
    private static (IResourceBuilder<IResource> Server, Func<string, IResourceBuilder<IResourceWithConnectionString>> Database)
        ExistingPostgres(IDistributedApplicationBuilder builder)
    {
        var serverConnectionString = builder.Configuration.GetConnectionString(ResourceNames.Postgres)!;
        IResourceBuilder<IResourceWithConnectionString> Database(string name)
        {
            if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
            {
                builder.Configuration[$"ConnectionStrings:{name}"] =
                    new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
            }
            return builder.AddConnectionString(name);
        }
        return (builder.AddConnectionString(ResourceNames.Postgres), Database);
    }
}
