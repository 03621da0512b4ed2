namespace Cchc.Contracts.Events.Procedures;

/// <summary>
/// One or more versions of catalogue procedures were recorded (announced, amended or abolished).
/// Each version is a full snapshot effective from <see cref="ProcedureVersion.EffectiveFrom"/>;
/// consumers keep every version, keyed by (code, version), so the catalogue on any date can be rebuilt.
/// </summary>
public sealed record ProcedureVersionsRecorded
{
    public required IReadOnlyList<ProcedureVersion> Versions { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A procedure as it stands from <see cref="EffectiveFrom"/> until its next version.</summary>
public sealed record ProcedureVersion
{
    /// <summary>National procedure code (mã TTHC), the procedure's identity.</summary>
    public required string Code { get; init; }
    /// <summary>1 for the announcement, +1 for each amendment or the abolition.</summary>
    public required int Version { get; init; }
    /// <summary>Day (Vietnam local date) from which this version holds.</summary>
    public required DateOnly EffectiveFrom { get; init; }
    public required string Name { get; init; }
    public required string Field { get; init; }
    public required GovernmentLevel Level { get; init; }
    public required string ResolvingUnit { get; init; }
    public required ReceivingPlace ReceivingPlace { get; init; }
    public required bool InterAgencySameLevel { get; init; }
    public required bool InterAgencyBetweenLevels { get; init; }
    public required bool FourOnTheSpot { get; init; }
    public required OnlineServiceLevel OnlineLevel { get; init; }
    /// <summary>Number of the decision that announced this version (e.g. 123/QĐ-UBND).</summary>
    public string? DecisionNumber { get; init; }
    public DateOnly? DecisionDate { get; init; }
    /// <summary>Day the procedure entered into force (the same on every version).</summary>
    public required DateOnly InForceFrom { get; init; }
    /// <summary>Day of abolition; set on the version that abolishes it (then EffectiveFrom = AbolishedOn).</summary>
    public DateOnly? AbolishedOn { get; init; }
}
