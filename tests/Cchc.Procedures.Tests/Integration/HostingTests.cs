using System.Net;
using Cchc.ServiceKit;
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
    public async Task Alive_AnswersWithoutTheBroker()
    {
        using var client = service.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/alive", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
