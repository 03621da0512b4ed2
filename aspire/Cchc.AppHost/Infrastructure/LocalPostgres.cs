using Cchc.AppHost.Extensions;
using Cchc.Contracts;
using Npgsql;

namespace Cchc.AppHost.Infrastructure;

/// <summary>PostgreSQL 15 from the Debian package as an Aspire executable (run as user postgres when we are root).</summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username=postgres");
}

internal static class LocalPostgres
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>
    /// Aspire stops an executable with SIGTERM and kills it a few seconds later. SIGTERM is PostgreSQL's "smart"
    /// shutdown, which waits for every client to disconnect, so it would be killed (and recover from its WAL at the next
    /// start). This wrapper turns SIGTERM into SIGINT, the "fast" shutdown: sessions end, a checkpoint, a clean exit.
    /// </summary>
    private const string FastShutdownWrapper = """
        "$@" &
        child=$!
        trap 'kill -INT "$child" 2>/dev/null' TERM INT
        status=0
        while kill -0 "$child" 2>/dev/null; do
          wait "$child"
          status=$?
        done
        exit "$status"
        """;

    /// <summary>
    /// A server whose data lives in <paramref name="dataDirectory"/> (initialised here at the first run), listening on
    /// 127.0.0.1:<paramref name="port"/> only (no Unix socket), with a health check that opens a connection and runs SELECT 1.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string dataDirectory, int port)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "postgres")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed ({BinDirectory}/postgres is missing): apt-get install -y postgresql-15, or run ./cchc run.");
        }
        EnsureInitialized(dataDirectory);

        var (command, arguments) = HostCommand.AsPostgresUser(Path.Combine(BinDirectory, "postgres"),
            "-D", dataDirectory, "-k", "", "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=300", "-c", "max_wal_size=2GB");
        var resource = new LocalPostgresResource(ResourceNames.Postgres, "/bin/sh", dataDirectory);

        return builder.AddResource(resource)
            .WithArgs(["-c", FastShutdownWrapper, "cchc-postgres", command, .. arguments])
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalPostgresResource.EndpointName, env: "PGPORT", isProxied: false)
            // Every service waits for it: checked promptly (docs/adr/0048-start-up-critical-path.md).
            .WithPromptHealthCheck($"{ResourceNames.Postgres}-accepts-queries", async cancellationToken =>
            {
                // Opening a connection is not enough while the server reports 57P03 (starting up): run a query.
                var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await using var connection = new NpgsqlConnection(
                    new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3 }.ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var query = new NpgsqlCommand("SELECT 1", connection);
                await query.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            });
    }

    /// <summary>initdb at the first run: trust authentication on loopback, UTF-8, the folder owned by postgres (mode 700).</summary>
    private static void EnsureInitialized(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Local-process PostgreSQL runs on Linux; on Windows use containers or ConnectionStrings__postgres.");
        }
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(dataDirectory);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InvalidOperationException(
                $"Cannot create the PostgreSQL data folder {dataDirectory}: set CCHC_DATA_DIR to a folder you can write to.", ex);
        }
        if (HostCommand.IsRoot)
        {
            EnsureParentsTraversable(dataDirectory);
            HostCommand.Run("/bin/chown", ["postgres:postgres", dataDirectory], TimeSpan.FromSeconds(10));
        }
        File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Console.WriteLine($"Initialising a PostgreSQL data folder in {dataDirectory} (first run).");
        var (command, arguments) = HostCommand.AsPostgresUser(Path.Combine(BinDirectory, "initdb"),
            "-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        HostCommand.Run(command, arguments, TimeSpan.FromMinutes(2));
    }

    /// <summary>User postgres must be able to reach the folder: every parent needs the others' execute bit (not /root).</summary>
    private static void EnsureParentsTraversable(string dataDirectory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        for (var parent = Directory.GetParent(dataDirectory); parent is not null; parent = parent.Parent)
        {
            if ((File.GetUnixFileMode(parent.FullName) & UnixFileMode.OtherExecute) == 0)
            {
                throw new InvalidOperationException(
                    $"User postgres cannot enter {parent.FullName} (mode {File.GetUnixFileMode(parent.FullName)}), a parent of the " +
                    $"PostgreSQL data folder {dataDirectory}: choose a CCHC_DATA_DIR outside it (default /var/lib/cchc).");
            }
        }
    }
}
