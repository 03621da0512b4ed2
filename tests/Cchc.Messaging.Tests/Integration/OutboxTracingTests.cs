using Cchc.Messaging.Tests.Support;
using Cchc.Testing;
using OpenTelemetry;

namespace Cchc.Messaging.Tests.Integration;

/// <summary>
/// The relay's traces as the Aspire dashboard receives them (the OpenTelemetry SDK with the service defaults' sources and
/// default sampler): polls that find nothing leave none, a batch it publishes is one trace.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class OutboxTracingTests(PostgresServer postgres, RabbitMqNode rabbit, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The relay's ActivitySource (the service defaults listen to "Cchc.*").</summary>
    private const string RelaySource = "Cchc.Messaging";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(postgres, "tracing");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task IdlePollsLeaveNoTrace_ABatchItPublishesIsOneTraceWithItsPublishesAndItsUpdate()
    {
        using var spans = new SpanRecorder();
        await using var host = await TestHost.StartAsync(_db, rabbit.AmqpUri, new TestHostOptions
        {
            Relay = true,
            Consumer = true,
            EndpointPrefix = "tracing-" + Guid.NewGuid().ToString("N")[..6],
            ConfigureRelay = o => o.PollInterval = TimeSpan.FromMilliseconds(20),
        }, output);

        // Idle: the relay polls (each poll asks the Npgsql instrumentation for a span) and finds nothing.
        await Eventually.AssertAsync(() => spans.NpgsqlSpansAsked >= 20, Patience, "the relay should poll at least 20 times");
        Assert.DoesNotContain(spans.Recorded, s => s.Source.Name is "Npgsql" or RelaySource);

        // Five events committed together: one batch. The test's own SQL stays out of the traces.
        List<string> facts;
        using (SuppressInstrumentationScope.Begin())
        {
            facts = await _db.RecordFactsAsync(5, perSave: 5);
        }
        await Eventually.AssertAsync(() => spans.Recorded.Any(s => s.Source.Name == RelaySource), Patience,
            "the batch should be recorded as a span");

        var batch = Assert.Single(spans.Recorded, s => s.Source.Name == RelaySource);
        Assert.Equal(default, batch.ParentSpanId);
        Assert.Equal(5, batch.GetTagItem("cchc.outbox.sent"));
        Assert.Equal(nameof(TestDbContext), batch.GetTagItem("cchc.outbox"));
        var trace = spans.Recorded.Where(s => s.TraceId == batch.TraceId).ToList();
        Assert.Equal(5, trace.Count(s => s.Source.Name == "MassTransit" && s.ParentSpanId == batch.SpanId));
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && s.ParentSpanId == batch.SpanId);
        // No other SQL was traced: not the polls before the batch, nor those after it.
        Assert.All(spans.Recorded.Where(s => s.Source.Name == "Npgsql"), s => Assert.Equal(batch.TraceId, s.TraceId));
        await Eventually.AssertAsync(() => _db.AllAppliedAsync(facts), Patience, "the batch's events should be consumed");
    }
}
