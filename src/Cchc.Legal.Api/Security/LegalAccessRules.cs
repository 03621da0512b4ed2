using Cchc.Legal.Api.Grpc;
using Cchc.Security;
using Cchc.Security.Authorization;

namespace Cchc.Legal.Api.Security;

/// <summary>
/// Every RPC of the legal documents service and what it needs (docs/security.md). Reads: legal.read. Writes: legal.write
/// and the unit the write is for — the issuing body of a document (its lifecycle events are recorded by the issuer, which
/// the service checks against the stored document), the reviewing unit of a review round and its findings, the unit that
/// systematises, the checking authority of a check; an import checks every record's issuer in the service.
/// </summary>
public static class LegalAccessRules
{
    public static void Configure(GrpcRuleTableBuilder rules)
    {
        const string read = SecurityScopes.LegalRead;
        const string write = SecurityScopes.LegalWrite;

        rules.Service(DocumentService.Descriptor, s => s
            .WriteForUnit<RegisterDocumentRequest>(nameof(DocumentService.DocumentServiceBase.RegisterDocument), write,
                r => r.Attributes?.IssuerUnit, "attributes.issuer_unit", r => r.DocumentId)
            .WriteForUnit<RecordLifecycleEventRequest>(nameof(DocumentService.DocumentServiceBase.RecordLifecycleEvent), write,
                r => r.IssuerUnit, "issuer_unit", r => r.DocumentId)
            .Read(nameof(DocumentService.DocumentServiceBase.GetDocument), read)
            .Read(nameof(DocumentService.DocumentServiceBase.ListDocuments), read)
            .StreamingWriteCheckedByService(nameof(DocumentService.DocumentServiceBase.ImportDocuments), write));

        rules.Service(ReviewService.Descriptor, s => s
            .WriteForUnit<CreateReviewRoundRequest>(nameof(ReviewService.ReviewServiceBase.CreateReviewRound), write,
                r => r.Round?.ReviewingUnit, "round.reviewing_unit", r => r.Round?.RoundId)
            .WriteForUnit<RecordReviewFindingRequest>(nameof(ReviewService.ReviewServiceBase.RecordReviewFinding), write,
                r => r.ReviewingUnit, "reviewing_unit", r => r.Finding?.RoundId)
            .Read(nameof(ReviewService.ReviewServiceBase.GetReviewRound), read)
            .WriteForUnit<CreateSystematisationPeriodRequest>(nameof(ReviewService.ReviewServiceBase.CreateSystematisationPeriod), write,
                r => r.Period?.Unit, "period.unit", r => r.Period?.PeriodId)
            .Read(nameof(ReviewService.ReviewServiceBase.GetSystematisationPeriod), read));

        rules.Service(CheckService.Descriptor, s => s
            .WriteForUnit<RecordCheckRequest>(nameof(CheckService.CheckServiceBase.RecordCheck), write,
                r => r.Check?.CheckingUnit, "check.checking_unit", r => r.Check?.CheckId)
            .Read(nameof(CheckService.CheckServiceBase.GetCheck), read));
    }
}
