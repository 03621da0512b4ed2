using Cchc.Contracts.Events.Finance;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;

namespace Cchc.Reporting.Api.PublicFinance;

/// <summary>Replaces units' autonomy statuses in autonomy_status_facts when the incoming version is newer.</summary>
public sealed class AutonomyStatusesRecordedConsumer(ReportingDbContext db, ILogger<AutonomyStatusesRecordedConsumer> logger)
    : FactConsumer<AutonomyStatusesRecordedConsumer, AutonomyStatusesRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-autonomy-statuses-recorded";

    /// <summary>One at a time: a unit's statuses are replaced by delete + insert, which two messages for one unit must not interleave.</summary>
    public static int ConcurrentMessageLimit => 1;

    protected override int CountOf(AutonomyStatusesRecorded message) => message.Units.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, AutonomyStatusesRecorded message, CancellationToken cancellationToken) =>
        db.UpsertAutonomyUnitFactsAsync(message.Units, cancellationToken);
}

/// <summary>Upserts budget figures into budget_figure_facts, keeping the highest version.</summary>
public sealed class BudgetFiguresRecordedConsumer(ReportingDbContext db, ILogger<BudgetFiguresRecordedConsumer> logger)
    : FactConsumer<BudgetFiguresRecordedConsumer, BudgetFiguresRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-budget-figures-recorded";

    protected override int CountOf(BudgetFiguresRecorded message) => message.Figures.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, BudgetFiguresRecorded message, CancellationToken cancellationToken) =>
        db.UpsertBudgetFigureFactsAsync(message.Figures, cancellationToken);
}

/// <summary>Inserts the breakdown cells the source did not report into unreported_breakdown_facts.</summary>
public sealed class UnreportedBreakdownsDeclaredConsumer(ReportingDbContext db, ILogger<UnreportedBreakdownsDeclaredConsumer> logger)
    : FactConsumer<UnreportedBreakdownsDeclaredConsumer, UnreportedBreakdownsDeclared>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-unreported-breakdowns-declared";

    protected override int CountOf(UnreportedBreakdownsDeclared message) => message.Items.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, UnreportedBreakdownsDeclared message, CancellationToken cancellationToken) =>
        db.InsertUnreportedBreakdownFactsAsync(message.Items, cancellationToken);
}
