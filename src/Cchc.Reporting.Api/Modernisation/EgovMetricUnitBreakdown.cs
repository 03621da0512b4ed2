using System.Globalization;
using Cchc.Contracts.Events.Egov;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Scope;
using Npgsql;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Modernisation;

/// <summary>
/// Appendix 7's submitted metrics split by the unit they are about (egov_metric_facts.unit), with the rules of
/// <see cref="ModernisationIndicators"/>: a flow is the unit's submissions inside the period, a stock its latest
/// submission per source system ending inside it, a rate the unit's numerator over its denominator (so the scope's rate is
/// Σ numerators / Σ denominators). A flow or stock nobody in the scope submitted is blank, as in the province. The
/// capability rows (states at the period's end, the ISO fraction) are not split yet. The facts are the submissions.
/// </summary>
public sealed class EgovMetricUnitBreakdown(ReportingDbContext db) : IUnitBreakdown
{
    private static readonly (string Indicator, EgovMetric[] Metrics)[] Counts =
    [
        (ModernisationIndicators.AxisConnectedUnits, [EgovMetric.AxisConnectedUnits]),
        (ModernisationIndicators.AxisReceived, [EgovMetric.AxisDocumentsReceived]),
        (ModernisationIndicators.AxisSent, [EgovMetric.AxisDocumentsSent]),
        (ModernisationIndicators.SignaturesPersonal, [EgovMetric.SignaturesPersonal]),
        (ModernisationIndicators.SignaturesOrganisation, [EgovMetric.SignaturesOrganisation]),
        (ModernisationIndicators.SignaturesMobile, [EgovMetric.SignaturesMobile]),
        (ModernisationIndicators.Signatures, [EgovMetric.SignaturesPersonal, EgovMetric.SignaturesOrganisation, EgovMetric.SignaturesMobile]),
        (ModernisationIndicators.Mailboxes, [EgovMetric.OfficialMailboxes]),
    ];

    private static readonly (string Indicator, EgovMetric Numerator, EgovMetric Denominator)[] Rates =
    [
        (ModernisationIndicators.ElectronicDocumentRate, EgovMetric.AdminDocumentsElectronic, EgovMetric.AdminDocuments),
        (ModernisationIndicators.MailboxRate, EgovMetric.CivilServantsWithMailbox, EgovMetric.CivilServants),
    ];

    private const string Sql = """
        SELECT p.key, f.unit, f.metric, sum(f.value)
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN egov_metric_facts f ON f.period_from >= p.from_day AND f.period_to <= p.to_day
        WHERE f.metric IN (1, 2, 3, 4, 5, 10, 11)
        GROUP BY p.key, f.unit, f.metric
        UNION ALL
        SELECT key, unit, metric, sum(value) FROM (
            SELECT DISTINCT ON (p.key, f.source_system, f.unit, f.metric) p.key, f.unit, f.metric, f.value
            FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
            JOIN egov_metric_facts f ON f.period_to BETWEEN p.from_day AND p.to_day
            WHERE f.metric IN (6, 7, 8, 9)
            ORDER BY p.key, f.source_system, f.unit, f.metric, f.period_to DESC, f.period_from DESC) latest
        GROUP BY key, unit, metric
        """;

    // The submissions a cell counts (flows inside the period, stocks ending in it), keyset-paged by (source, unit, metric, period).
    private const string FactsSql = """
        SELECT f.source_system || '|' || f.unit || '|' || f.metric || '|' || f.period_from || '|' || f.period_to AS id,
            f.unit, f.period_to, f.source_system, f.metric, f.period_from, f.value, f.revision
        FROM egov_metric_facts f
        WHERE f.unit = ANY(@units) AND f.metric = ANY(@metrics)
            AND ((f.metric IN (6, 7, 8, 9) AND f.period_to BETWEEN @from AND @to) OR (f.metric NOT IN (6, 7, 8, 9) AND f.period_from >= @from AND f.period_to <= @to))
            AND (@after IS NULL OR f.source_system || '|' || f.unit || '|' || f.metric || '|' || f.period_from || '|' || f.period_to > @after)
        ORDER BY 1
        LIMIT @limit
        """;

    public IReadOnlyCollection<string> Indicators { get; } = [.. Counts.Select(c => c.Indicator), .. Rates.Select(r => r.Indicator)];

    public bool BlankWithoutFacts(string indicator) => true;

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, UnitMeasures measures, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<(string Period, string Unit, EgovMetric Metric), decimal>();
        await FactQuery.ReadAsync(db, Sql, periods, r => sums[(r.GetString(0), r.GetString(1), (EgovMetric)r.GetInt32(2))] = r.GetDecimal(3), cancellationToken);
        foreach (var (period, unit) in sums.Keys.Select(k => (k.Period, k.Unit)).Distinct())
        {
            decimal? Metric(EgovMetric metric) => sums.TryGetValue((period, unit, metric), out var v) ? v : null;
            foreach (var (indicator, metrics) in Counts)
            {
                if (metrics.Any(m => Metric(m) is not null))
                {
                    measures.Add(indicator, period, unit, metrics.Sum(m => Metric(m) ?? 0));
                }
            }
            foreach (var (indicator, numerator, denominator) in Rates)
            {
                if (Metric(numerator) is { } n && Metric(denominator) is { } d)
                {
                    measures.Add(indicator, period, unit, new UnitMeasure(n, d));
                }
            }
        }
    }

    public async Task<IReadOnlyList<FactEntry>> FactsAsync(string indicator, ReportPeriod period, IReadOnlyCollection<string> units, string? after, int pageSize,
        CancellationToken cancellationToken)
    {
        var metrics = Counts.Where(c => c.Indicator == indicator).SelectMany(c => c.Metrics)
            .Concat(Rates.Where(r => r.Indicator == indicator).SelectMany(r => new[] { r.Numerator, r.Denominator })).Select(m => (int)m).ToArray();
        var facts = new List<FactEntry>();
        await FactQuery.ReadAsync(db, FactsSql, command =>
        {
            FactPageParameters.AddTo(command, period, units, after, pageSize);
            command.Parameters.Add(new NpgsqlParameter("metrics", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = metrics });
        }, r =>
        {
            facts.Add(new FactEntry("số liệu chính phủ điện tử", r.GetString(0), r.GetString(1), r.GetFieldValue<DateOnly>(2),
                new Dictionary<string, string?>
                {
                    ["Hệ thống nguồn"] = r.GetString(3),
                    ["Chỉ tiêu"] = ((EgovMetric)r.GetInt32(4)).ToString(),
                    ["Từ ngày"] = r.GetFieldValue<DateOnly>(5).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["Đến ngày"] = r.GetFieldValue<DateOnly>(2).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    ["Giá trị"] = r.GetInt64(6).ToString(CultureInfo.InvariantCulture),
                    ["Lần sửa"] = r.GetInt32(7).ToString(CultureInfo.InvariantCulture),
                }));
        }, cancellationToken);
        return facts;
    }
}
