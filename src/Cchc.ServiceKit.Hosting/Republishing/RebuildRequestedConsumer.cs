using Cchc.Contracts.Events.Reporting;
using Cchc.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cchc.ServiceKit.Hosting.Republishing;

/// <summary>
/// The reporting service asked for a rebuild of its read model (docs/adr/0040-rebuilding-the-read-model.md): writes the
/// service's current state (<see cref="IFactRepublisher"/>) to its outbox page by page, each page in its own short
/// transaction, then the <see cref="FactsRepublished"/> marker listing the message ids of every page, in one transaction
/// with the inbox row. A redelivery after the marker changes nothing; a redelivery after a crash half-way republishes
/// everything again (the pages are versioned snapshots: applying them twice is harmless) and the marker lists the
/// second run's pages. Generic over the service's DbContext so each service has its own queue ("egov-rebuild").
/// </summary>
public sealed class RebuildRequestedConsumer<TDbContext>(TDbContext db, IFactRepublisher republisher, TimeProvider clock,
    ILogger<RebuildRequestedConsumer<TDbContext>> logger) : IConsumer<RebuildRequested>
    where TDbContext : DbContext
{
    public const string InboxName = "rebuild";

    public async Task Consume(ConsumeContext<RebuildRequested> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("The message has no MessageId: the inbox cannot deduplicate it.");
        var ct = context.CancellationToken;
        if (await db.Set<InboxMessage>().AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Consumer == InboxName, ct))
        {
            logger.LogInformation("Rebuild {RebuildId}: already republished (message {MessageId})", context.Message.RebuildId, messageId);
            return;
        }
        var service = DomainService<TDbContext>.ServiceName;
        logger.LogWarning("Rebuild {RebuildId} asked at {RequestedAt}: republishing the {Service} service's current state",
            context.Message.RebuildId, context.Message.RequestedAt, service);
        var started = clock.GetTimestamp();
        var ids = new List<Guid>();
        long records = 0;
        await foreach (var page in republisher.PagesAsync(ct))
        {
            ids.Add(db.AddIntegrationEvent(page.Event));
            records += page.Records;
            await db.SaveChangesAsync(ct); // one short transaction per page
            db.ChangeTracker.Clear();
        }
        await db.HandleOnceAsync(context, InboxName, _ =>
        {
            db.AddIntegrationEvent(new FactsRepublished
            {
                RebuildId = context.Message.RebuildId,
                Service = service,
                MessageIds = ids,
                Records = records,
                RepublishedAt = clock.GetUtcNow(),
            });
            return Task.CompletedTask;
        });
        logger.LogWarning("Rebuild {RebuildId}: the {Service} service republished {Records} records in {Pages} messages in {Elapsed}",
            context.Message.RebuildId, service, records, ids.Count, clock.GetElapsedTime(started));
    }
}

public sealed class RebuildRequestedConsumerDefinition<TDbContext> : ConsumerDefinition<RebuildRequestedConsumer<TDbContext>> where TDbContext : DbContext
{
    public RebuildRequestedConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 1; // rare and long: one rebuild at a time per service
    }

    /// <summary>The service's own queue: its short name ("egov" for EgovDbContext), then "-rebuild".</summary>
    public static string QueueName { get; } = DomainService<TDbContext>.ServiceName + "-rebuild";
}
