namespace Cchc.Contracts.Events.Procedures;

/// <summary>
/// The state of one or more dossiers changed (received, resolved, returned, withdrawn, or imported
/// from history). Batched: a bulk import publishes one event per batch of dossiers, never one per dossier.
/// Consumers upsert by <see cref="DossierState.DossierId"/> and keep the highest <see cref="DossierState.Version"/>.
/// </summary>
public sealed record DossiersRecorded
{
    public required IReadOnlyList<DossierState> Dossiers { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A dossier's full state after a change.</summary>
public sealed record DossierState
{
    public required string DossierId { get; init; }
    /// <summary>Increases with every change of this dossier; a consumer ignores a state older than the one it holds.</summary>
    public required int Version { get; init; }
    public required string ProcedureCode { get; init; }
    public required string ReceivingUnit { get; init; }
    public required GovernmentLevel UnitLevel { get; init; }
    public required DossierChannel Channel { get; init; }
    public required DossierStatus Status { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    /// <summary>When it was resolved, returned or withdrawn; null while received.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>
    /// Whether the dossier is processed through the electronic one-stop-shop system (hệ thống một cửa điện tử); null when
    /// the sender does not say (events from before this member existed).
    /// </summary>
    public bool? ProcessedElectronically { get; init; }
}
