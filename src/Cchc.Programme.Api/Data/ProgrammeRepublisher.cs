using System.Runtime.CompilerServices;
using Cchc.Contracts.Events.Programme;
using Cchc.Programme.Api.Domain;
using Cchc.Programme.Api.Grpc;
using Cchc.ServiceKit.Hosting.Republishing;
using Google.Protobuf;

namespace Cchc.Programme.Api.Data;

/// <summary>
/// The service's current state for a rebuild of the reporting read model (docs/adr/0040): every programme record, every
/// submitted value and every obligation at its current revision, as the events the writes publish.
/// </summary>
public sealed class ProgrammeRepublisher(ProgrammeDbContext db, TimeProvider clock) : IFactRepublisher
{
    public async IAsyncEnumerable<RepublishedPage> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await foreach (var page in FactPages.ByKeyAsync(db.Records, r => r.Id, cancellationToken))
        {
            yield return new RepublishedPage(new ProgrammeRecordsRecorded { Records = page.Select(ToFact).ToList(), OccurredAt = now }, page.Count);
        }
        await foreach (var page in FactPages.ByKeyAsync(db.Values, v => v.Id, cancellationToken))
        {
            yield return new RepublishedPage(new ValuesSubmitted { Values = page.Select(SubmittedValueGrpcService.ToFact).ToList(), OccurredAt = now }, page.Count);
        }
        await foreach (var page in FactPages.ByKeyAsync(db.Obligations, o => o.Id, cancellationToken))
        {
            yield return new RepublishedPage(new ObligationsDeclared { Obligations = page.Select(ObligationGrpcService.ToFact).ToList(), OccurredAt = now }, page.Count);
        }
    }

    /// <summary>The stored record's content flattened as the write flattened it (the same validation's fact), at its revision.</summary>
    private static ProgrammeRecordFact ToFact(ProgrammeRecordEntity e) =>
        ProgrammeValidation.RecordOf(JsonParser.Default.Parse<ProgrammeRecord>(e.Content), 0).Fact with { Revision = e.Revision, FirstRecordedAt = e.FirstRecordedAt };
}
