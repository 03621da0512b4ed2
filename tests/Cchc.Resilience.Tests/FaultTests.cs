using System.Net.Http.Json;
using Cchc.Contracts;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Cchc.Resilience.Tests;

/// <summary>
/// Issue 17: whatever fails during a 100,000-dossier import through the gateway, the report ends equal to the facts —
/// every count exact, nothing counted twice. Each scenario imports its own year, so its figures are its own; the same
/// platform serves them all, one after the other.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed class FaultTests(FaultPlatform platform, Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Dossiers = 100_000;
    private static readonly TimeSpan CatchUp = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task BrokerStoppedFor30Seconds_TheImportGoesOn_AndTheReportEndsExact()
    {
        var facts = new ScenarioDossiers("RS-MQ", 2011, Dossiers);
        var import = new ResumableImport(platform, facts);
        // The outage lasts at least 30 s (the figure) while the import goes on: a duration, not a wait for readiness.
        var outage = TimeSpan.FromSeconds(30);
        DateTime? stoppedAt = null;
        await import.RunAsync(beforeCall: async call =>
        {
            if (call == 4)
            {
                await platform.StopAsync(ResourceNames.Messaging);
                stoppedAt = DateTime.UtcNow;
            }
            else if (stoppedAt is { } at && DateTime.UtcNow - at >= outage)
            {
                await platform.StartAsync(ResourceNames.Messaging);
                stoppedAt = null;
            }
        });
        if (stoppedAt is { } stopped)
        {
            var left = outage - (DateTime.UtcNow - stopped);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left);
            }
            await platform.StartAsync(ResourceNames.Messaging);
        }
        await AssertReportEqualsFactsAsync(facts, import);
    }

    [Fact]
    public Task ProceduresServiceKilledMidCall_TheClientResends_AndTheReportEndsExact() =>
        FaultMidCallAsync("RS-KILLP", 2012, atCall: 7, () => platform.KillAndRestartAsync(ResourceNames.ProceduresApi, "Cchc.Procedures.Api"));

    [Fact]
    public async Task ReportingServiceKilledMidConsumption_TheReportEndsExact()
    {
        var facts = new ScenarioDossiers("RS-KILLR", 2013, Dossiers);
        var import = new ResumableImport(platform, facts);
        var killed = false;
        await import.RunAsync(beforeCall: async call =>
        {
            if (!killed && call >= 6 && await AppliedAsync(facts) > 0)
            {
                killed = true;
                await platform.KillAndRestartAsync(ResourceNames.ReportingApi, "Cchc.Reporting.Api");
            }
        });
        Assert.True(killed, "the reporting service was killed while it was consuming the import's events");
        await AssertReportEqualsFactsAsync(facts, import);
    }

    [Fact]
    public Task DatabaseServerRestartedMidImport_TheClientResends_AndTheReportEndsExact() =>
        FaultMidCallAsync("RS-PG", 2014, atCall: 9, () => platform.RestartAsync(ResourceNames.Postgres));

    /// <summary>The fault strikes while call <paramref name="atCall"/> is half sent: that call fails, is sent again whole, and the report ends exact.</summary>
    private async Task FaultMidCallAsync(string prefix, int year, int atCall, Func<Task> fault)
    {
        var facts = new ScenarioDossiers(prefix, year, Dossiers);
        var import = new ResumableImport(platform, facts);
        await import.RunAsync(midCall: async call =>
        {
            if (call == atCall)
            {
                await fault();
            }
        });
        Assert.True(import.Resent >= 1, "the call in flight when the fault struck failed and was sent again");
        await AssertReportEqualsFactsAsync(facts, import);
    }

    [Fact]
    public async Task EveryEventDeliveredTwice_CountsOnce()
    {
        var facts = new ScenarioDossiers("RS-DUP", 2015, Dossiers);
        await using var doubler = await Doubler.StartAsync(await platform.BrokerAsync(), DossiersQueue);
        var import = new ResumableImport(platform, facts);
        await import.RunAsync();
        await AssertReportEqualsFactsAsync(facts, import);
        // Every event of the import reached the consumer's queue a second time (same message id) before the check passed or after.
        await Eventually.AssertAsync(() => doubler.Copies >= import.Events, CatchUp,
            $"the doubler sent a second copy of each of the import's {import.Events} events (sent {doubler.Copies})");
        await AssertReportEqualsFactsAsync(facts, import);
    }

    [Fact]
    public async Task PoisonMessage_GoesToTheErrorQueue_TheRestFlows_AndItsReplayAfterTheFixCountsOnce()
    {
        var facts = new ScenarioDossiers("RS-POISON", 2016, Dossiers);
        var poisonId = facts.IdOf(42_424);
        // The "bug": the read model refuses one dossier of one event (1,000 dossiers), every time it is applied.
        await platform.ReportingExecuteAsync($"""
            CREATE FUNCTION resilience_poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.dossier_id = '{poisonId}' THEN RAISE EXCEPTION 'resilience test: dossier % refused', NEW.dossier_id; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER resilience_poison BEFORE INSERT OR UPDATE ON dossier_facts FOR EACH ROW EXECUTE FUNCTION resilience_poison();
            """);
        var import = new ResumableImport(platform, facts);
        await import.RunAsync();

        // The rest flows: every other event is applied; the poisoned one waits in the error queue.
        var missing = 1_000;
        await Eventually.AssertAsync(async () => await AppliedAsync(facts) == facts.Count - missing, CatchUp,
            $"every dossier but the poisoned event's {missing} reaches the read model");
        await Eventually.AssertAsync(async () => await ErrorQueueDepthAsync() == 1, CatchUp,
            "the poisoned event waits in the dossier consumer's error queue");
        Assert.Equal(0, await platform.ReportingScalarAsync("SELECT count(*) FROM dossier_facts WHERE dossier_id = @id", ("id", poisonId)));

        // The fix, then the operator's replay (ADR 0018): applied once.
        await platform.ReportingExecuteAsync("DROP TRIGGER resilience_poison ON dossier_facts; DROP FUNCTION resilience_poison();");
        using var operatorHttp = new HttpClient(new BearerTokenHandler(await platform.TokenForAsync("cchc-operator"), new SocketsHttpHandler()))
        {
            BaseAddress = platform.HttpAddress, Timeout = TimeSpan.FromSeconds(60),
        };
        using (var replay = await operatorHttp.PostAsync("/api/reports/error-queues/replay", content: null))
        {
            Assert.True(replay.IsSuccessStatusCode, $"replay: {(int)replay.StatusCode} {await replay.Content.ReadAsStringAsync()}");
        }
        await AssertReportEqualsFactsAsync(facts, import);
        Assert.Equal(0u, await ErrorQueueDepthAsync());
        // A second replay finds nothing to move and changes nothing.
        using (var again = await operatorHttp.PostAsync("/api/reports/error-queues/replay", content: null))
        {
            Assert.True(again.IsSuccessStatusCode);
        }
        await AssertReportEqualsFactsAsync(facts, import);
    }

    // --- checks -------------------------------------------------------------------------------------------------------

    /// <summary>The dossier consumer's queue (MassTransit kebab-case name of DossiersRecordedConsumer).</summary>
    private const string DossiersQueue = "dossiers-recorded";

    private Task<long> AppliedAsync(ScenarioDossiers facts) =>
        platform.ReportingScalarAsync("SELECT count(*) FROM dossier_facts WHERE dossier_id LIKE @prefix", ("prefix", facts.Prefix + "-%"));

    private async Task<uint> ErrorQueueDepthAsync()
    {
        var factory = new ConnectionFactory { Uri = await platform.BrokerAsync() };
        await using var connection = await factory.CreateConnectionAsync("resilience-tests");
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(DossiersQueue + "_error")).MessageCount;
    }

    /// <summary>
    /// The facts against the platform: the import accounted for every record; the read model holds each dossier once and its
    /// daily counts of the year sum to exactly the resolved and on-time dossiers per level; Appendix 3's rates equal the facts'.
    /// </summary>
    private async Task AssertReportEqualsFactsAsync(ScenarioDossiers facts, ResumableImport import)
    {
        output.WriteLine($"{facts.Prefix} ({facts.Year}): {facts.Count:N0} records, inserted {import.Inserted:N0}, unchanged {import.Unchanged:N0}, "
            + $"events {import.Events}, calls sent again {import.Resent}");
        Assert.Equal(facts.Count, import.Inserted + import.Unchanged);
        Assert.True(import.Inserted <= facts.Count);
        await Eventually.AssertAsync(async () => await AppliedAsync(facts) == facts.Count, CatchUp,
            $"the read model holds the {facts.Count:N0} dossiers of {facts.Year}");

        var expected = facts.Expected();
        foreach (var (level, (resolved, onTime)) in expected)
        {
            var from = new DateOnly(facts.Year, 1, 1);
            var to = new DateOnly(facts.Year, 12, 31);
            (string, object)[] args = [("level", (short)level), ("from", from), ("to", to)];
            // Daily counts are adjusted by each event as it is applied: a duplicate applied twice would show here.
            await Eventually.AssertAsync(async () =>
                    await platform.ReportingScalarAsync(
                        "SELECT coalesce(sum(dossiers), 0) FROM dossier_daily_counts WHERE unit_level = @level AND closed_on BETWEEN @from AND @to AND status = 2", args) == resolved
                    && await platform.ReportingScalarAsync(
                        "SELECT coalesce(sum(on_time), 0) FROM dossier_daily_counts WHERE unit_level = @level AND closed_on BETWEEN @from AND @to AND status = 2", args) == onTime,
                CatchUp, $"{level}: the daily counts of {facts.Year} sum to {resolved} resolved, {onTime} on time");
        }

        var rates = await platform.OnTimeRatesAsync(facts.Year);
        foreach (var (level, rate) in facts.ExpectedRates())
        {
            Assert.True(rates.TryGetValue(level, out var actual) && actual is { } a && Math.Round(a, 2) == Math.Round(rate, 2),
                $"Appendix 3, {level} on-time rate for {facts.Year}: expected {rate:0.00}, got {(rates.TryGetValue(level, out var x) ? x : null)}");
        }
    }

    /// <summary>
    /// A broker that delivers every message twice: a queue bound to the consumer endpoint's exchange receives a copy of each
    /// message, and each copy is published again to the consumer's queue — same body, properties and message id.
    /// </summary>
    private sealed class Doubler : IAsyncDisposable
    {
        private const string Queue = "resilience-doubler";
        private readonly IConnection _connection;
        private readonly IChannel _channel;
        private int _copies;

        private Doubler(IConnection connection, IChannel channel) => (_connection, _channel) = (connection, channel);

        public int Copies => Volatile.Read(ref _copies);

        public static async Task<Doubler> StartAsync(Uri broker, string consumerQueue)
        {
            var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync("resilience-doubler");
            var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
            var doubler = new Doubler(connection, channel);
            await channel.QueueDeclareAsync(Queue, durable: false, exclusive: true, autoDelete: true);
            // MassTransit binds each message type's exchange to an exchange named after the endpoint, bound to its queue.
            await channel.QueueBindAsync(Queue, consumerQueue, routingKey: "");
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await channel.BasicPublishAsync("", consumerQueue, mandatory: true, new BasicProperties(delivery.BasicProperties), delivery.Body);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                Interlocked.Increment(ref doubler._copies);
            };
            await channel.BasicConsumeAsync(Queue, autoAck: false, consumer);
            return doubler;
        }

        public async ValueTask DisposeAsync()
        {
            await _channel.CloseAsync();
            await _connection.CloseAsync();
            _channel.Dispose();
            _connection.Dispose();
        }
    }
}
