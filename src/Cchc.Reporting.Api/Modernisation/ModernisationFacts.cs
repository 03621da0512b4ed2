namespace Cchc.Reporting.Api.Modernisation;

/// <summary>
/// A metric submission's latest known value (table egov_metric_facts), keyed by (source system, unit, metric, period);
/// enums as their contract numbers.
/// </summary>
public sealed class EgovMetricFact
{
    public required string SourceSystem { get; set; }
    public required string Unit { get; set; }
    public int Metric { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public int UnitLevel { get; set; }
    public long Value { get; set; }
    public int Revision { get; set; }
}

/// <summary>A unit's capability from a day on (table egov_capability_facts), keyed by (unit, capability, effective_from).</summary>
public sealed class EgovCapabilityFact
{
    public required string Unit { get; set; }
    public int Capability { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public int UnitLevel { get; set; }
    public bool InUse { get; set; }
    public int IsoVersion { get; set; }
    public DateOnly? CertificateDate { get; set; }
    public int Revision { get; set; }
}
