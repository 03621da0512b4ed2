using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Modernisation;

/// <summary>
/// Appendix 7's rows derived from the procedures service's facts, not typed in (docs/adr/0011):
/// online public services = procedures in force at the period's end (the catalogue's version in effect that day) whose
/// online level is above level 2 — levels 3 and 4 of Decree 43/2011, or toàn trình / một phần of Decree 42/2022, each
/// version carrying the scheme of its day; the share of them that received at least one online dossier in the period;
/// the share of the dossiers resolved in the period that were processed through the electronic one-stop-shop system.
/// </summary>
public sealed class OnlineServiceIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string OnlineServices = "egov.online_services.level_3_4";
    public const string OnlineServicesWithDossiers = "egov.online_services.with_dossiers_rate";
    public const string ElectronicOneStopRate = "egov.dossiers.electronic_one_stop_rate";
    public const string Level3 = "egov.online_services.level_3";
    public const string Level4 = "egov.online_services.level_4";
    public const string Full = "egov.online_services.full";
    public const string Partial = "egov.online_services.partial";

    private const string ServicesSql = """
        WITH period AS (
            SELECT * FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        ), spans AS (
            -- The version in effect on a day, as in ProcedureCatalogIndicators: from its effective_from until the next one's.
            SELECT v.code, v.online_level, v.in_force_from, v.abolished_on, v.effective_from,
                   lead(v.effective_from) OVER (PARTITION BY v.code ORDER BY v.effective_from, v.version) AS superseded_from
            FROM procedure_versions v
        ), version_in_effect AS (
            SELECT p.key, p.from_day, p.to_day, s.code, s.online_level, s.in_force_from, s.abolished_on
            FROM period p JOIN spans s ON s.effective_from <= p.to_day AND (s.superseded_from IS NULL OR s.superseded_from > p.to_day)
        ), online AS (
            SELECT * FROM version_in_effect
            WHERE in_force_from <= to_day AND (abolished_on IS NULL OR abolished_on > to_day) AND online_level IN (3, 4, 10, 11)
        )
        SELECT o.key,
            count(*) FILTER (WHERE online_level = 3),
            count(*) FILTER (WHERE online_level = 4),
            count(*) FILTER (WHERE online_level = 10),
            count(*) FILTER (WHERE online_level = 11),
            count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM dossier_facts d
                WHERE d.channel = 2 AND d.procedure_code = o.code AND d.received_on BETWEEN o.from_day AND o.to_day))
        FROM online o GROUP BY o.key
        """;

    private const string ElectronicSql = """
        SELECT p.key, sum(c.dossiers), sum(c.electronic)
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN dossier_daily_counts c ON c.status = 2 AND c.closed_on BETWEEN p.from_day AND p.to_day
        GROUP BY p.key
        """;

    public IReadOnlyCollection<string> FactKinds { get; } = ["ProcedureVersionsRecorded", "DossiersRecorded"];

    public IReadOnlyCollection<string> Indicators { get; } =
        [OnlineServices, OnlineServicesWithDossiers, ElectronicOneStopRate, Level3, Level4, Full, Partial];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        var services = new Dictionary<string, long[]>();
        await FactQuery.ReadAsync(db, ServicesSql, periods,
            r => services[r.GetString(0)] = [r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)], cancellationToken);
        var resolved = new Dictionary<string, (decimal Resolved, decimal Electronic)>();
        await FactQuery.ReadAsync(db, ElectronicSql, periods,
            r => resolved[r.GetString(0)] = (r.GetDecimal(1), r.GetDecimal(2)), cancellationToken);
        foreach (var key in periods.Select(p => p.Key))
        {
            var row = services.GetValueOrDefault(key) ?? new long[5];
            var total = IndicatorMath.Total(row[0], row[1], row[2], row[3]);
            values.Set(Level3, key, row[0]);
            values.Set(Level4, key, row[1]);
            values.Set(Full, key, row[2]);
            values.Set(Partial, key, row[3]);
            values.Set(OnlineServices, key, total);
            values.Set(OnlineServicesWithDossiers, key, IndicatorMath.Percentage(row[4], total));
            var (all, electronic) = resolved.GetValueOrDefault(key);
            values.Set(ElectronicOneStopRate, key, IndicatorMath.Percentage(electronic, all));
        }
    }
}
