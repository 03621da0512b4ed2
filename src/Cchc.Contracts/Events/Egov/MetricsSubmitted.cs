using Cchc.Contracts.Events.Procedures;

namespace Cchc.Contracts.Events.Egov;

/// <summary>
/// One or more metric submissions were recorded or replaced. Consumers upsert by (source system, unit, metric,
/// period) and keep the highest <see cref="MetricSubmissionState.Revision"/>.
/// </summary>
public sealed record MetricsSubmitted
{
    public required IReadOnlyList<MetricSubmissionState> Submissions { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A submission's current value.</summary>
public sealed record MetricSubmissionState
{
    public required string SourceSystem { get; init; }
    public required string Unit { get; init; }
    public required GovernmentLevel UnitLevel { get; init; }
    public required EgovMetric Metric { get; init; }
    public required DateOnly PeriodFrom { get; init; }
    public required DateOnly PeriodTo { get; init; }
    public required long Value { get; init; }
    /// <summary>1 for the first submission, +1 for each replacement.</summary>
    public required int Revision { get; init; }
}
