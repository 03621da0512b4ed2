using Cchc.Contracts.Events.Procedures;

namespace Cchc.Reporting.Api.Data;

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
