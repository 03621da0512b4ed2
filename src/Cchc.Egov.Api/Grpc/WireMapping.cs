using Cchc.Egov.Api.Data;
using Cchc.ServiceKit;
using C = Cchc.Contracts.Events.Egov;

namespace Cchc.Egov.Api.Grpc;

/// <summary>Stored rows → wire messages and integration-event snapshots.</summary>
internal static class WireMapping
{
    public static MetricSubmission ToWire(this MetricSubmissionEntity s, bool withHistory = false)
    {
        var wire = new MetricSubmission
        {
            Current = new MetricValue
            {
                SourceSystem = s.SourceSystem,
                Unit = s.Unit,
                UnitLevel = (GovernmentLevel)(int)s.UnitLevel,
                Metric = (Metric)(int)s.Metric,
                PeriodFrom = IsoDate.Format(s.PeriodFrom),
                PeriodTo = IsoDate.Format(s.PeriodTo),
                Value = s.Value,
                Note = s.Note ?? string.Empty,
            },
            Revision = s.Revision,
            RecordedAt = Instant.ToTimestamp(s.RecordedAt),
        };
        if (withHistory)
        {
            wire.History.AddRange(s.History.OrderBy(r => r.Revision).Select(r => new MetricRevision
            {
                Revision = r.Revision,
                Value = r.Value,
                Note = r.Note ?? string.Empty,
                RecordedAt = Instant.ToTimestamp(r.RecordedAt),
                RecordedBy = r.RecordedBy,
            }));
        }
        return wire;
    }

    public static C.MetricSubmissionState ToEvent(this MetricSubmissionEntity s) => new()
    {
        SourceSystem = s.SourceSystem,
        Unit = s.Unit,
        UnitLevel = s.UnitLevel,
        Metric = s.Metric,
        PeriodFrom = s.PeriodFrom,
        PeriodTo = s.PeriodTo,
        Value = s.Value,
        Revision = s.Revision,
    };

    public static CapabilityState ToWire(this CapabilityStateEntity s) => new()
    {
        State = new CapabilityStateRecord
        {
            Unit = s.Unit,
            UnitLevel = (GovernmentLevel)(int)s.UnitLevel,
            Capability = (Capability)(int)s.Capability,
            EffectiveFrom = IsoDate.Format(s.EffectiveFrom),
            InUse = s.InUse,
            IsoVersion = (IsoVersion)(int)s.IsoVersion,
            CertificateDate = IsoDate.Format(s.CertificateDate),
            SourceSystem = s.SourceSystem ?? string.Empty,
            Note = s.Note ?? string.Empty,
        },
        Revision = s.Revision,
        RecordedAt = Instant.ToTimestamp(s.RecordedAt),
    };

    public static C.CapabilityStateFact ToEvent(this CapabilityStateEntity s) => new()
    {
        Unit = s.Unit,
        UnitLevel = s.UnitLevel,
        Capability = s.Capability,
        EffectiveFrom = s.EffectiveFrom,
        InUse = s.InUse,
        IsoVersion = s.IsoVersion,
        CertificateDate = s.CertificateDate,
        Revision = s.Revision,
    };
}
