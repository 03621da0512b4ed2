using System.Text.Json;
using Cchc.Contracts.Events.Reporting;
using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.ServiceKit.Hosting.Republishing;
using Cchc.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cchc.ServiceKit.Tests;

/// <summary>The template's Republish (docs/adr/0040): what a definition with it gets, and what its consumer writes, on a real database.</summary>
[Collection(SqlCollection.Name)]
public sealed class RepublishTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task ADefinitionWithRepublish_GetsTheRebuildConsumerOnItsOwnQueue_AndOneWithoutGetsNothing()
    {
        await using var republishing = SampleServices.Republishing.Build(SampleServices.Args);
        await using var plain = SampleServices.Plain.Build(SampleServices.Args);

        using (var scope = republishing.Services.CreateScope())
        {
            Assert.NotNull(scope.ServiceProvider.GetService<RebuildRequestedConsumer<SampleDbContext>>());
            Assert.IsType<SampleRepublisher>(scope.ServiceProvider.GetService<IFactRepublisher>());
        }
        using (var scope = plain.Services.CreateScope())
        {
            Assert.Null(scope.ServiceProvider.GetService<RebuildRequestedConsumer<SampleDbContext>>());
            Assert.Null(scope.ServiceProvider.GetService<IFactRepublisher>());
        }
        IConsumerDefinition definition = new RebuildRequestedConsumerDefinition<SampleDbContext>();
        Assert.Equal("sample-rebuild", definition.GetEndpointName(KebabCaseEndpointNameFormatter.Instance));
    }

    [Fact]
    public void RepublishMustNameARepublisher()
    {
        var definition = new Hosting.DomainService<SampleDbContext>
        {
            Database = SampleServices.Database,
            AccessRules = _ => { },
            GrpcServices = _ => { },
            Republish = typeof(string),
        };
        var error = Assert.Throws<InvalidOperationException>(() => definition.Build(SampleServices.Args));
        Assert.Contains(nameof(IFactRepublisher), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RebuildRequested_WritesEveryPageToTheOutbox_ThenAMarkerListingTheirIds_AndARedeliveryWritesNothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync("republish");
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<SampleDbContext>(o => o.UseNpgsql(connectionString))
            .AddScoped<IFactRepublisher, SampleRepublisher>()
            .AddMassTransitTestHarness(bus =>
            {
                bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(60));
                bus.AddConsumer<RebuildRequestedConsumer<SampleDbContext>>();
            })
            .BuildServiceProvider(validateScopes: true);
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
            await db.Database.EnsureCreatedAsync();
            // 2,345 units at revisions 1..7, inserted in an order unlike their codes': pages must come out in code order.
            db.AddRange(Enumerable.Range(0, 2_345).Reverse().Select(i => new UnitReferenceUnit { UnitCode = $"U{i:D5}", Revision = 1 + i % 7, UpdatedAt = DateTimeOffset.UtcNow }));
            await db.SaveChangesAsync();
        }
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var deliveries = new Deliveries();
        harness.Bus.ConnectConsumeObserver(deliveries);
        try
        {
            var rebuildId = Guid.CreateVersion7();
            var messageId = NewId.NextGuid();
            var request = new RebuildRequested { RebuildId = rebuildId, RequestedAt = DateTimeOffset.UtcNow };
            await harness.Bus.Publish(request, c => c.MessageId = messageId);
            await Eventually.AssertAsync(async () => (await OutboxAsync(provider)).Any(m => m.MessageType.EndsWith(nameof(FactsRepublished), StringComparison.Ordinal)),
                TimeSpan.FromSeconds(60), "the marker is written");

            var outbox = await OutboxAsync(provider);
            var pages = outbox.Where(m => m.MessageType.EndsWith(nameof(SampleEvent), StringComparison.Ordinal)).OrderBy(m => m.Sequence).ToList();
            Assert.Equal(3, pages.Count); // 1,000 + 1,000 + 345
            var codes = pages.SelectMany(p => JsonDocument.Parse(p.Payload).RootElement.GetProperty("id").GetString()!.Split(',')).ToList();
            Assert.Equal(Enumerable.Range(0, 2_345).Select(i => $"U{i:D5}@{1 + i % 7}"), codes); // every unit once, at its own revision
            var marker = JsonSerializer.Deserialize<FactsRepublished>(outbox.Single(m => m.MessageType.EndsWith(nameof(FactsRepublished), StringComparison.Ordinal)).Payload,
                MessagingJson.Options)!;
            Assert.Equal(rebuildId, marker.RebuildId);
            Assert.Equal("sample", marker.Service);
            Assert.Equal(pages.Select(p => p.MessageId), marker.MessageIds);
            Assert.Equal(2_345, marker.Records);
            Assert.True(pages.Max(p => p.Sequence) < outbox.Single(m => m.MessageType.EndsWith(nameof(FactsRepublished), StringComparison.Ordinal)).Sequence,
                "the marker follows every page in the relay's order");

            // A redelivery of the same request (same message id) republishes nothing.
            await harness.Bus.Publish(request, c => c.MessageId = messageId);
            await Eventually.AssertAsync(() => deliveries.Finished(messageId) == 2, TimeSpan.FromSeconds(60), "the redelivery is consumed");
            Assert.Null(deliveries.Fault);
            Assert.Equal(outbox.Count, (await OutboxAsync(provider)).Count);
        }
        finally
        {
            await harness.Stop();
        }
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SampleDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
    }

    /// <summary>Finished deliveries per message id (the harness's consumed list keeps one entry per id: it cannot show a redelivery).</summary>
    private sealed class Deliveries : IConsumeObserver
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _finished = new();

        public Exception? Fault { get; private set; }

        public int Finished(Guid messageId) => _finished.GetValueOrDefault(messageId);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            _finished.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
        {
            Fault = exception;
            _finished.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }
}

/// <summary>The tests that run SQL: one after the other, since DatabaseHealthCheckTests records every Npgsql span of the process.</summary>
[CollectionDefinition(Name)]
public sealed class SqlCollection
{
    public const string Name = "sql";
}
