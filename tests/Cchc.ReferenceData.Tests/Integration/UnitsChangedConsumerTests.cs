using Cchc.Contracts.Events.Organisation;
using Cchc.Messaging;
using Cchc.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static Cchc.Testing.ReferenceUnits;

namespace Cchc.ReferenceData.Tests.Integration;

/// <summary>The consumer as a service registers it (AddUnitReference), on MassTransit's in-memory harness and a real database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UnitsChangedConsumerTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly DateOnly D2005 = new(2005, 1, 1);
    private string db = string.Empty;
    private ServiceProvider provider = null!;
    private ITestHarness harness = null!;
    private readonly DeliveryObserver observer = new();

    public async Task InitializeAsync()
    {
        db = await ReferenceDatabase.CreateAsync(postgres, $"consumer_{Guid.NewGuid():N}"[..20]);
        provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(new XunitLoggerProvider(output)).SetMinimumLevel(LogLevel.Information))
            .AddDbContext<ReferenceDbContext>(o => o.UseNpgsql(db))
            .AddMassTransitTestHarness(bus =>
            {
                bus.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30));
                bus.AddUnitReference<ReferenceDbContext>();
            })
            .BuildServiceProvider(validateScopes: true);
        harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        harness.Bus.ConnectConsumeObserver(observer);
    }

    public async Task DisposeAsync()
    {
        await harness.Stop();
        await provider.DisposeAsync();
    }

    [Fact]
    public async Task Messages_ReplaceByRevision_InAnyOrder_AndARedeliveryChangesNothing()
    {
        var renamed = Changed(History("C1", 20, Period(D2005, new DateOnly(2019, 12, 31), "UBND xã Cũ"), Period(new DateOnly(2020, 1, 1), null, "UBND xã Mới")));
        var founded = Changed(History("C1", 10, Period(D2005, null, "UBND xã Cũ")));

        // The later change arrives first; the earlier one, then a redelivery of the later one (same message id).
        var renamedId = await PublishAsync(renamed);
        await PublishAsync(founded);
        await PublishAsync(Changed(History("C1", 30, Period(D2005, null, "UBND xã Khác"))), renamedId);

        await using var context = ReferenceDatabase.Open(db);
        var names = await context.Set<UnitReferencePeriod>().Where(p => p.UnitCode == "C1").OrderBy(p => p.ValidFrom).Select(p => p.Name).ToListAsync();
        Assert.Equal(["UBND xã Cũ", "UBND xã Mới"], names);
        Assert.Equal(20, await context.Set<UnitReferenceUnit>().Where(u => u.UnitCode == "C1").Select(u => u.Revision).SingleAsync());
        // Both distinct messages went through the inbox once; the redelivery found its row there.
        Assert.Equal(2, await context.Set<InboxMessage>().CountAsync(m => m.Consumer == UnitsChangedConsumer<ReferenceDbContext>.InboxName));
    }

    [Fact]
    public async Task Withdrawal_EmptiesTheUnit_AndTheCheckThenRefusesIt()
    {
        await PublishAsync(Changed(History("C2", 40, Period(D2005, null, "UBND xã Rút"))));
        await PublishAsync(Changed(History("C2", 41)));

        await using var scope = provider.CreateAsyncScope();
        var reference = scope.ServiceProvider.GetRequiredService<IUnitReference>();
        var ex = await Assert.ThrowsAsync<Cchc.ServiceKit.DomainException>(() =>
            reference.EnsureExistedAsync("UBND xã Rút", new DateOnly(2019, 1, 1), "receiving_unit", default));
        Assert.Contains("không có trong danh mục", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EachServiceContext_GetsItsOwnQueue()
    {
        IConsumerDefinition one = new UnitsChangedConsumerDefinition<ReferenceDbContext>();
        IConsumerDefinition other = new UnitsChangedConsumerDefinition<OtherDbContext>();
        Assert.Equal("reference-unit-reference", one.GetEndpointName(KebabCaseEndpointNameFormatter.Instance));
        Assert.Equal("other-unit-reference", other.GetEndpointName(KebabCaseEndpointNameFormatter.Instance));
    }

    private async Task<Guid> PublishAsync(UnitsChanged message, Guid? messageId = null)
    {
        var id = messageId ?? NewId.NextGuid();
        var before = observer.Completed(id);
        await harness.Bus.Publish(message, context => context.MessageId = id);
        await Eventually.AssertAsync(() => observer.Completed(id) > before || observer.Failure(id) is not null, TimeSpan.FromSeconds(30), $"message {id} consumed");
        Assert.True(observer.Failure(id) is null, $"message {id} failed: {observer.Failure(id)}");
        return id;
    }

    /// <summary>Counts the deliveries of each message id the consumer has finished (after its transaction committed).</summary>
    private sealed class DeliveryObserver : IConsumeObserver
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> completed = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Exception> failures = new();

        public int Completed(Guid id) => completed.GetValueOrDefault(id);

        public Exception? Failure(Guid id) => failures.GetValueOrDefault(id);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            completed.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
        {
            failures[context.MessageId!.Value] = exception;
            return Task.CompletedTask;
        }
    }
}
