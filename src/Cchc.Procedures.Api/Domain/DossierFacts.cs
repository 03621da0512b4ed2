using Cchc.Contracts.Events.Procedures;

namespace Cchc.Procedures.Api.Domain;

/// <summary>Everything recorded about a dossier (its DossierRecord), in domain types.</summary>
public sealed record DossierFacts(
    string DossierId,
    string ProcedureCode,
    string ReceivingUnit,
    GovernmentLevel UnitLevel,
    DossierChannel Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    DossierStatus Status,
    DateTimeOffset? ClosedAt,
    bool? ProcessedElectronically = null)
{
    public bool OnTime => DossierRules.IsOnTime(Status, ClosedAt, DueAt);

    /// <summary>
    /// The wire name of the first field that differs from <paramref name="other"/>, or null when both say the same.
    /// Without <paramref name="includeClosure"/> only what a ReceiveDossier call carries is compared.
    /// </summary>
    public string? FirstDifference(DossierFacts other, bool includeClosure = true) =>
        ProcedureCode != other.ProcedureCode ? "procedure_code"
        : ReceivingUnit != other.ReceivingUnit ? "receiving_unit"
        : UnitLevel != other.UnitLevel ? "unit_level"
        : Channel != other.Channel ? "channel"
        : ReceivedAt != other.ReceivedAt ? "received_at"
        : DueAt != other.DueAt ? "due_at"
        : ProcessedElectronically != other.ProcessedElectronically ? "processed_electronically"
        : !includeClosure ? null
        : Status != other.Status ? "status"
        : ClosedAt != other.ClosedAt ? "closed_at"
        : null;
}
