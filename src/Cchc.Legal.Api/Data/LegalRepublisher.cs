using System.Runtime.CompilerServices;
using Cchc.Legal.Api.Grpc;
using Cchc.ServiceKit.Hosting.Republishing;
using Microsoft.EntityFrameworkCore;
using C = Cchc.Contracts.Events.Legal;

namespace Cchc.Legal.Api.Data;

/// <summary>
/// The service's current state for a rebuild of the reporting read model (docs/adr/0040): every document with its
/// lifecycle, every review finding and every document check at its current version, as the events the writes publish.
/// </summary>
public sealed class LegalRepublisher(LegalDbContext db, TimeProvider clock) : IFactRepublisher
{
    public async IAsyncEnumerable<RepublishedPage> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await foreach (var page in FactPages.ByKeyAsync(db.Documents.Include(d => d.Events), d => d.DocumentId, cancellationToken))
        {
            yield return new RepublishedPage(
                new C.LegalDocumentsRecorded { Documents = page.Select(d => d.ToState().ToEvent()).ToList(), OccurredAt = now }, page.Count);
        }
        await foreach (var page in FactPages.ByOffsetAsync(db.ReviewFindings.OrderBy(f => f.RoundId).ThenBy(f => f.DocumentId), cancellationToken))
        {
            yield return new RepublishedPage(
                new C.ReviewFindingsRecorded { Findings = page.Select(f => f.ToState().ToEvent()).ToList(), OccurredAt = now }, page.Count);
        }
        await foreach (var page in FactPages.ByKeyAsync(db.Checks, c => c.CheckId, cancellationToken))
        {
            yield return new RepublishedPage(
                new C.DocumentChecksRecorded { Checks = page.Select(c => c.ToState().ToEvent()).ToList(), OccurredAt = now }, page.Count);
        }
    }
}
