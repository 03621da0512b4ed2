using Cchc.Contracts.Events.Finance;
using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using MassTransit;

namespace Cchc.Reporting.Api.Consumers;

/// <summary>Replaces units' autonomy statuses in autonomy_status_facts once per message, when the incoming version is newer.</summary>
public sealed class AutonomyStatusesRecordedConsumer(ReportingDbContext db, ILogger<AutonomyStatusesRecordedConsumer> logger) : IConsumer<AutonomyStatusesRecorded>
{
    public const string Name = "reporting-autonomy-statuses-recorded";

    public async Task Consume(ConsumeContext<AutonomyStatusesRecorded> context)
    {
        var handled = await db.HandleOnceAsync(context, Name, ct => db.UpsertAutonomyUnitFactsAsync(context.Message.Units, ct));
        logger.LogDebug("Message {MessageId}: {Count} units' autonomy statuses (handled: {Handled})", context.MessageId, context.Message.Units.Count, handled);
    }
}

public sealed class AutonomyStatusesRecordedConsumerDefinition : ConsumerDefinition<AutonomyStatusesRecordedConsumer>
{
    public AutonomyStatusesRecordedConsumerDefinition()
    {
        // One at a time: a unit's statuses are replaced by delete + insert, which two messages for one unit must not interleave.
        ConcurrentMessageLimit = 1;
    }
}

/// <summary>Upserts budget figures into budget_figure_facts once per message, keeping the highest version.</summary>
public sealed class BudgetFiguresRecordedConsumer(ReportingDbContext db, ILogger<BudgetFiguresRecordedConsumer> logger) : IConsumer<BudgetFiguresRecorded>
{
    public const string Name = "reporting-budget-figures-recorded";

    public async Task Consume(ConsumeContext<BudgetFiguresRecorded> context)
    {
        var handled = await db.HandleOnceAsync(context, Name, ct => db.UpsertBudgetFigureFactsAsync(context.Message.Figures, ct));
        logger.LogDebug("Message {MessageId}: {Count} budget figures (handled: {Handled})", context.MessageId, context.Message.Figures.Count, handled);
    }
}

public sealed class BudgetFiguresRecordedConsumerDefinition : ConsumerDefinition<BudgetFiguresRecordedConsumer>
{
    public BudgetFiguresRecordedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}

/// <summary>Inserts the breakdown cells the source did not report into unreported_breakdown_facts once per message.</summary>
public sealed class UnreportedBreakdownsDeclaredConsumer(ReportingDbContext db) : IConsumer<UnreportedBreakdownsDeclared>
{
    public const string Name = "reporting-unreported-breakdowns-declared";

    public Task Consume(ConsumeContext<UnreportedBreakdownsDeclared> context) =>
        db.HandleOnceAsync(context, Name, ct => db.InsertUnreportedBreakdownFactsAsync(context.Message.Items, ct));
}

public sealed class UnreportedBreakdownsDeclaredConsumerDefinition : ConsumerDefinition<UnreportedBreakdownsDeclaredConsumer>
{
    public UnreportedBreakdownsDeclaredConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}
