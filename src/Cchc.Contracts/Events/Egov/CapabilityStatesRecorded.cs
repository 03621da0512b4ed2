using Cchc.Contracts.Events.Procedures;

namespace Cchc.Contracts.Events.Egov;

/// <summary>
/// One or more dated capability states were recorded or corrected. Consumers upsert by (unit, capability,
/// effective from) and keep the highest <see cref="CapabilityStateFact.Revision"/>; a unit's state on a day is the one
/// with the latest effective day not after it.
/// </summary>
public sealed record CapabilityStatesRecorded
{
    public required IReadOnlyList<CapabilityStateFact> States { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record CapabilityStateFact
{
    public required string Unit { get; init; }
    public required GovernmentLevel UnitLevel { get; init; }
    public required EgovCapability Capability { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public required bool InUse { get; init; }
    public IsoVersion IsoVersion { get; init; }
    public DateOnly? CertificateDate { get; init; }
    public required int Revision { get; init; }
}
