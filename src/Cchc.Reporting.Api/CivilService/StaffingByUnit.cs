using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Organisation;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.CivilService;

/// <summary>One unit's staffing figures for a period: <see cref="Values"/> by metric name.</summary>
public sealed record UnitStaffingRow(string UnitCode, string Name, IReadOnlyList<string> RolledUpFrom, IReadOnlyDictionary<string, decimal> Values);

/// <summary>
/// Staffing by unit for one period (stocks and flows as in Appendix 5), attributed to the unit the facts were recorded
/// for, or — with a roll-up day — to the unit that carries them on that day (<see cref="UnitStructure.RollUp"/>): facts
/// recorded in 2019 for a commune merged in 2025 appear under the merged commune when rolled up to 2026.
/// </summary>
public sealed class StaffingByUnit(ReportingDbContext db)
{
    private const string Sql = """
        WITH p AS (SELECT * FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)),
        latest AS (
            SELECT DISTINCT ON (f.unit_code, f.metric) f.unit_code, f.metric, f.value
            FROM p JOIN staffing_facts f ON f.to_day BETWEEN p.from_day AND p.to_day
            WHERE f.metric BETWEEN 1 AND 9
            ORDER BY f.unit_code, f.metric, f.to_day DESC, f.from_day DESC)
        SELECT unit_code, metric, value::numeric FROM latest
        UNION ALL
        SELECT f.unit_code, f.metric, sum(f.value)
        FROM p JOIN staffing_facts f ON f.from_day >= p.from_day AND f.to_day <= p.to_day
        WHERE f.metric >= 10
        GROUP BY f.unit_code, f.metric
        """;

    public async Task<IReadOnlyList<UnitStaffingRow>> ComputeAsync(ReportPeriod period, DateOnly? rollUpTo, CancellationToken cancellationToken)
    {
        var facts = new List<(string Unit, StaffingMetric Metric, decimal Value)>();
        await FactQuery.ReadAsync(db, Sql, [period], r => facts.Add((r.GetString(0), (StaffingMetric)r.GetInt32(1), r.GetDecimal(2))), cancellationToken);
        var structure = await UnitStructure.LoadAsync(db, cancellationToken);
        var rows = new Dictionary<string, (HashSet<string> From, Dictionary<string, decimal> Values)>(StringComparer.Ordinal);
        foreach (var (unit, metric, value) in facts)
        {
            var target = rollUpTo is { } day ? structure.RollUp(unit, day).FirstOrDefault() ?? unit : unit;
            if (!rows.TryGetValue(target, out var row))
            {
                row = (new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, decimal>(StringComparer.Ordinal));
                rows[target] = row;
            }
            if (target != unit)
            {
                row.From.Add(unit);
            }
            row.Values[metric.ToString()] = row.Values.GetValueOrDefault(metric.ToString()) + value;
        }
        var nameDay = rollUpTo ?? period.To;
        return rows.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new UnitStaffingRow(r.Key, structure.On(r.Key, nameDay)?.Name ?? structure.Latest(r.Key)?.Name ?? r.Key,
                r.Value.From.Order(StringComparer.Ordinal).ToList(), r.Value.Values))
            .ToList();
    }
}
