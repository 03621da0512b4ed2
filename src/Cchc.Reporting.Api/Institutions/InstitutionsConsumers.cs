using Cchc.Contracts.Events.Legal;
using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using MassTransit;

namespace Cchc.Reporting.Api.Consumers;

/// <summary>Upserts legal document states into legal_document_facts once per message, keeping the highest version.</summary>
public sealed class LegalDocumentsRecordedConsumer(ReportingDbContext db, ILogger<LegalDocumentsRecordedConsumer> logger) : IConsumer<LegalDocumentsRecorded>
{
    public const string Name = "reporting-legal-documents-recorded";

    public async Task Consume(ConsumeContext<LegalDocumentsRecorded> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            written = await db.UpsertLegalDocumentFactsAsync(context.Message.Documents, ct));
        logger.LogDebug("Message {MessageId}: {Count} legal documents, {Written} written (handled: {Handled})",
            context.MessageId, context.Message.Documents.Count, written, handled);
    }
}

public sealed class LegalDocumentsRecordedConsumerDefinition : ConsumerDefinition<LegalDocumentsRecordedConsumer>
{
    public LegalDocumentsRecordedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}

/// <summary>Upserts review findings into review_finding_facts once per message, keeping the highest version.</summary>
public sealed class ReviewFindingsRecordedConsumer(ReportingDbContext db, ILogger<ReviewFindingsRecordedConsumer> logger) : IConsumer<ReviewFindingsRecorded>
{
    public const string Name = "reporting-review-findings-recorded";

    public async Task Consume(ConsumeContext<ReviewFindingsRecorded> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            written = await db.UpsertReviewFindingFactsAsync(context.Message.Findings, ct));
        logger.LogDebug("Message {MessageId}: {Count} review findings, {Written} written (handled: {Handled})",
            context.MessageId, context.Message.Findings.Count, written, handled);
    }
}

public sealed class ReviewFindingsRecordedConsumerDefinition : ConsumerDefinition<ReviewFindingsRecordedConsumer>
{
    public ReviewFindingsRecordedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}

/// <summary>Upserts checks into document_check_facts once per message, keeping the highest version.</summary>
public sealed class DocumentChecksRecordedConsumer(ReportingDbContext db, ILogger<DocumentChecksRecordedConsumer> logger) : IConsumer<DocumentChecksRecorded>
{
    public const string Name = "reporting-document-checks-recorded";

    public async Task Consume(ConsumeContext<DocumentChecksRecorded> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            written = await db.UpsertDocumentCheckFactsAsync(context.Message.Checks, ct));
        logger.LogDebug("Message {MessageId}: {Count} checks, {Written} written (handled: {Handled})",
            context.MessageId, context.Message.Checks.Count, written, handled);
    }
}

public sealed class DocumentChecksRecordedConsumerDefinition : ConsumerDefinition<DocumentChecksRecordedConsumer>
{
    public DocumentChecksRecordedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}
