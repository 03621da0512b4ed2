using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Egov.Api.Data;

/// <summary>A submission's current value (table metric_submissions), unique by (source system, unit, metric, period).</summary>
public sealed class MetricSubmissionEntity
{
    public long Id { get; set; }
    public required string SourceSystem { get; set; }
    public required string Unit { get; set; }
    public GovernmentLevel UnitLevel { get; set; }
    public EgovMetric Metric { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public long Value { get; set; }
    public string? Note { get; set; }
    /// <summary>Concurrency token: 1 for the first submission, +1 for each replacement.</summary>
    public int Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public List<MetricRevisionEntity> History { get; set; } = [];
}

/// <summary>Every value a submission has had, the current one included (table metric_revisions).</summary>
public sealed class MetricRevisionEntity
{
    public long SubmissionId { get; set; }
    public int Revision { get; set; }
    public long Value { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A unit's capability from a day on (table capability_states), unique by (unit, capability, effective_from).</summary>
public sealed class CapabilityStateEntity
{
    public long Id { get; set; }
    public required string Unit { get; set; }
    public GovernmentLevel UnitLevel { get; set; }
    public EgovCapability Capability { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public bool InUse { get; set; }
    public IsoVersion IsoVersion { get; set; }
    public DateOnly? CertificateDate { get; set; }
    public string? SourceSystem { get; set; }
    public string? Note { get; set; }
    /// <summary>Concurrency token: +1 for each correction.</summary>
    public int Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
