using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>
/// On-time rate by level: of the dossiers resolved in the period (closed_on in [from, to], status resolved) by
/// units of the level, the share resolved at or before their due instant, × 100; blank when none was resolved.
/// Reads dossier_daily_counts (a few rows per day), not the dossiers themselves.
/// </summary>
public sealed class DossierTimelinessIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string Province = "dossiers.on_time_rate.province";
    public const string District = "dossiers.on_time_rate.district";
    public const string Commune = "dossiers.on_time_rate.commune";

    private static readonly Dictionary<GovernmentLevel, string> ByLevel = new()
    {
        [GovernmentLevel.Province] = Province,
        [GovernmentLevel.District] = District,
        [GovernmentLevel.Commune] = Commune,
    };

    private const string Sql = """
        SELECT p.key, c.unit_level, sum(c.dossiers) AS resolved, sum(c.on_time) AS on_time
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN dossier_daily_counts c ON c.status = 2 AND c.closed_on BETWEEN p.from_day AND p.to_day
        GROUP BY p.key, c.unit_level
        """;

    public IReadOnlyCollection<string> FactKinds { get; } = ["DossiersRecorded"];

    public IReadOnlyCollection<string> Indicators => ByLevel.Values;

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string Period, GovernmentLevel Level), (decimal Resolved, decimal OnTime)>();
        await FactQuery.ReadAsync(db, Sql, periods,
            reader => counts[(reader.GetString(0), (GovernmentLevel)reader.GetInt16(1))] = (reader.GetDecimal(2), reader.GetDecimal(3)),
            cancellationToken);
        foreach (var period in periods)
        {
            foreach (var (level, indicator) in ByLevel)
            {
                var (resolved, onTime) = counts.GetValueOrDefault((period.Key, level));
                values.Set(indicator, period.Key, IndicatorMath.Percentage(onTime, resolved));
            }
        }
    }
}
