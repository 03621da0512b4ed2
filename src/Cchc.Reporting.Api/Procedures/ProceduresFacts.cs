using Cchc.Contracts.Events.Procedures;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>One version of a catalogue procedure, as recorded by the procedures service (table procedure_versions).</summary>
public sealed class ProcedureVersionFact
{
    public required string Code { get; set; }
    public int Version { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public GovernmentLevel Level { get; set; }
    public ReceivingPlace ReceivingPlace { get; set; }
    public bool InterAgencySameLevel { get; set; }
    public bool InterAgencyBetweenLevels { get; set; }
    public bool FourOnTheSpot { get; set; }
    public OnlineServiceLevel OnlineLevel { get; set; }
    public DateOnly InForceFrom { get; set; }
    public DateOnly? AbolishedOn { get; set; }
}

/// <summary>A dossier's latest known state (table dossier_facts); days are Vietnam local days.</summary>
public sealed class DossierFact
{
    public required string DossierId { get; set; }
    public int Version { get; set; }
    public required string ProcedureCode { get; set; }
    public required string ReceivingUnit { get; set; }
    public GovernmentLevel UnitLevel { get; set; }
    public DossierChannel Channel { get; set; }
    public DossierStatus Status { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Resolved on or before its due instant; null unless resolved.</summary>
    public bool? OnTime { get; set; }
    /// <summary>Processed through the electronic one-stop-shop system; null when not said.</summary>
    public bool? ProcessedElectronically { get; set; }
}

/// <summary>
/// Dossiers closed on a Vietnam local day, by the closing unit's level and the closing status, and how many of
/// them were on time (table dossier_daily_counts). Kept in step with dossier_facts in the same transaction, so
/// period queries read a few thousand rows instead of scanning every dossier. Always equals the aggregate of
/// dossier_facts (a test rebuilds it and compares).
/// </summary>
public sealed class DossierDailyCount
{
    public DateOnly ClosedOn { get; set; }
    public GovernmentLevel UnitLevel { get; set; }
    public DossierStatus Status { get; set; }
    public long Dossiers { get; set; }
    public long OnTime { get; set; }
    /// <summary>Of <see cref="Dossiers"/>, those processed through the electronic one-stop-shop system.</summary>
    public long Electronic { get; set; }
}

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
