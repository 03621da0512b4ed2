using System.Runtime.CompilerServices;
using Cchc.Finance.Api.Grpc;
using Cchc.ServiceKit.Hosting.Republishing;
using Microsoft.EntityFrameworkCore;
using C = Cchc.Contracts.Events.Finance;

namespace Cchc.Finance.Api.Data;

/// <summary>
/// The service's current state for a rebuild of the reporting read model (docs/adr/0040): every unit's autonomy statuses
/// at its version, every unreported breakdown cell and every budget figure at its version, as the events the writes publish.
/// </summary>
public sealed class FinanceRepublisher(FinanceDbContext db, TimeProvider clock) : IFactRepublisher
{
    public async IAsyncEnumerable<RepublishedPage> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await foreach (var page in FactPages.ByKeyAsync(db.Units.Include(u => u.Statuses), u => u.Unit, cancellationToken))
        {
            yield return new RepublishedPage(new C.AutonomyStatusesRecorded { Units = page.Select(u => u.ToState().ToEvent()).ToList(), OccurredAt = now }, page.Count);
        }
        var breakdowns = db.UnreportedBreakdowns.OrderBy(u => u.Year).ThenBy(u => u.ParentKind).ThenBy(u => u.Level);
        await foreach (var page in FactPages.ByOffsetAsync(breakdowns, cancellationToken))
        {
            yield return new RepublishedPage(new C.UnreportedBreakdownsDeclared
            {
                Items = page.Select(u => new C.UnreportedBreakdownState { Year = u.Year, ParentKind = u.ParentKind, Level = u.Level }).ToList(),
                OccurredAt = now,
            }, page.Count);
        }
        await foreach (var page in FactPages.ByKeyAsync(db.BudgetFigures, f => f.FigureId, cancellationToken))
        {
            yield return new RepublishedPage(new C.BudgetFiguresRecorded { Figures = page.Select(f => f.ToFact().ToEvent(f.Version)).ToList(), OccurredAt = now }, page.Count);
        }
    }
}
