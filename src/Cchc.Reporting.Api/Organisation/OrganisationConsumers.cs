using Cchc.Contracts.Events.Organisation;
using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using MassTransit;

namespace Cchc.Reporting.Api.Consumers;

/// <summary>Replaces the unit period read model (unit_period_facts) with the newer histories of a UnitsChanged, once per message.</summary>
public sealed class UnitsChangedConsumer(ReportingDbContext db, ILogger<UnitsChangedConsumer> logger) : IConsumer<UnitsChanged>
{
    public const string Name = "reporting-units-changed";

    public async Task Consume(ConsumeContext<UnitsChanged> context)
    {
        var replaced = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            replaced = await db.ReplaceUnitHistoriesAsync(context.Message.Units, ct));
        logger.LogDebug("Message {MessageId}: {Count} unit histories, {Replaced} replaced (handled: {Handled})",
            context.MessageId, context.Message.Units.Count, replaced, handled);
    }
}

public sealed class UnitsChangedConsumerDefinition : ConsumerDefinition<UnitsChangedConsumer>
{
    public UnitsChangedConsumerDefinition()
    {
        // Histories replace each other by revision: one at a time keeps the delete+insert of a unit simple.
        ConcurrentMessageLimit = 1;
    }
}

/// <summary>Upserts staffing facts into staffing_facts once per message, keeping the highest revision of each key.</summary>
public sealed class StaffingRecordedConsumer(ReportingDbContext db, ILogger<StaffingRecordedConsumer> logger) : IConsumer<StaffingRecorded>
{
    public const string Name = "reporting-staffing-recorded";

    public async Task Consume(ConsumeContext<StaffingRecorded> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            written = await db.UpsertStaffingFactsAsync(context.Message.Facts, ct));
        logger.LogDebug("Message {MessageId}: {Count} staffing facts, {Written} written (handled: {Handled})",
            context.MessageId, context.Message.Facts.Count, written, handled);
    }
}

public sealed class StaffingRecordedConsumerDefinition : ConsumerDefinition<StaffingRecordedConsumer>
{
    public StaffingRecordedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}
