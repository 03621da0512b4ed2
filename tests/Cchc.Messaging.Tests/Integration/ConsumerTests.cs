using System.Text;
using Cchc.Messaging.Tests.Events;
using Cchc.Messaging.Tests.Support;
using Cchc.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Cchc.Messaging.Tests.Integration;

[Collection(ServersCollection.Name)]
public sealed class ConsumerTests(PostgresServer postgres, RabbitMqNode rabbit, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _prefix = "consumer-" + Guid.NewGuid().ToString("N")[..6];
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(postgres, "consumer");

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<RunningHost> StartConsumerAsync(DeliveryProbe probe) =>
        TestHost.StartAsync(_db, rabbit.AmqpUri, new TestHostOptions { Consumer = true, EndpointPrefix = _prefix, Probe = probe }, output);

    private static Task PublishAsync(IBus bus, FactRecorded message, Guid messageId) =>
        bus.Publish(message, Pipe.Execute<PublishContext<FactRecorded>>(c => c.MessageId = messageId));

    [Fact]
    public async Task SameMessageDeliveredTwice_TakesEffectOnce()
    {
        var probe = new DeliveryProbe();
        await using var host = await StartConsumerAsync(probe);
        var twice = TestDatabase.NewEvent();
        var twiceId = NewId.NextGuid();
        var concurrent = TestDatabase.NewEvent();
        var concurrentId = NewId.NextGuid();

        await PublishAsync(host.Bus, twice, twiceId);
        await PublishAsync(host.Bus, twice, twiceId);
        // Ten copies at once: consumers run concurrently (prefetch 128), so duplicates race on the inbox key.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PublishAsync(host.Bus, concurrent, concurrentId)));

        // Wait for every copy's handling to have finished (committed), not merely started: otherwise the effect of the
        // copy that wins the inbox race may not be committed yet when the effects are read.
        await Eventually.AssertAsync(() => probe.CompletionsOf(twice.FactId) == 2 && probe.CompletionsOf(concurrent.FactId) == 10,
            Patience, "every copy should be handled to the end (applied once, skipped otherwise)");
        var effects = await _db.EffectsAsync();
        Assert.Equal(1, effects[twice.FactId]);
        Assert.Equal(1, effects[concurrent.FactId]);
    }

    [Fact]
    public async Task PoisonMessage_EndsInTheErrorQueueAfterRetries_WhileOtherMessagesFlow()
    {
        var probe = new DeliveryProbe();
        await using var host = await StartConsumerAsync(probe);
        var poison = TestDatabase.NewEvent(FactRecordedConsumer.PoisonPrefix);
        var poisonId = NewId.NextGuid();
        var good = Enumerable.Range(0, 20).Select(_ => TestDatabase.NewEvent()).ToList();

        await PublishAsync(host.Bus, poison, poisonId);
        await Task.WhenAll(good.Select(e => PublishAsync(host.Bus, e, NewId.NextGuid())));

        await Eventually.AssertAsync(() => _db.AllAppliedAsync(good.Select(e => e.FactId)), Patience, "good messages should flow past the poison one");

        var errorQueue = TestHost.QueueName<FactRecordedConsumer>(_prefix) + "_error";
        var factory = new ConnectionFactory { Uri = rabbit.AmqpUri };
        await using var connection = await factory.CreateConnectionAsync();
        BasicGetResult? faulted = null;
        await Eventually.AssertAsync(async () =>
        {
            // A fresh channel per attempt: basic.get on a queue that does not exist yet closes the channel (404).
            await using var attempt = await connection.CreateChannelAsync();
            faulted = await attempt.BasicGetAsync(errorQueue, autoAck: true);
            return faulted is not null;
        }, Patience, $"the poison message should be moved to {errorQueue}");
        await using var channel = await connection.CreateChannelAsync();

        Assert.Equal(poisonId.ToString(), faulted!.BasicProperties.MessageId);
        Assert.Contains(poison.FactId, Encoding.UTF8.GetString(faulted.Body.Span));
        var faultMessage = faulted.BasicProperties.Headers?["MT-Fault-Message"] as byte[];
        Assert.NotNull(faultMessage);
        Assert.Contains("cannot be applied", Encoding.UTF8.GetString(faultMessage));
        // One delivery plus the configured retries (Messaging:RetryLimit = 2 in the test host).
        Assert.Equal(3, probe.DeliveriesOf(poison.FactId));
        Assert.DoesNotContain(poison.FactId, (await _db.EffectsAsync()).Keys);
        Assert.Null(await channel.BasicGetAsync(errorQueue, autoAck: true));
    }

    [Fact]
    public async Task PublishOnlyService_StartsAndReportsTheBusHealthy()
    {
        await using var host = await TestHost.StartAsync(_db, rabbit.AmqpUri, new TestHostOptions { Relay = true, EndpointPrefix = _prefix }, output);
        var health = host.Services.GetRequiredService<HealthCheckService>();

        HealthReport? report = null;
        await Eventually.AssertAsync(async () => (report = await health.CheckHealthAsync()).Status == HealthStatus.Healthy,
            Patience, "the MassTransit bus health check should turn healthy once connected");

        Assert.Contains(report!.Entries.Keys, name => name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }
}
