using System.Reflection;
using Cchc.Messaging.Tests.Support;
using Cchc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Messaging.Tests.Integration;

/// <summary>The inbox against a real PostgreSQL, without a broker (a ConsumeContext carrying just a MessageId).</summary>
[Collection(ServersCollection.Name)]
public sealed class InboxTests(PostgresServer postgres) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(postgres, "inbox");

    public Task DisposeAsync() => Task.CompletedTask;

    private static Func<CancellationToken, Task> AddEffect(TestDbContext db, string factId) => _ =>
    {
        db.Effects.Add(new Effect { FactId = factId, Times = 1 });
        return Task.CompletedTask;
    };

    [Fact]
    public async Task HandleOnce_SameMessageTwice_AppliesTheEffectOnce()
    {
        var context = FakeConsumeContext.For(NewId.NextGuid());

        await using (var db = _db.NewContext())
        {
            Assert.True(await db.HandleOnceAsync(context, "c", AddEffect(db, "f1")));
        }
        await using (var db = _db.NewContext())
        {
            var appliedAgain = false;
            Assert.False(await db.HandleOnceAsync(context, "c", _ => { appliedAgain = true; return Task.CompletedTask; }));
            Assert.False(appliedAgain);
        }

        Assert.Equal(new Dictionary<string, int> { ["f1"] = 1 }, await _db.EffectsAsync());
    }

    [Fact]
    public async Task HandleOnce_ConcurrentDuplicates_WaitOnTheKeyAndApplyOnce()
    {
        var context = FakeConsumeContext.For(NewId.NextGuid());
        var applied = 0;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var db = _db.NewContext();
            return await db.HandleOnceAsync(context, "c", async ct =>
            {
                Interlocked.Increment(ref applied);
                // Hold the transaction open so the other deliveries queue up on the inbox key.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_sleep(0.3)", ct);
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO effects (fact_id, times) VALUES ('shared', 1) ON CONFLICT (fact_id) DO UPDATE SET times = effects.times + 1", ct);
            });
        }));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(1, applied);
        Assert.Equal(1, (await _db.EffectsAsync())["shared"]);
    }

    [Fact]
    public async Task HandleOnce_WhenApplyThrows_RollsBackEverything_SoTheRetryApplies()
    {
        var context = FakeConsumeContext.For(NewId.NextGuid());
        await using var db = _db.NewContext();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.HandleOnceAsync(context, "c", async ct =>
        {
            db.Effects.Add(new Effect { FactId = "half-done", Times = 1 });
            await db.SaveChangesAsync(ct);
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("boom", error.Message);
        Assert.Empty(await _db.EffectsAsync());
        Assert.Empty(db.ChangeTracker.Entries());

        // MassTransit's retry delivers the same message again: the inbox must not have recorded the failed attempt.
        Assert.True(await db.HandleOnceAsync(context, "c", AddEffect(db, "half-done")));
        Assert.Equal(1, (await _db.EffectsAsync())["half-done"]);
    }

    [Fact]
    public async Task HandleOnce_DifferentConsumers_EachHandleTheSameMessage()
    {
        var context = FakeConsumeContext.For(NewId.NextGuid());
        await using var db = _db.NewContext();

        Assert.True(await db.HandleOnceAsync(context, "first", AddEffect(db, "a")));
        Assert.True(await db.HandleOnceAsync(context, "second", AddEffect(db, "b")));
        Assert.False(await db.HandleOnceAsync(context, "first", AddEffect(db, "c")));

        Assert.Equal(["a", "b"], (await _db.EffectsAsync()).Keys.Order());
    }

    [Fact]
    public async Task HandleOnce_WithARetryingExecutionStrategy_RunsTheUnitInsideTheStrategy()
    {
        var options = new DbContextOptionsBuilder<TestDbContext>()
            .UseNpgsql(_db.ConnectionString, npgsql => npgsql.EnableRetryOnFailure(3))
            .Options;
        await using var db = new TestDbContext(options);
        var context = FakeConsumeContext.For(NewId.NextGuid());

        Assert.True(await db.HandleOnceAsync(context, "c", AddEffect(db, "retrying")));
        Assert.False(await db.HandleOnceAsync(context, "c", AddEffect(db, "retrying-again")));

        Assert.Equal(["retrying"], (await _db.EffectsAsync()).Keys);
    }

    [Fact]
    public async Task HandleOnce_InsideACallersTransaction_JoinsIt_AndTheCallerDecides()
    {
        var context = FakeConsumeContext.For(NewId.NextGuid());
        await using (var db = _db.NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True(await db.HandleOnceAsync(context, "c", AddEffect(db, "joined")));
            await transaction.RollbackAsync();
        }
        Assert.Empty(await _db.EffectsAsync());

        await using (var db = _db.NewContext())
        {
            Assert.True(await db.HandleOnceAsync(context, "c", AddEffect(db, "joined")));
        }
        Assert.Equal(["joined"], (await _db.EffectsAsync()).Keys);
    }
}

/// <summary>A ConsumeContext that only answers MessageId and CancellationToken (all the inbox reads).</summary>
public class FakeConsumeContext : DispatchProxy
{
    private Guid _messageId;

    public static ConsumeContext For(Guid messageId)
    {
        var context = Create<ConsumeContext, FakeConsumeContext>();
        ((FakeConsumeContext)(object)context)._messageId = messageId;
        return context;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
    {
        "get_MessageId" => (Guid?)_messageId,
        "get_CancellationToken" => CancellationToken.None,
        _ => throw new NotSupportedException($"{targetMethod?.Name} is not faked."),
    };
}
