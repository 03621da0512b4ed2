using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;

namespace Cchc.Reporting.Api.Organisation;

/// <summary>Replaces the unit period read model (unit_period_facts) with the newer histories of a UnitsChanged.</summary>
public sealed class UnitsChangedConsumer(ReportingDbContext db, ILogger<UnitsChangedConsumer> logger)
    : FactConsumer<UnitsChangedConsumer, UnitsChanged>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-units-changed";

    /// <summary>Histories replace each other by revision: one at a time keeps the delete + insert of a unit simple.</summary>
    public static int ConcurrentMessageLimit => 1;

    protected override int CountOf(UnitsChanged message) => message.Units.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, UnitsChanged message, CancellationToken cancellationToken) =>
        db.ReplaceUnitHistoriesAsync(message.Units, cancellationToken);
}
