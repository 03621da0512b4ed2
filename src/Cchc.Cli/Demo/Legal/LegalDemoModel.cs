using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo.Legal;

public sealed record DemoLifecycleEvent(LifecycleEventType Type, DateOnly EffectiveOn, string? CausedBy)
{
    public bool EndsForce => Type is LifecycleEventType.WhollyExpired or LifecycleEventType.Replaced or LifecycleEventType.Repealed;
}

/// <summary>A GENERATED legal document with its lifecycle (events in time order).</summary>
public sealed class DemoLegalDocument
{
    public required string Id { get; init; }
    public required DocumentKind Kind { get; init; }
    public required IssuingBody Body { get; init; }
    public required GovernmentLevel Level { get; init; }
    public required string IssuerUnit { get; init; }
    public required string Number { get; init; }
    public required string Title { get; init; }
    public required string DraftingAgency { get; init; }
    public required DateOnly SignedOn { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    public DateOnly? GazettePublishedOn { get; init; }
    public string? GazetteIssue { get; init; }
    public List<DemoLifecycleEvent> Events { get; } = [];

    public bool IsNormative => Kind != DocumentKind.NonNormativeWithNorms;

    public DateOnly? ExpiredOn => Events.FirstOrDefault(e => e.EndsForce)?.EffectiveOn;

    public DateOnly? PartlyExpiredOn => Events.FirstOrDefault(e => e.Type == LifecycleEventType.PartlyExpired)?.EffectiveOn;

    /// <summary>In force (wholly or partly) on the day.</summary>
    public bool InForceOn(DateOnly day) => EffectiveOn <= day && (ExpiredOn is not { } e || e > day);

    /// <summary>The first day an event may take effect without going back in time.</summary>
    public DateOnly EarliestNextEvent => Events.Count == 0 ? EffectiveOn : Events[^1].EffectiveOn;
}

public sealed record DemoReviewRound(string Id, string ReviewingUnit, ReviewKind Kind, string Topic, DateOnly StartedOn, DateOnly? EndedOn);

public sealed record DemoFinding(string RoundId, string DocumentId, ReviewConclusion Conclusion, DateOnly FoundOn, FindingHandling Handling, DateOnly? HandledOn);

public sealed record DemoCheck(string Id, string DocumentId, string CheckingUnit, DateOnly CheckedOn, CheckResult Result, CheckHandling Handling, DateOnly? HandledOn)
{
    public bool IsUnlawful => Result != CheckResult.Lawful;
}

public sealed record DemoSystematisation(string Id, string Unit, DateOnly From, DateOnly To, IReadOnlyList<string> IssuerUnits);

/// <summary>The GENERATED legal register: documents, review rounds with findings, checks and systematisation periods.</summary>
public sealed record DemoLegalRegister(
    IReadOnlyList<DemoLegalDocument> Documents,
    IReadOnlyList<DemoReviewRound> Rounds,
    IReadOnlyList<DemoFinding> Findings,
    IReadOnlyList<DemoCheck> Checks,
    IReadOnlyList<DemoSystematisation> Periods)
{
    public int EventCount => Documents.Sum(d => d.Events.Count);
}
