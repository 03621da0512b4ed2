namespace Cchc.Contracts.Events.Finance;

/// <summary>
/// The autonomy statuses of one or more units changed. Each unit is sent whole (all its statuses, oldest first);
/// consumers replace a unit's statuses when <see cref="UnitAutonomyState.Version"/> is higher than the one they hold.
/// </summary>
public sealed record AutonomyStatusesRecorded
{
    public required IReadOnlyList<UnitAutonomyState> Units { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record UnitAutonomyState
{
    public required string Unit { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<AutonomyStatusState> Statuses { get; init; }
}

/// <summary>One dated status: in force from <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/> (both included; null = current).</summary>
public sealed record AutonomyStatusState
{
    public required AutonomyRegime Regime { get; init; }
    public AutonomyLevel Level { get; init; }
    public ParentKind ParentKind { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
}

/// <summary>Breakdown cells of Appendix 6 the source document did not report (the report marks them); consumers insert if missing.</summary>
public sealed record UnreportedBreakdownsDeclared
{
    public required IReadOnlyList<UnreportedBreakdownState> Items { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record UnreportedBreakdownState
{
    public required int Year { get; init; }
    public required ParentKind ParentKind { get; init; }
    public required AutonomyLevel Level { get; init; }
}
