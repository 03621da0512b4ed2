using System.Runtime.CompilerServices;
using Cchc.Contracts.Events.Procedures;
using Cchc.Procedures.Api.Domain;
using Cchc.ServiceKit.Hosting.Republishing;

namespace Cchc.Procedures.Api.Data;

/// <summary>
/// The service's current state for a rebuild of the reporting read model (docs/adr/0040): every procedure version ever
/// recorded (the report reads the catalogue on any day), every dossier and every feedback item at its current version,
/// as the events the writes publish.
/// </summary>
public sealed class ProceduresRepublisher(ProceduresDbContext db, TimeProvider clock) : IFactRepublisher
{
    public async IAsyncEnumerable<RepublishedPage> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await foreach (var page in FactPages.ByOffsetAsync(db.ProcedureVersions.OrderBy(v => v.Code).ThenBy(v => v.Version), cancellationToken))
        {
            yield return new RepublishedPage(
                new ProcedureVersionsRecorded { Versions = page.Select(v => v.ToState().ToEventVersion()).ToList(), OccurredAt = now }, page.Count);
        }
        await foreach (var page in FactPages.ByKeyAsync(db.Dossiers, d => d.DossierId, cancellationToken))
        {
            yield return new RepublishedPage(
                new DossiersRecorded { Dossiers = page.Select(d => d.ToFacts().ToEventState(d.Version)).ToList(), OccurredAt = now }, page.Count);
        }
        await foreach (var page in FactPages.ByKeyAsync(db.Feedback, f => f.FeedbackId, cancellationToken))
        {
            yield return new RepublishedPage(
                new FeedbackRecorded { Items = page.Select(f => f.ToFacts().ToEventState(f.Version)).ToList(), OccurredAt = now }, page.Count);
        }
    }
}
