using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts.Events.Procedures;
using Cchc.Testing;
using Npgsql;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// No silent loss, on a real RabbitMQ node: an event the consumer throws on goes to its error queue after its retries,
/// and shows in the status API, on the report pages and in the health (Degraded) while other events keep flowing; after
/// the fix, a replay (reporting.admin) applies it once — even delivered twice — and a second replay changes nothing.
/// The poison is real: a trigger refuses the dossier (as a database-side bug would); the fix drops it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ErrorQueueTests(PostgresServer postgres, RabbitMqNode rabbit) : IClassFixture<RabbitMqNode>
{
    private static readonly DateOnly ClosedOn = new(2019, 6, 5);

    [Fact]
    public async Task APoisonEvent_ShowsInStatusPagesAndHealth_OthersKeepFlowing_AndAReplayAfterTheFixAppliesItOnce()
    {
        await using var app = await ReportingApp.StartWithBrokerAsync(postgres, rabbit, "error_queues",
        [
            new("Messaging:RetryLimit", "1"),
            new("Messaging:RetryMinInterval", "00:00:00.050"),
            new("Messaging:RetryMaxInterval", "00:00:00.100"),
            new("Reporting:ErrorQueues:CacheFor", "00:00:00"),
        ]);
        await ExecuteAsync(app, """
            CREATE FUNCTION test_refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.dossier_id LIKE 'POISON%' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_refuse_poison BEFORE INSERT OR UPDATE ON dossier_facts FOR EACH ROW EXECUTE FUNCTION test_refuse_poison();
            """);
        using var reader = app.CreateClient();
        using var anonymous = app.CreateClient(token: null);
        using var operatorClient = app.CreateClient(app.OperatorToken);

        // The same event twice (a redelivery, the same message id), then a healthy one behind it.
        var poisonId = Guid.NewGuid();
        await app.PublishAsync(Recorded(Dossier("POISON-1")), poisonId);
        await app.PublishAsync(Recorded(Dossier("POISON-1")), poisonId);
        var healthyId = Guid.NewGuid();
        await app.PublishAsync(Recorded(Dossier("OK-1")), healthyId);

        await Eventually.AssertAsync(async () => await ScalarAsync(app, $"SELECT count(*) FROM inbox_messages WHERE message_id = '{healthyId}'") == 1,
            TimeSpan.FromSeconds(60), "the healthy event behind the poison is applied");
        await Eventually.AssertAsync(async () => await WaitingAsync(reader) == 2, TimeSpan.FromSeconds(60), "both copies of the poison wait in the error queue");
        var errorQueues = (await reader.GetFromJsonAsync<JsonElement>("/api/reports/status")).GetProperty("errorQueues");
        Assert.Equal(1, errorQueues.GetProperty("unresolvedFailures").GetInt64());
        Assert.True(errorQueues.GetProperty("brokerReachable").GetBoolean());
        var since = errorQueues.GetProperty("since").GetDateTimeOffset();
        Assert.InRange(since, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        var queue = Assert.Single(errorQueues.GetProperty("queues").EnumerateArray());
        Assert.Equal("dossiers-recorded_error", queue.GetProperty("name").GetString());
        Assert.Equal(1, await ScalarAsync(app, "SELECT count(*) FROM dossier_facts"));
        Assert.Equal(2, await ScalarAsync(app, $"SELECT failures FROM consume_failures WHERE message_id = '{poisonId}'"));

        Assert.Equal("Degraded", await anonymous.GetStringAsync("/health"));
        var index = await anonymous.GetStringAsync("/reports");
        Assert.Contains("Cảnh báo:", index);
        Assert.Contains("2 sự kiện", index);
        Assert.Contains("2 sự kiện", await anonymous.GetStringAsync("/reports/appendices/3?periods=2019"));

        // Replaying is an operator's: a token is needed, and reporting.admin.
        using (var none = await anonymous.PostAsync("/api/reports/error-queues/replay", null))
        using (var notAdmin = await reader.PostAsync("/api/reports/error-queues/replay", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        }
        Assert.Equal(2, await WaitingAsync(reader));

        // The fix, then the replay: both copies go back; the inbox applies the event once.
        await ExecuteAsync(app, "DROP TRIGGER test_refuse_poison ON dossier_facts");
        var first = await ReplayAsync(operatorClient);
        Assert.Equal(2, first.GetProperty("replayed").GetInt32());
        Assert.Equal("dossiers-recorded_error", Assert.Single(first.GetProperty("queues").EnumerateArray()).GetProperty("name").GetString());

        await Eventually.AssertAsync(async () => await ScalarAsync(app, $"SELECT count(*) FROM inbox_messages WHERE message_id = '{poisonId}'") == 1,
            TimeSpan.FromSeconds(60), "the replayed event is applied");
        await Eventually.AssertAsync(async () => await WaitingAsync(reader) == 0 && await AnonymousHealthAsync(anonymous) == "Healthy",
            TimeSpan.FromSeconds(60), "the error queue is empty and the service healthy again");
        await AssertCountedOnceAsync(app, reader);
        Assert.DoesNotContain("Cảnh báo:", await anonymous.GetStringAsync("/reports"));

        // A second replay finds nothing and changes nothing.
        var second = await ReplayAsync(operatorClient);
        Assert.Equal(0, second.GetProperty("replayed").GetInt32());
        Assert.Empty(second.GetProperty("queues").EnumerateArray());
        await AssertCountedOnceAsync(app, reader);
        Assert.Equal(1, await ScalarAsync(app, $"SELECT count(*) FROM inbox_messages WHERE message_id = '{poisonId}'"));
    }

    /// <summary>Two dossiers (the healthy one and the replayed one), each counted once in the daily counts and the status.</summary>
    private static async Task AssertCountedOnceAsync(ReportingApp app, HttpClient reader)
    {
        Assert.Equal(2, await ScalarAsync(app, "SELECT count(*) FROM dossier_facts"));
        Assert.Equal(2, await ScalarAsync(app, $"SELECT dossiers FROM dossier_daily_counts WHERE closed_on = '{ClosedOn:yyyy-MM-dd}' AND status = 2"));
        var status = await reader.GetFromJsonAsync<JsonElement>("/api/reports/status");
        Assert.Equal(2, status.GetProperty("dossiers").GetInt64());
        Assert.Equal(0, status.GetProperty("errorQueues").GetProperty("unresolvedFailures").GetInt64());
    }

    private static async Task<JsonElement> ReplayAsync(HttpClient operatorClient)
    {
        using var response = await operatorClient.PostAsync("/api/reports/error-queues/replay", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<long> WaitingAsync(HttpClient reader) =>
        (await reader.GetFromJsonAsync<JsonElement>("/api/reports/status")).GetProperty("errorQueues").GetProperty("waiting").GetInt64();

    private static Task<string> AnonymousHealthAsync(HttpClient anonymous) => anonymous.GetStringAsync("/health");

    private static DossiersRecorded Recorded(DossierState dossier) => new() { Dossiers = [dossier], OccurredAt = DateTimeOffset.UtcNow };

    private static DossierState Dossier(string id)
    {
        var received = new DateTimeOffset(2019, 6, 1, 2, 0, 0, TimeSpan.Zero);
        return new DossierState
        {
            DossierId = id, Version = 2, ProcedureCode = "P1", ReceivingUnit = "Sở Tư pháp", UnitLevel = GovernmentLevel.Province,
            Channel = DossierChannel.InPerson, Status = DossierStatus.Resolved, ReceivedAt = received, DueAt = received.AddDays(10),
            ClosedAt = new DateTimeOffset(ClosedOn.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero),
        };
    }

    private static async Task ExecuteAsync(ReportingApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(ReportingApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
