using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Egov.Api.Domain;

/// <summary>The identity of a submission: one source system's figure for one unit, metric and period.</summary>
public sealed record MetricKey(string SourceSystem, string Unit, EgovMetric Metric, DateOnly PeriodFrom, DateOnly PeriodTo)
{
    public bool Overlaps(MetricKey other) => PeriodFrom <= other.PeriodTo && other.PeriodFrom <= PeriodTo;

    /// <summary>The same source, unit and metric (a series whose flow periods must not overlap).</summary>
    public bool SameSeries(MetricKey other) =>
        SourceSystem == other.SourceSystem && Unit == other.Unit && Metric == other.Metric;

    /// <summary>The same source, unit and period (a numerator and its denominator are compared within it).</summary>
    public bool SamePeriodOf(MetricKey other) =>
        SourceSystem == other.SourceSystem && Unit == other.Unit && PeriodFrom == other.PeriodFrom && PeriodTo == other.PeriodTo;
}

/// <summary>A validated submission.</summary>
public sealed record MetricCommand(MetricKey Key, GovernmentLevel UnitLevel, long Value, string? Note);

/// <summary>A validated capability state: the unit's capability from <see cref="EffectiveFrom"/> on.</summary>
public sealed record CapabilityCommand(
    string Unit,
    GovernmentLevel UnitLevel,
    EgovCapability Capability,
    DateOnly EffectiveFrom,
    bool InUse,
    IsoVersion IsoVersion,
    DateOnly? CertificateDate,
    string? SourceSystem,
    string? Note);

/// <summary>
/// A fact's unit on its day (a submission's period end, a capability state's first day) with the level the caller sent
/// (<see cref="GovernmentLevel.Unspecified"/> when none), and the request fields that carry them (for the refusal).
/// </summary>
public sealed record UnitOnDay(string Unit, GovernmentLevel Level, DateOnly Day, string UnitField, string LevelField, string DayField);

/// <summary>Filters of ListSubmissions.</summary>
public sealed record SubmissionQuery(int PageSize, string? SourceSystem, string? Unit, EgovMetric? Metric, DateOnly? From, DateOnly? To)
{
    public long? After { get; init; }

    public string Fingerprint => $"submissions|{SourceSystem}|{Unit}|{(int?)Metric}|{From}|{To}";
}

/// <summary>Filters of ListCapabilityStates.</summary>
public sealed record CapabilityQuery(int PageSize, string? Unit, EgovCapability? Capability, DateOnly? AsOf)
{
    public long? After { get; init; }

    public string Fingerprint => $"capabilities|{Unit}|{(int?)Capability}|{AsOf}";
}
