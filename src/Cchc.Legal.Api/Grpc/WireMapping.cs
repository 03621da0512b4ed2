using Cchc.Legal.Api.Data;
using Cchc.Legal.Api.Domain;
using Cchc.ServiceKit;
using C = Cchc.Contracts.Events.Legal;

namespace Cchc.Legal.Api.Grpc;

/// <summary>Stored state → wire messages and integration-event snapshots.</summary>
internal static class WireMapping
{
    public static Document ToWire(this DocumentState state, DateOnly statusOn, DateTimeOffset recordedAt)
    {
        var d = state.Definition;
        var document = new Document
        {
            DocumentId = state.DocumentId,
            Attributes = new DocumentAttributes
            {
                Kind = (DocumentKind)(int)d.Kind,
                IssuingBody = (IssuingBody)(int)d.IssuingBody,
                Level = (GovernmentLevel)(int)d.Level,
                IssuerUnit = d.IssuerUnit,
                Number = d.Number,
                Title = d.Title,
                DraftingAgency = d.DraftingAgency,
                SignedOn = IsoDate.Format(d.SignedOn),
                EffectiveOn = IsoDate.Format(d.EffectiveOn),
                GazettePublishedOn = IsoDate.Format(d.GazettePublishedOn),
                GazetteIssue = d.GazetteIssue ?? string.Empty,
            },
            Status = (DocumentStatus)(int)state.StatusOn(statusOn),
            StatusOn = IsoDate.Format(statusOn),
            Version = state.Version,
            RecordedAt = Instant.ToTimestamp(recordedAt),
        };
        document.Events.AddRange(state.Events.Select(e => new LifecycleEvent
        {
            Type = (LifecycleEventType)(int)e.Type,
            EffectiveOn = IsoDate.Format(e.EffectiveOn),
            CausedBy = e.CausedBy ?? string.Empty,
            Note = e.Note ?? string.Empty,
        }));
        return document;
    }

    public static Document ToWire(this DocumentEntity entity, DateOnly statusOn) => entity.ToState().ToWire(statusOn, entity.RecordedAt);

    public static C.LegalDocumentState ToEvent(this DocumentState s) => new()
    {
        DocumentId = s.DocumentId,
        Version = s.Version,
        Kind = s.Definition.Kind,
        IssuingBody = s.Definition.IssuingBody,
        Level = s.Definition.Level,
        IssuerUnit = s.Definition.IssuerUnit,
        Number = s.Definition.Number,
        SignedOn = s.Definition.SignedOn,
        EffectiveOn = s.Definition.EffectiveOn,
        ExpiredOn = s.ExpiredOn,
    };

    public static C.ReviewFindingState ToEvent(this FindingState f) => new()
    {
        RoundId = f.RoundId,
        DocumentId = f.DocumentId,
        Version = f.Version,
        Conclusion = f.Conclusion,
        FoundOn = f.FoundOn,
        Handling = f.Handling,
        HandledOn = f.HandledOn,
    };

    public static C.DocumentCheckState ToEvent(this CheckState c) => new()
    {
        CheckId = c.CheckId,
        DocumentId = c.DocumentId,
        Version = c.Version,
        CheckedOn = c.CheckedOn,
        Result = c.Result,
        Handling = c.Handling,
        HandledOn = c.HandledOn,
    };

    public static ReviewRound ToWire(this ReviewRoundDefinition r) => new()
    {
        RoundId = r.RoundId,
        ReviewingUnit = r.ReviewingUnit,
        Kind = (ReviewKind)(int)r.Kind,
        Topic = r.Topic,
        StartedOn = IsoDate.Format(r.StartedOn),
        EndedOn = IsoDate.Format(r.EndedOn),
    };

    public static ReviewFinding ToWire(this FindingState f) => new()
    {
        RoundId = f.RoundId,
        DocumentId = f.DocumentId,
        Conclusion = (ReviewConclusion)(int)f.Conclusion,
        FoundOn = IsoDate.Format(f.FoundOn),
        Handling = (FindingHandling)(int)f.Handling,
        HandledOn = IsoDate.Format(f.HandledOn),
        Version = f.Version,
    };

    public static DocumentCheck ToWire(this CheckState c) => new()
    {
        CheckId = c.CheckId,
        DocumentId = c.DocumentId,
        CheckingUnit = c.CheckingUnit,
        CheckedOn = IsoDate.Format(c.CheckedOn),
        Result = (CheckResult)(int)c.Result,
        Handling = (CheckHandling)(int)c.Handling,
        HandledOn = IsoDate.Format(c.HandledOn),
        Note = c.Note ?? string.Empty,
        Version = c.Version,
    };
}
