namespace Cchc.Reporting.Api.Data;

/// <summary>A citizen feedback item's latest known state (table feedback_facts); days are Vietnam local days.</summary>
public sealed class FeedbackFact
{
    public required string FeedbackId { get; set; }
    public int Version { get; set; }
    public string? ProcedureCode { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
}
