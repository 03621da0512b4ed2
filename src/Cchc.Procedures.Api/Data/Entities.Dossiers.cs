using Cchc.Contracts.Events.Procedures;
using Cchc.Procedures.Api.Domain;

namespace Cchc.Procedures.Api.Data;

/// <summary>Table dossiers: a dossier's current state; Version grows with each change (the events carry it).</summary>
public sealed class DossierEntity
{
    public required string DossierId { get; set; }
    public required string ProcedureCode { get; set; }
    public required string ReceivingUnit { get; set; }
    public GovernmentLevel UnitLevel { get; set; }
    public DossierChannel Channel { get; set; }
    public DossierStatus Status { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Processed through the electronic one-stop-shop system; null when the sender did not say.</summary>
    public bool? ProcessedElectronically { get; set; }
    public int Version { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public DossierFacts ToFacts() =>
        new(DossierId, ProcedureCode, ReceivingUnit, UnitLevel, Channel, ReceivedAt, DueAt, Status, ClosedAt, ProcessedElectronically);

    public static DossierEntity From(DossierFacts facts, int version, DateTimeOffset recordedAt)
    {
        var entity = new DossierEntity { DossierId = facts.DossierId, ProcedureCode = facts.ProcedureCode, ReceivingUnit = facts.ReceivingUnit };
        entity.Apply(facts, version, recordedAt);
        return entity;
    }

    public void Apply(DossierFacts facts, int version, DateTimeOffset recordedAt)
    {
        (ProcedureCode, ReceivingUnit, UnitLevel, Channel) = (facts.ProcedureCode, facts.ReceivingUnit, facts.UnitLevel, facts.Channel);
        (ReceivedAt, DueAt, Status, ClosedAt) = (facts.ReceivedAt, facts.DueAt, facts.Status, facts.ClosedAt);
        ProcessedElectronically = facts.ProcessedElectronically;
        (Version, RecordedAt) = (version, recordedAt);
    }
}
