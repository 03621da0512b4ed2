using Cchc.Contracts.Events.Egov;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Modernisation;

/// <summary>Upserts e-government metric submissions and capability states, each keyed by its identity and keeping the highest revision.</summary>
public static class ModernisationFactWriter
{
    private const string MetricsSql = """
        INSERT INTO egov_metric_facts AS t (source_system, unit, metric, period_from, period_to, unit_level, value, revision)
        SELECT * FROM unnest(@sources, @units, @metrics, @froms, @tos, @levels, @values, @revisions)
        ON CONFLICT (source_system, unit, metric, period_from, period_to) DO UPDATE SET
            unit_level = excluded.unit_level, value = excluded.value, revision = excluded.revision
        WHERE excluded.revision > t.revision
        """;

    private const string CapabilitiesSql = """
        INSERT INTO egov_capability_facts AS t (unit, capability, effective_from, unit_level, in_use, iso_version, certificate_date, revision)
        SELECT * FROM unnest(@units, @capabilities, @effective_from, @levels, @in_use, @iso_versions, @certificate_dates, @revisions)
        ON CONFLICT (unit, capability, effective_from) DO UPDATE SET
            unit_level = excluded.unit_level, in_use = excluded.in_use, iso_version = excluded.iso_version,
            certificate_date = excluded.certificate_date, revision = excluded.revision
        WHERE excluded.revision > t.revision
        """;

    public static Task<int> UpsertEgovMetricFactsAsync(this ReportingDbContext db, IEnumerable<MetricSubmissionState> states, CancellationToken cancellationToken)
    {
        var batch = states
            .GroupBy(s => (s.SourceSystem, s.Unit, s.Metric, s.PeriodFrom, s.PeriodTo))
            .Select(g => g.MaxBy(s => s.Revision)!)
            .OrderBy(s => s.SourceSystem, StringComparer.Ordinal).ThenBy(s => s.Unit, StringComparer.Ordinal)
            .ThenBy(s => s.Metric).ThenBy(s => s.PeriodFrom).ThenBy(s => s.PeriodTo)
            .ToList();
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(MetricsSql,
        [
            FactBatch.Array("sources", NpgsqlDbType.Text, batch.Select(s => s.SourceSystem)),
            FactBatch.Array("units", NpgsqlDbType.Text, batch.Select(s => s.Unit)),
            FactBatch.Array("metrics", NpgsqlDbType.Integer, batch.Select(s => (int)s.Metric)),
            FactBatch.Array("froms", NpgsqlDbType.Date, batch.Select(s => s.PeriodFrom)),
            FactBatch.Array("tos", NpgsqlDbType.Date, batch.Select(s => s.PeriodTo)),
            FactBatch.Array("levels", NpgsqlDbType.Integer, batch.Select(s => (int)s.UnitLevel)),
            FactBatch.Array("values", NpgsqlDbType.Bigint, batch.Select(s => s.Value)),
            FactBatch.Array("revisions", NpgsqlDbType.Integer, batch.Select(s => s.Revision)),
        ], cancellationToken);
    }

    public static Task<int> UpsertEgovCapabilityFactsAsync(this ReportingDbContext db, IEnumerable<CapabilityStateFact> states, CancellationToken cancellationToken)
    {
        var batch = states
            .GroupBy(s => (s.Unit, s.Capability, s.EffectiveFrom))
            .Select(g => g.MaxBy(s => s.Revision)!)
            .OrderBy(s => s.Unit, StringComparer.Ordinal).ThenBy(s => s.Capability).ThenBy(s => s.EffectiveFrom)
            .ToList();
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(CapabilitiesSql,
        [
            FactBatch.Array("units", NpgsqlDbType.Text, batch.Select(s => s.Unit)),
            FactBatch.Array("capabilities", NpgsqlDbType.Integer, batch.Select(s => (int)s.Capability)),
            FactBatch.Array("effective_from", NpgsqlDbType.Date, batch.Select(s => s.EffectiveFrom)),
            FactBatch.Array("levels", NpgsqlDbType.Integer, batch.Select(s => (int)s.UnitLevel)),
            FactBatch.Array("in_use", NpgsqlDbType.Boolean, batch.Select(s => s.InUse)),
            FactBatch.Array("iso_versions", NpgsqlDbType.Integer, batch.Select(s => (int)s.IsoVersion)),
            FactBatch.Array("certificate_dates", NpgsqlDbType.Date, batch.Select(s => s.CertificateDate)),
            FactBatch.Array("revisions", NpgsqlDbType.Integer, batch.Select(s => s.Revision)),
        ], cancellationToken);
    }
}
