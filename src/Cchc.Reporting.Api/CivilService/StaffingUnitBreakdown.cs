using System.Globalization;
using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Scope;
using Npgsql;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.CivilService;

/// <summary>
/// Appendix 5 split by unit (staffing_facts.unit_code): the same rules as <see cref="CivilServiceIndicators"/> — a stock is
/// each unit's latest figure inside the period, a flow the facts inside it, a reduction the unit's stock of the first year
/// minus its stock of the period, the commune percentages from the unit's counts — so the units add up to the province.
/// The facts behind a cell are the staffing facts (a figure or an individual record).
/// </summary>
public sealed class StaffingUnitBreakdown(ReportingDbContext db) : IUnitBreakdown
{
    private static readonly (string Indicator, StaffingMetric Metric)[] Direct = CivilServiceIndicators.Direct;

    private static readonly StaffingMetric[] Appointments = CivilServiceIndicators.Appointments;

    private const string Sql = """
        WITH p AS (SELECT * FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)),
        latest AS (
            SELECT DISTINCT ON (p.key, f.unit_code, f.metric) p.key, f.unit_code, f.metric, f.value
            FROM p JOIN staffing_facts f ON f.to_day BETWEEN p.from_day AND p.to_day
            WHERE f.metric BETWEEN 1 AND 9
            ORDER BY p.key, f.unit_code, f.metric, f.to_day DESC, f.from_day DESC)
        SELECT key, unit_code, metric, sum(value) FROM latest GROUP BY key, unit_code, metric
        UNION ALL
        SELECT p.key, f.unit_code, f.metric, sum(f.value)
        FROM p JOIN staffing_facts f ON f.from_day >= p.from_day AND f.to_day <= p.to_day
        WHERE f.metric >= 10
        GROUP BY p.key, f.unit_code, f.metric
        """;

    // The facts a cell counts: for a stock, the figures dated inside the period (the latest of each unit counts); for a
    // flow, the facts inside it. Keyset paging by key.
    private const string FactsSql = """
        SELECT f.key, f.unit_code, f.from_day, f.to_day, f.metric, f.value, f.individual
        FROM staffing_facts f
        WHERE f.unit_code = ANY(@units) AND f.metric = ANY(@metrics)
            AND ((f.metric BETWEEN 1 AND 9 AND f.to_day BETWEEN @from AND @to) OR (f.metric >= 10 AND f.from_day >= @from AND f.to_day <= @to))
            AND (@after IS NULL OR f.key > @after)
        ORDER BY f.key
        LIMIT @limit
        """;

    public IReadOnlyCollection<string> Indicators { get; } =
    [
        .. Direct.Select(d => d.Indicator), CivilServiceIndicators.CommuneCivilServantsQualifiedPercent, CivilServiceIndicators.CommuneCivilServantsPoliticalTheoryPercent,
        CivilServiceIndicators.AppointmentsTotal, CivilServiceIndicators.QuotaReducedTotal, CivilServiceIndicators.CivilServantQuotaReduced,
        CivilServiceIndicators.PublicEmployeeQuotaReduced,
    ];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, UnitMeasures measures, CancellationToken cancellationToken)
    {
        var firstYears = periods.Select(p =>
        {
            var endOfYear = new DateOnly(p.From.Year, 12, 31);
            return new ReportPeriod("start:" + p.Key, p.From, endOfYear < p.To ? endOfYear : p.To);
        }).ToList();
        var sums = new Dictionary<(string Period, string Unit, StaffingMetric Metric), decimal>();
        await FactQuery.ReadAsync(db, Sql, [.. periods, .. firstYears],
            r => sums[(r.GetString(0), r.GetString(1), (StaffingMetric)r.GetInt32(2))] = r.GetDecimal(3), cancellationToken);
        foreach (var period in periods)
        {
            var units = sums.Keys.Where(k => k.Period == period.Key || k.Period == "start:" + period.Key).Select(k => k.Unit).Distinct(StringComparer.Ordinal);
            foreach (var unit in units)
            {
                decimal Sum(string key, StaffingMetric metric) => sums.GetValueOrDefault((key, unit, metric));
                foreach (var (indicator, metric) in Direct)
                {
                    if (sums.ContainsKey((period.Key, unit, metric)))
                    {
                        measures.Add(indicator, period.Key, unit, Sum(period.Key, metric));
                    }
                }
                var communes = Sum(period.Key, StaffingMetric.CommuneCivilServantsEmployed);
                if (communes != 0)
                {
                    measures.Add(CivilServiceIndicators.CommuneCivilServantsQualifiedPercent, period.Key, unit,
                        new UnitMeasure(Sum(period.Key, StaffingMetric.CommuneCivilServantsMeetingStandard), communes));
                    measures.Add(CivilServiceIndicators.CommuneCivilServantsPoliticalTheoryPercent, period.Key, unit,
                        new UnitMeasure(Sum(period.Key, StaffingMetric.CommuneCivilServantsWithPoliticalTheory), communes));
                }
                if (Appointments.Any(m => sums.ContainsKey((period.Key, unit, m))))
                {
                    measures.Add(CivilServiceIndicators.AppointmentsTotal, period.Key, unit, Appointments.Sum(m => Sum(period.Key, m)));
                }
                var civil = Sum("start:" + period.Key, StaffingMetric.CivilServantQuota) - Sum(period.Key, StaffingMetric.CivilServantQuota);
                var employees = Sum("start:" + period.Key, StaffingMetric.PublicEmployeeQuota) - Sum(period.Key, StaffingMetric.PublicEmployeeQuota);
                measures.Add(CivilServiceIndicators.CivilServantQuotaReduced, period.Key, unit, civil);
                measures.Add(CivilServiceIndicators.PublicEmployeeQuotaReduced, period.Key, unit, employees);
                measures.Add(CivilServiceIndicators.QuotaReducedTotal, period.Key, unit, civil + employees);
            }
        }
    }

    public async Task<IReadOnlyList<FactEntry>> FactsAsync(string indicator, ReportPeriod period, IReadOnlyCollection<string> units, string? after, int pageSize,
        CancellationToken cancellationToken)
    {
        var metrics = MetricsOf(indicator);
        var facts = new List<FactEntry>();
        await FactQuery.ReadAsync(db, FactsSql, command =>
        {
            FactPageParameters.AddTo(command, period, units, after, pageSize);
            command.Parameters.Add(new NpgsqlParameter("metrics", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = metrics.Select(m => (int)m).ToArray() });
        }, r =>
        {
            facts.Add(new FactEntry(r.GetBoolean(6) ? "hồ sơ cá nhân" : "số liệu biên chế", r.GetString(0), r.GetString(1),
                r.GetFieldValue<DateOnly>(3), new Dictionary<string, string?>
                {
                    ["Chỉ tiêu"] = ((StaffingMetric)r.GetInt32(4)).ToString(),
                    ["Từ ngày"] = r.GetFieldValue<DateOnly>(2).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["Đến ngày"] = r.GetFieldValue<DateOnly>(3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["Giá trị"] = r.GetInt64(5).ToString(CultureInfo.InvariantCulture),
                }));
        }, cancellationToken);
        return facts;
    }

    private static StaffingMetric[] MetricsOf(string indicator) => indicator switch
    {
        CivilServiceIndicators.CommuneCivilServantsQualifiedPercent =>
            [StaffingMetric.CommuneCivilServantsEmployed, StaffingMetric.CommuneCivilServantsMeetingStandard],
        CivilServiceIndicators.CommuneCivilServantsPoliticalTheoryPercent =>
            [StaffingMetric.CommuneCivilServantsEmployed, StaffingMetric.CommuneCivilServantsWithPoliticalTheory],
        CivilServiceIndicators.AppointmentsTotal => Appointments,
        CivilServiceIndicators.CivilServantQuotaReduced => [StaffingMetric.CivilServantQuota],
        CivilServiceIndicators.PublicEmployeeQuotaReduced => [StaffingMetric.PublicEmployeeQuota],
        CivilServiceIndicators.QuotaReducedTotal => [StaffingMetric.CivilServantQuota, StaffingMetric.PublicEmployeeQuota],
        _ => Direct.Where(d => d.Indicator == indicator).Select(d => d.Metric).ToArray(),
    };
}
