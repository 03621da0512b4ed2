using System.Diagnostics;
using System.Text.Json;
using Cchc.Messaging.Tests.Support;
using Cchc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Messaging.Tests.Integration;

[Collection(ServersCollection.Name)]
public sealed class OutboxRelayTests(PostgresServer postgres, RabbitMqNode rabbit, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _prefix = "relay-" + Guid.NewGuid().ToString("N")[..6];
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(postgres, "relay");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<RunningHost> StartAsync(bool relay, bool consumer, DeliveryProbe? probe = null, Action<OutboxRelayOptions>? configureRelay = null) =>
        TestHost.StartAsync(_db, rabbit.AmqpUri, new TestHostOptions
        {
            Relay = relay,
            Consumer = consumer,
            EndpointPrefix = _prefix,
            Probe = probe ?? new DeliveryProbe(),
            ConfigureRelay = configureRelay,
        }, output);

    private async Task AssertEachAppliedOnceAsync(IReadOnlyCollection<string> factIds)
    {
        await Eventually.AssertAsync(() => _db.AllAppliedAsync(factIds), Patience, $"all {factIds.Count} events should take effect");
        var effects = await _db.EffectsAsync();
        Assert.All(factIds, id => Assert.Equal(1, effects[id]));
    }

    [Fact]
    public async Task EventsCommittedWhileNoRelayRuns_AreDeliveredOnceByTheNextRelay()
    {
        // The service died after COMMIT and before any publish: only the outbox rows remain.
        var factIds = await _db.RecordFactsAsync(60, perSave: 7);
        Assert.Equal(60, await _db.CountUnsentAsync());

        await using var host = await StartAsync(relay: true, consumer: true);

        await AssertEachAppliedOnceAsync(factIds);
        await Eventually.AssertAsync(async () => await _db.CountUnsentAsync() == 0, Patience, "every outbox row should be marked sent");
        Assert.All(await _db.OutboxAsync(), m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task RelayDiesAfterPublishingBeforeMarkingSent_RepublishedEventsTakeEffectOnce()
    {
        var factIds = await _db.RecordFactsAsync(25, perSave: 25);
        var rows = await _db.OutboxAsync();
        var probe = new DeliveryProbe();

        // What a relay that crashed before its UPDATE left behind: every event published, no row marked sent.
        await using (var consumerOnly = await StartAsync(relay: false, consumer: true, probe))
        {
            foreach (var row in rows)
            {
                var type = MessageTypeResolver.Resolve(row.MessageType)!;
                var message = JsonSerializer.Deserialize(row.Payload, type, MessagingJson.Options)!;
                await consumerOnly.Bus.Publish(message, type, Pipe.Execute<PublishContext>(c => c.MessageId = row.MessageId));
            }
            await AssertEachAppliedOnceAsync(factIds);
        }
        Assert.Equal(25, await _db.CountUnsentAsync());

        await using var restarted = await StartAsync(relay: true, consumer: true, probe);

        await Eventually.AssertAsync(() => factIds.All(id => probe.DeliveriesOf(id) == 2), Patience,
            "the restarted relay should publish every unsent row again (at-least-once)");
        await Eventually.AssertAsync(async () => await _db.CountUnsentAsync() == 0, Patience, "the republished rows should be marked sent");
        var effects = await _db.EffectsAsync();
        Assert.All(factIds, id => Assert.Equal(1, effects[id]));
    }

    [Fact]
    public async Task BrokerDownWhileFactsAreRecorded_EveryEventArrivesOnceAfterItReturns()
    {
        await using var host = await StartAsync(relay: true, consumer: true);
        var before = await _db.RecordFactsAsync(5);
        await AssertEachAppliedOnceAsync(before);

        List<string> during;
        output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} stopping the broker");
        await rabbit.StopAsync();
        output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} broker stopped");
        try
        {
            during = [.. await _db.RecordFactsAsync(30, perSave: 3), .. await _db.RecordFactsRawAsync(30)];
            await Eventually.AssertAsync(async () => await _db.CountAsync("attempts > 0 AND last_error IS NOT NULL AND sent_at IS NULL") > 0,
                Patience, "the relay should try, fail and record the error while the broker is down");
            Assert.Equal(60, await _db.CountUnsentAsync());
        }
        finally
        {
            output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} starting the broker");
            await rabbit.StartAsync();
            output.WriteLine($"{DateTime.Now:HH:mm:ss.fff} broker started");
        }

        await Eventually.AssertAsync(() => _db.AllAppliedAsync(during), TimeSpan.FromSeconds(60), "every event recorded during the outage should arrive once the broker is back");
        var effects = await _db.EffectsAsync();
        Assert.All(before.Concat(during), id => Assert.Equal(1, effects[id]));
        await Eventually.AssertAsync(async () => await _db.CountUnsentAsync() == 0, Patience, "every outbox row should end up sent");
    }

    [Fact]
    public async Task CommittedOutboxRows_WakeTheRelayLongBeforeItsNextPoll()
    {
        await using var host = await StartAsync(relay: true, consumer: true, configureRelay: o => o.PollInterval = TimeSpan.FromMinutes(5));
        var quickly = TimeSpan.FromSeconds(10);
        // Once its LISTEN connection is up, the relay sleeps until a notification (or a poll five minutes away).
        await Eventually.AssertAsync(async () => await _db.ScalarAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'") == 1,
            Patience, "the relay should LISTEN for outbox notifications");

        // EF SaveChanges in its own transaction; the context comes from DI, where AddOutboxRelay added the interceptor.
        var viaEf = TestDatabase.NewEvent();
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Facts.Add(new Fact { Id = viaEf.FactId, Day = viaEf.Day });
            db.AddIntegrationEvent(viaEf);
            await db.SaveChangesAsync();
        }
        await Eventually.AssertAsync(() => _db.AllAppliedAsync([viaEf.FactId]), quickly, "a SaveChanges commit should wake the relay");

        // EF inside a caller's transaction, on a hand-built context with UseOutboxNotifications.
        var viaTransaction = TestDatabase.NewEvent();
        await using (var db = _db.NewContext(notify: true))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Facts.Add(new Fact { Id = viaTransaction.FactId, Day = viaTransaction.Day });
            db.AddIntegrationEvent(viaTransaction);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await Eventually.AssertAsync(() => _db.AllAppliedAsync([viaTransaction.FactId]), quickly, "a caller's COMMIT should wake the relay");

        // Raw Npgsql path (COPY import): Outbox.WriteAsync notifies inside the transaction.
        var viaRaw = await _db.RecordFactsRawAsync(3);
        await Eventually.AssertAsync(() => _db.AllAppliedAsync(viaRaw), quickly, "Outbox.WriteAsync's commit should wake the relay");
    }

    [Fact]
    public async Task RolledBackTransactions_PublishNothing()
    {
        await using var host = await StartAsync(relay: true, consumer: true);
        var rolledBackRaw = await _db.RecordFactsRawAsync(5, commit: false);
        var rolledBackEf = TestDatabase.NewEvent();
        await using (var db = _db.NewContext(notify: true))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Facts.Add(new Fact { Id = rolledBackEf.FactId, Day = rolledBackEf.Day });
            db.AddIntegrationEvent(rolledBackEf);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var committed = await _db.RecordFactsAsync(1);
        await AssertEachAppliedOnceAsync(committed);

        var effects = await _db.EffectsAsync();
        Assert.DoesNotContain(rolledBackEf.FactId, effects.Keys);
        Assert.All(rolledBackRaw, id => Assert.DoesNotContain(id, effects.Keys));
        Assert.Equal(1, await _db.CountAsync());
    }

    [Fact]
    public async Task EventThatNoQueueIsBoundFor_StaysUnsentUntilItsConsumerExists()
    {
        // The consumer's queue does not exist yet (its service never started): RabbitMQ would drop the message.
        var orphanPrefix = _prefix + "-late";
        await using (var relayOnly = await TestHost.StartAsync(_db, rabbit.AmqpUri, new TestHostOptions
        {
            Relay = true,
            EndpointPrefix = orphanPrefix,
            ConfigureRelay = o => o.UnroutableRetryInterval = TimeSpan.FromMilliseconds(300),
            ConfigureBus = _ => { },
        }, output))
        {
            // Other tests' queues are bound to FactRecorded's exchange; use a type nobody consumes instead.
            await using var db = _db.NewContext();
            db.AddIntegrationEvent(new Events.LateEvent { Id = "late-1" });
            await db.SaveChangesAsync();
            await Eventually.AssertAsync(async () => await _db.CountAsync("message_type LIKE '%LateEvent' AND last_error LIKE 'Unroutable%'") == 1,
                Patience, "an event returned as unroutable should be recorded as a failed attempt");
            Assert.Equal(1, await _db.CountAsync("message_type LIKE '%LateEvent' AND sent_at IS NULL"));
        }

        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        LateEventConsumer.Received = received;
        await using var withConsumer = await TestHost.StartAsync(_db, rabbit.AmqpUri, new TestHostOptions
        {
            Relay = true,
            EndpointPrefix = orphanPrefix,
            ConfigureRelay = o => o.UnroutableRetryInterval = TimeSpan.FromMilliseconds(300),
            ConfigureBus = bus => bus.AddConsumer<LateEventConsumer>(),
        }, output);

        Assert.Equal("late-1", await received.Task.WaitAsync(Patience));
        await Eventually.AssertAsync(async () => await _db.CountUnsentAsync() == 0, Patience, "the late event should be marked sent");
    }

    [Fact]
    public async Task Relay_PublishesABulkImportConcurrently_AndReportsItsThroughput()
    {
        const int count = 10_000;
        await using (var connection = new Npgsql.NpgsqlConnection(_db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await Outbox.WriteAsync(connection, transaction,
                Enumerable.Range(0, count).Select(i => new Events.ThroughputProbe { Number = i }), CancellationToken.None);
            await transaction.CommitAsync();
        }

        var watch = Stopwatch.StartNew();
        // No queue is bound for ThroughputProbe: publish without the mandatory flag, the broker confirms and drops.
        await using var host = await StartAsync(relay: true, consumer: false, configureRelay: o => o.RequireRoute = false);
        await Eventually.AssertAsync(async () => await _db.CountUnsentAsync() == 0, TimeSpan.FromSeconds(60), $"all {count} rows should be published");
        watch.Stop();

        output.WriteLine($"Relay throughput: {count} messages in {watch.Elapsed.TotalSeconds:0.00} s = {count / watch.Elapsed.TotalSeconds:0} msg/s (host start included)");
        Assert.Equal(count, await _db.CountAsync("sent_at IS NOT NULL AND attempts = 1"));
    }
}
