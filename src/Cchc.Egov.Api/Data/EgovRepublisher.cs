using System.Runtime.CompilerServices;
using Cchc.Egov.Api.Grpc;
using Cchc.ServiceKit.Hosting.Republishing;
using C = Cchc.Contracts.Events.Egov;

namespace Cchc.Egov.Api.Data;

/// <summary>
/// The service's current state for a rebuild of the reporting read model (docs/adr/0040): every metric submission and
/// every capability state at its current revision, as the events the writes publish.
/// </summary>
public sealed class EgovRepublisher(EgovDbContext db, TimeProvider clock) : IFactRepublisher
{
    public async IAsyncEnumerable<RepublishedPage> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await foreach (var page in FactPages.ByKeyAsync(db.Submissions, s => s.Id, cancellationToken))
        {
            yield return new RepublishedPage(new C.MetricsSubmitted { Submissions = page.Select(s => s.ToEvent()).ToList(), OccurredAt = now }, page.Count);
        }
        await foreach (var page in FactPages.ByKeyAsync(db.CapabilityStates, s => s.Id, cancellationToken))
        {
            yield return new RepublishedPage(new C.CapabilityStatesRecorded { States = page.Select(s => s.ToEvent()).ToList(), OccurredAt = now }, page.Count);
        }
    }
}
