using Cchc.Procedures.Api.Domain;

namespace Cchc.Procedures.Api.Data;

/// <summary>Table feedback: a feedback item's current state; Version grows with each step.</summary>
public sealed class FeedbackEntity
{
    public required string FeedbackId { get; set; }
    public string? ProcedureCode { get; set; }
    public required string Subject { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public int Version { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public FeedbackFacts ToFacts() => new(FeedbackId, ProcedureCode, Subject, ReceivedAt, ResolvedAt, PublishedAt);

    public static FeedbackEntity From(FeedbackFacts facts, int version, DateTimeOffset recordedAt)
    {
        var entity = new FeedbackEntity { FeedbackId = facts.FeedbackId, Subject = facts.Subject };
        entity.Apply(facts, version, recordedAt);
        return entity;
    }

    public void Apply(FeedbackFacts facts, int version, DateTimeOffset recordedAt)
    {
        (ProcedureCode, Subject, ReceivedAt, ResolvedAt, PublishedAt) = (facts.ProcedureCode, facts.Subject, facts.ReceivedAt, facts.ResolvedAt, facts.PublishedAt);
        (Version, RecordedAt) = (version, recordedAt);
    }
}
