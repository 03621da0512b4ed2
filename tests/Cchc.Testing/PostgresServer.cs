using Npgsql;
using Xunit;

namespace Cchc.Testing;

/// <summary>
/// A throwaway PostgreSQL 15 server for a test run: initdb into a fresh folder under /tmp (owned by user
/// postgres: PostgreSQL refuses to run as root), a free port on 127.0.0.1, durability off (fsync,
/// synchronous_commit), 300 connections; stopped and deleted on dispose. Start ≈ 1 s.
/// <para>
/// When the environment variable <c>CCHC_TEST_POSTGRES</c> holds an Npgsql connection string to an existing
/// server (a superuser's), that server is used instead; databases created on it get a unique suffix and are
/// dropped on dispose.
/// </para>
/// Share one instance per test collection (<c>ICollectionFixture&lt;PostgresServer&gt;</c>) and give every
/// test class its own database through <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, IAsyncDisposable
{
    public const string ExternalServerVariable = "CCHC_TEST_POSTGRES";
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly SemaphoreSlim _createLock = new(1, 1);
    private readonly List<string> _createdDatabases = [];
    private string? _baseDirectory;
    private bool _external;
    private bool _stopped;

    /// <summary>Connection string to the server's <c>postgres</c> database as superuser.</summary>
    public string AdminConnectionString { get; private set; } = string.Empty;

    /// <summary>The TCP port of a private server (0 for an external one).</summary>
    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _external = true;
            AdminConnectionString = new NpgsqlConnectionStringBuilder(external) { Pooling = false }.ConnectionString;
            return;
        }

        if (!File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"PostgreSQL 15 is not installed ({BinDirectory}/pg_ctl is missing): " +
                "apt-get install -y --no-install-recommends postgresql-15, or set " +
                $"{ExternalServerVariable} to the connection string of an existing server.");
        }

        _baseDirectory = Path.Combine("/tmp", "cchc-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_baseDirectory);
        if (ExternalProcess.IsRoot)
        {
            await ExternalProcess.RunAsync("chown", ["postgres:postgres", _baseDirectory], TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        await ExternalProcess.RunAsync("chmod", ["700", _baseDirectory], TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        ProcessExitCleanup.Register(this, () => StopAsync().GetAwaiter().GetResult());

        var dataDirectory = Path.Combine(_baseDirectory, "data");
        await RunAsPostgresAsync("initdb",
            ["-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            TimeSpan.FromSeconds(60)).ConfigureAwait(false);

        // The port is chosen before the server binds it: retry if another process took it meanwhile.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            var options = string.Join(' ',
                $"-p {Port}", $"-k {_baseDirectory}", "-c listen_addresses=127.0.0.1",
                "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=300");
            try
            {
                await RunAsPostgresAsync("pg_ctl",
                    ["-D", dataDirectory, "-l", Path.Combine(_baseDirectory, "server.log"), "-w", "-t", "60", "-o", options, "start"],
                    TimeSpan.FromSeconds(90)).ConfigureAwait(false);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // e.g. "could not bind IPv4 address": try another port.
            }
        }

        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
    }

    /// <summary>
    /// Creates a new empty database and returns an Npgsql connection string to it (superuser, pooling on,
    /// error details included). On a private server the database is named <paramref name="name"/>
    /// (lower-cased; <c>name_2</c>, <c>name_3</c>… when taken); on an external server it gets a unique suffix.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var baseName = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (_external)
        {
            baseName += "_" + Guid.NewGuid().ToString("N")[..8];
        }
        baseName = baseName.Length > 50 ? baseName[..50] : baseName;

        await _createLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            var databaseName = baseName;
            for (var n = 2; await DatabaseExistsAsync(connection, databaseName).ConfigureAwait(false); n++)
            {
                databaseName = $"{baseName}_{n}";
            }
            await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", connection))
            {
                await create.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            _createdDatabases.Add(databaseName);

            return new NpgsqlConnectionStringBuilder(AdminConnectionString)
            {
                Database = databaseName,
                Pooling = true,
                IncludeErrorDetail = true,
            }.ConnectionString;
        }
        finally
        {
            _createLock.Release();
        }
    }

    public Task DisposeAsync() => StopAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        ProcessExitCleanup.Unregister(this);
        NpgsqlConnection.ClearAllPools();

        if (_external)
        {
            await DropCreatedDatabasesAsync().ConfigureAwait(false);
            return;
        }
        if (_baseDirectory is null)
        {
            return;
        }
        var dataDirectory = Path.Combine(_baseDirectory, "data");
        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            // Immediate: the data is thrown away anyway.
            await RunAsPostgresAsync("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"],
                TimeSpan.FromSeconds(40), throwOnError: false).ConfigureAwait(false);
        }
        try
        {
            Directory.Delete(_baseDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task DropCreatedDatabasesAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            foreach (var database in _createdDatabases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // Best effort: an external server's leftovers do not fail a test run.
        }
    }

    private static async Task<bool> DatabaseExistsAsync(NpgsqlConnection connection, string name)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return await command.ExecuteScalarAsync().ConfigureAwait(false) is not null;
    }

    private static Task<string> RunAsPostgresAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout, bool throwOnError = true)
    {
        var executable = Path.Combine(BinDirectory, tool);
        return ExternalProcess.IsRoot
            ? ExternalProcess.RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments], timeout, throwOnError: throwOnError)
            : ExternalProcess.RunAsync(executable, arguments, timeout, throwOnError: throwOnError);
    }
}
