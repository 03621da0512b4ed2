namespace Cchc.Reporting.Api.Institutions;

/// <summary>A legal document's latest known state (table legal_document_facts); enums as their contract numbers.</summary>
public sealed class LegalDocumentFact
{
    public required string DocumentId { get; set; }
    public int Version { get; set; }
    public int Kind { get; set; }
    public int IssuingBody { get; set; }
    public int Level { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly? ExpiredOn { get; set; }
}

/// <summary>A review finding's latest known state (table review_finding_facts), keyed by (round, document).</summary>
public sealed class ReviewFindingFact
{
    public required string RoundId { get; set; }
    public required string DocumentId { get; set; }
    public int Version { get; set; }
    public int Conclusion { get; set; }
    public DateOnly FoundOn { get; set; }
    public int Handling { get; set; }
    public DateOnly? HandledOn { get; set; }
}

/// <summary>A check's latest known state (table document_check_facts).</summary>
public sealed class DocumentCheckFact
{
    public required string CheckId { get; set; }
    public required string DocumentId { get; set; }
    public int Version { get; set; }
    public DateOnly CheckedOn { get; set; }
    public int Result { get; set; }
    public int Handling { get; set; }
    public DateOnly? HandledOn { get; set; }
}
