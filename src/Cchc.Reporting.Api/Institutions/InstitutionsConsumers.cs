using Cchc.Contracts.Events.Legal;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;

namespace Cchc.Reporting.Api.Institutions;

/// <summary>Upserts legal document states into legal_document_facts, keeping the highest version.</summary>
public sealed class LegalDocumentsRecordedConsumer(ReportingDbContext db, ILogger<LegalDocumentsRecordedConsumer> logger)
    : FactConsumer<LegalDocumentsRecordedConsumer, LegalDocumentsRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-legal-documents-recorded";

    protected override int CountOf(LegalDocumentsRecorded message) => message.Documents.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, LegalDocumentsRecorded message, CancellationToken cancellationToken) =>
        db.UpsertLegalDocumentFactsAsync(message.Documents, cancellationToken);
}

/// <summary>Upserts review findings into review_finding_facts, keeping the highest version.</summary>
public sealed class ReviewFindingsRecordedConsumer(ReportingDbContext db, ILogger<ReviewFindingsRecordedConsumer> logger)
    : FactConsumer<ReviewFindingsRecordedConsumer, ReviewFindingsRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-review-findings-recorded";

    protected override int CountOf(ReviewFindingsRecorded message) => message.Findings.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, ReviewFindingsRecorded message, CancellationToken cancellationToken) =>
        db.UpsertReviewFindingFactsAsync(message.Findings, cancellationToken);
}

/// <summary>Upserts checks into document_check_facts, keeping the highest version.</summary>
public sealed class DocumentChecksRecordedConsumer(ReportingDbContext db, ILogger<DocumentChecksRecordedConsumer> logger)
    : FactConsumer<DocumentChecksRecordedConsumer, DocumentChecksRecorded>(db, logger), IFactConsumer
{
    public static string InboxName => "reporting-document-checks-recorded";

    protected override int CountOf(DocumentChecksRecorded message) => message.Checks.Count;

    protected override Task<int> ApplyAsync(ReportingDbContext db, DocumentChecksRecorded message, CancellationToken cancellationToken) =>
        db.UpsertDocumentCheckFactsAsync(message.Checks, cancellationToken);
}
