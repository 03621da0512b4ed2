using System.Collections.Concurrent;
using Cchc.Messaging.Tests.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Messaging.Tests.Support;

/// <summary>Counts deliveries (every call) and applies effects through the inbox (at most once per message).</summary>
public sealed class DeliveryProbe
{
    /// <summary>Deliveries that reached the consumer (counted before handling; retries count again).</summary>
    public ConcurrentDictionary<string, int> Deliveries { get; } = new();

    /// <summary>Deliveries whose handling finished: applied, or skipped as a duplicate, and committed.</summary>
    public ConcurrentDictionary<string, int> Completions { get; } = new();

    public int DeliveriesOf(string factId) => Deliveries.GetValueOrDefault(factId);

    public int CompletionsOf(string factId) => Completions.GetValueOrDefault(factId);
}

public sealed class FactRecordedConsumer(TestDbContext db, DeliveryProbe probe) : IConsumer<FactRecorded>
{
    /// <summary>Facts whose id starts with this make the consumer throw: a poison message.</summary>
    public const string PoisonPrefix = "poison-";

    public async Task Consume(ConsumeContext<FactRecorded> context)
    {
        var factId = context.Message.FactId;
        probe.Deliveries.AddOrUpdate(factId, 1, (_, n) => n + 1);
        if (factId.StartsWith(PoisonPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Fact {factId} cannot be applied.");
        }

        await db.HandleOnceAsync(context, nameof(FactRecordedConsumer), ct => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO effects (fact_id, times) VALUES ({factId}, 1) ON CONFLICT (fact_id) DO UPDATE SET times = effects.times + 1",
            ct));
        probe.Completions.AddOrUpdate(factId, 1, (_, n) => n + 1);
    }
}
