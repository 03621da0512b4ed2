using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;
using Cchc.Legal.Api.Domain;

namespace Cchc.Legal.Api.Data;

/// <summary>A registered document (table documents). expired_on / partly_expired_on are derived from its events for filtering by status.</summary>
public sealed class DocumentEntity
{
    public required string DocumentId { get; set; }
    public DocumentKind Kind { get; set; }
    public IssuingBody IssuingBody { get; set; }
    public GovernmentLevel Level { get; set; }
    public required string IssuerUnit { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public required string DraftingAgency { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public DateOnly? GazettePublishedOn { get; set; }
    public string? GazetteIssue { get; set; }
    public DateOnly? ExpiredOn { get; set; }
    public DateOnly? PartlyExpiredOn { get; set; }
    /// <summary>Concurrency token: bumped by every change.</summary>
    public int Version { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public List<DocumentEventEntity> Events { get; set; } = [];

    public DocumentDefinition Definition => new(Kind, IssuingBody, Level, IssuerUnit, Number, Title, DraftingAgency, SignedOn, EffectiveOn,
        GazettePublishedOn, GazetteIssue);

    public DocumentState ToState() => new(DocumentId, Definition,
        Events.OrderBy(e => e.Sequence).Select(e => new LifecycleChange(e.Type, e.EffectiveOn, e.CausedBy, e.Note)).ToList(), Version);

    public static DocumentEntity From(DocumentState state, DateTimeOffset now)
    {
        var d = state.Definition;
        var entity = new DocumentEntity
        {
            DocumentId = state.DocumentId, Kind = d.Kind, IssuingBody = d.IssuingBody, Level = d.Level, IssuerUnit = d.IssuerUnit,
            Number = d.Number, Title = d.Title, DraftingAgency = d.DraftingAgency, SignedOn = d.SignedOn, EffectiveOn = d.EffectiveOn,
            GazettePublishedOn = d.GazettePublishedOn, GazetteIssue = d.GazetteIssue, RecordedAt = now,
        };
        entity.Apply(state, now);
        return entity;
    }

    /// <summary>Brings the stored lifecycle up to <paramref name="state"/> (events are only ever appended).</summary>
    public void Apply(DocumentState state, DateTimeOffset now)
    {
        for (var i = Events.Count; i < state.Events.Count; i++)
        {
            var e = state.Events[i];
            Events.Add(new DocumentEventEntity
            {
                DocumentId = DocumentId, Sequence = i + 1, Type = e.Type, EffectiveOn = e.EffectiveOn, CausedBy = e.CausedBy, Note = e.Note,
                RecordedAt = now,
            });
        }
        ExpiredOn = state.ExpiredOn;
        PartlyExpiredOn = state.PartlyExpiredOn;
        Version = state.Version;
        RecordedAt = now;
    }
}

/// <summary>One lifecycle event of a document (table document_events), numbered from 1 in time order.</summary>
public sealed class DocumentEventEntity
{
    public required string DocumentId { get; set; }
    public int Sequence { get; set; }
    public LifecycleEventType Type { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public string? CausedBy { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public sealed class ReviewRoundEntity
{
    public required string RoundId { get; set; }
    public required string ReviewingUnit { get; set; }
    public ReviewKind Kind { get; set; }
    public required string Topic { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public ReviewRoundDefinition ToDefinition() => new(RoundId, ReviewingUnit, Kind, Topic, StartedOn, EndedOn);
}

public sealed class ReviewFindingEntity
{
    public required string RoundId { get; set; }
    public required string DocumentId { get; set; }
    public ReviewConclusion Conclusion { get; set; }
    public DateOnly FoundOn { get; set; }
    public FindingHandling Handling { get; set; }
    public DateOnly? HandledOn { get; set; }
    public int Version { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public FindingState ToState() => new(RoundId, DocumentId, Conclusion, FoundOn, Handling, HandledOn, Version);

    public void Apply(FindingState s, DateTimeOffset now) =>
        (Conclusion, FoundOn, Handling, HandledOn, Version, RecordedAt) = (s.Conclusion, s.FoundOn, s.Handling, s.HandledOn, s.Version, now);
}

public sealed class DocumentCheckEntity
{
    public required string CheckId { get; set; }
    public required string DocumentId { get; set; }
    public required string CheckingUnit { get; set; }
    public DateOnly CheckedOn { get; set; }
    public CheckResult Result { get; set; }
    public CheckHandling Handling { get; set; }
    public DateOnly? HandledOn { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public CheckState ToState() => new(CheckId, DocumentId, CheckingUnit, CheckedOn, Result, Handling, HandledOn, Note, Version);

    public void Apply(CheckState s, DateTimeOffset now) =>
        (DocumentId, CheckingUnit, CheckedOn, Result, Handling, HandledOn, Note, Version, RecordedAt) =
        (s.DocumentId, s.CheckingUnit, s.CheckedOn, s.Result, s.Handling, s.HandledOn, s.Note, s.Version, now);
}

public sealed class SystematisationPeriodEntity
{
    public required string PeriodId { get; set; }
    public required string Unit { get; set; }
    public GovernmentLevel Level { get; set; }
    public required List<string> IssuerUnits { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public SystematisationDefinition ToDefinition() => new(PeriodId, Unit, Level, IssuerUnits, From, To);
}
