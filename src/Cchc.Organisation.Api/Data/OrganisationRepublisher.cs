using System.Runtime.CompilerServices;
using Cchc.Contracts.Events.Organisation;
using Cchc.Organisation.Api.Grpc;
using Cchc.ServiceKit.Hosting.Republishing;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Organisation.Api.Data;

/// <summary>
/// The service's current state for a rebuild of the reporting read model (docs/adr/0040): every unit's whole dated
/// history at its registry revision (UnitsChanged), every staffing figure and the facts of every individual record at
/// their revisions (StaffingRecorded), as the events the writes publish.
/// </summary>
public sealed class OrganisationRepublisher(OrganisationDbContext db, TimeProvider clock) : IFactRepublisher
{
    public async IAsyncEnumerable<RepublishedPage> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await foreach (var page in FactPages.ByKeyAsync(db.Units.Include(u => u.Periods), u => u.UnitCode, cancellationToken))
        {
            yield return new RepublishedPage(new UnitsChanged { Units = page.Select(u => u.ToState().ToEvent()).ToList(), OccurredAt = now }, page.Count);
        }
        var figures = db.StaffingFigures.OrderBy(f => f.UnitCode).ThenBy(f => f.Metric).ThenBy(f => f.FromDay).ThenBy(f => f.ToDay);
        await foreach (var page in FactPages.ByOffsetAsync(figures, cancellationToken))
        {
            yield return new RepublishedPage(new StaffingRecorded { Facts = page.Select(StaffingGrpcService.Fact).ToList(), OccurredAt = now }, page.Count);
        }
        await foreach (var page in FactPages.ByKeyAsync(db.StaffRecords, r => r.RecordId, cancellationToken))
        {
            yield return new RepublishedPage(new StaffingRecorded { Facts = page.SelectMany(StaffingGrpcService.Facts).ToList(), OccurredAt = now }, page.Count);
        }
    }
}
