using System.Net;
using Cchc.Contracts;
using Cchc.Procedures.Api.Data;
using Cchc.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Cchc.Procedures.Tests.Integration;

[Collection(ProceduresServiceCollection.Name)]
public sealed class HostingTests(ProceduresService service)
{
    [Fact]
    public async Task MigrateVerb_CreatesAMissingDatabaseWithEveryTable_AndRunsAgainHarmlessly()
    {
        var database = "migrate_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(service.ConnectionString) { Database = database }.ConnectionString;
        KeyValuePair<string, string?>[] settings = [new("ConnectionStrings:proceduresdb", connectionString)];

        Assert.True(MigrateCommand.IsRequested(["migrate"]));
        Assert.False(MigrateCommand.IsRequested(["migrate", "now"]));
        Assert.Equal(0, await Program.Definition.MigrateAsync(settings));
        Assert.Equal(0, await Program.Definition.MigrateAsync(settings));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal("__EFMigrationsHistory,audit_entries,dossiers,fact_corrections,feedback,idempotency_records,inbox_messages,outbox_messages,period_locks,procedure_versions,procedures,unit_reference_periods,unit_reference_units", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task MigrateAtStart_MigratesWithTheHostsOwnServices_OnlyWhenTheSettingAsks()
    {
        var database = "at_start_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = new NpgsqlConnectionStringBuilder(service.ConnectionString) { Database = database }.ConnectionString;
        // The service's database registered as the service registers it (DomainService.AddTo, the migrate verb), in a
        // built host that is not started: what DomainService.RunAsync hands to MigrateAtStartAsync before it runs.
        IHost Built(params string[] more)
        {
            var builder = Host.CreateApplicationBuilder([$"--ConnectionStrings:proceduresdb={connectionString}", .. more]);
            builder.AddServiceDatabase<ProceduresDbContext>(Program.Definition.Database);
            return builder.Build();
        }

        using (var host = Built())
        {
            Assert.False(MigrateCommand.IsRequestedAtStart(host.Services.GetRequiredService<IConfiguration>()));
            await MigrateCommand.MigrateAtStartAsync<ProceduresDbContext>(host);
        }
        Assert.Equal(0L, await CountDatabasesNamedAsync(database));

        using (var host = Built($"--{StartupSettings.MigrateAtStart}=true"))
        {
            Assert.True(MigrateCommand.IsRequestedAtStart(host.Services.GetRequiredService<IConfiguration>()));
            await MigrateCommand.MigrateAtStartAsync<ProceduresDbContext>(host);
        }
        await using var db = new ProceduresDbContext(new DbContextOptionsBuilder<ProceduresDbContext>().UseNpgsql(connectionString).Options);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    private async Task<long> CountDatabasesNamedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Alive_AnswersWithoutTheBroker()
    {
        using var client = service.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/alive", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
