using System.Globalization;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Programme;

/// <summary>
/// The report rows units submit (Appendix 3's "do tỉnh ban hành" row and rows 2–3; docs/adr/0027): a cell takes the values
/// submitted for exactly its period — one unit's value as submitted (a number, a text, "-" or blank, never confused);
/// several units' numbers of a count row summed, otherwise the latest recorded — each with its provenance (unit, who,
/// when). A unit that owes the cell and has not submitted is named with "chưa báo cáo".
/// </summary>
public sealed class SubmittedValueIndicators(ReportingDbContext db) : IIndicatorSource
{
    public static IReadOnlyCollection<string> Submitted { get; } = [Appendix3.IssuedByProvince, Appendix3.SimplifiedAfterReview, Appendix3.PublishedInFull];

    private const string Sql = """
        SELECT p.key, v.indicator, v.unit, v.kind, v.value, v.recorded_by, v.recorded_at
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN submitted_value_facts v ON v.period_from = p.from_day AND v.period_to = p.to_day
        ORDER BY p.key, v.indicator, v.recorded_at, v.unit
        """;

    private const string MissingSql = """
        SELECT p.key, o.indicator, o.unit
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN obligation_facts o ON o.indicator IS NOT NULL AND o.period_from = p.from_day AND o.period_to = p.to_day
        WHERE NOT EXISTS (SELECT 1 FROM submitted_value_facts v WHERE v.indicator = o.indicator AND v.unit = o.unit
            AND v.period_from = o.period_from AND v.period_to = o.period_to)
        ORDER BY p.key, o.indicator, o.unit
        """;

    public IReadOnlyCollection<string> Indicators => Submitted;

    /// <summary>The indicator catalogue lists these rows as submitted by the unit responsible, not computed from facts.</summary>
    bool IIndicatorSource.Submitted => true;

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<(string Indicator, string Period), List<(int Kind, string? Value)>>();
        await FactQuery.ReadAsync(db, Sql, periods, r =>
        {
            var cell = (r.GetString(1), r.GetString(0));
            if (!cells.TryGetValue(cell, out var list))
            {
                cells[cell] = list = [];
            }
            list.Add((r.GetInt32(3), r.IsDBNull(4) ? null : r.GetString(4)));
            values.AddSource(cell.Item1, cell.Item2, new CellSource(r.GetString(2), CellSource.Submitted, r.GetString(5), r.GetFieldValue<DateTimeOffset>(6)));
        }, cancellationToken);
        foreach (var ((indicator, period), submitted) in cells)
        {
            values.Set(indicator, period, Combine(indicator, submitted));
        }
        await FactQuery.ReadAsync(db, MissingSql, periods, r =>
            values.AddSource(r.GetString(1), r.GetString(0), new CellSource(r.GetString(2), CellSource.Missing)), cancellationToken);
    }

    /// <summary>Kinds as in programme.proto ValueKind: 1 number, 2 text, 3 "-", 4 not reported (blank).</summary>
    public static ReportValue? Combine(string indicator, IReadOnlyList<(int Kind, string? Value)> submitted)
    {
        if (indicator == Appendix3.IssuedByProvince && submitted.Count > 1 && submitted.All(s => s.Kind == 1))
        {
            return ReportValue.Of(submitted.Sum(s => decimal.Parse(s.Value!, CultureInfo.InvariantCulture)));
        }
        var latest = submitted[^1];
        return latest.Kind switch
        {
            1 => ReportValue.Of(decimal.Parse(latest.Value!, CultureInfo.InvariantCulture)),
            2 => ReportValue.Of(latest.Value ?? string.Empty),
            3 => ReportValue.NotApplicable,
            _ => null,
        };
    }
}
