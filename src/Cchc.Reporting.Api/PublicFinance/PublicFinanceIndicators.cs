using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.PublicFinance;

/// <summary>
/// Appendix 6's facts (public finance reform) and the body's finance figures, for each period [from, to]:
/// units under each autonomy regime on the period's LAST day (a unit has one status at a time, so each unit counts
/// once), public service units by parent kind and autonomy level — each total is the sum of its four levels, so the
/// breakdowns always add up —; a breakdown cell is marked "not reported by the source" when the finance service holds
/// an unreported-breakdown declaration for the period's last year. Budget figures: the sum of the figures whose years
/// lie wholly inside the period (blank when there is none). Enum numbers are those of Cchc.Contracts.Events.Finance.
/// </summary>
public sealed class PublicFinanceIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string AdministrativeAgencies = "finance.autonomy.administrative";
    public const string ScienceTechnology = "finance.autonomy.science_technology";
    public const string ServiceUnitsTotal = "finance.autonomy.psu.total";
    public const string ServiceUnitsRecurrent = "finance.autonomy.psu.all.recurrent";
    public const string ServiceUnitsPartlyRecurrent = "finance.autonomy.psu.all.partly_recurrent";
    public const string RevenueBillion = "finance.budget.revenue_billion";
    public const string ReformFunding = "finance.budget.reform_funding";
    public const string ReformFundingForeignGrant = "finance.budget.reform_funding.foreign_grant";

    /// <summary>Parent kinds (contract numbers) and their indicator segment, in Appendix 6's row order (rows 2, 3, 4).</summary>
    public static readonly IReadOnlyList<(int Kind, string Key)> Parents =
    [
        (1, "provincial_committee"),
        (2, "provincial_agency"),
        (3, "district_committee"),
    ];

    /// <summary>Autonomy levels (contract numbers) and their indicator segment, in the source's sub-row order.</summary>
    public static readonly IReadOnlyList<(int Level, string Key)> Levels =
    [
        (1, "recurrent_and_investment"),
        (2, "recurrent"),
        (3, "partly_recurrent"),
        (4, "state_funded"),
    ];

    public static string ServiceUnits(int parentKind) => $"finance.autonomy.psu.{Parents.First(p => p.Kind == parentKind).Key}.total";

    public static string ServiceUnits(int parentKind, int level) =>
        $"finance.autonomy.psu.{Parents.First(p => p.Kind == parentKind).Key}.{Levels.First(l => l.Level == level).Key}";

    private const string StatusSql = """
        SELECT p.key, s.regime, s.parent_kind, s.level, count(*)
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN autonomy_status_facts s ON s.effective_from <= p.to_day AND (s.effective_to IS NULL OR s.effective_to >= p.to_day)
        WHERE s.regime IN (1, 2, 3)
        GROUP BY p.key, s.regime, s.parent_kind, s.level
        """;

    private const string UnreportedSql = """
        SELECT p.key, u.parent_kind, u.level
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN unreported_breakdown_facts u ON u.year = extract(year FROM p.to_day)::int
        """;

    private const string BudgetSql = """
        SELECT p.key, f.kind, f.funding_source, sum(f.amount)
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        -- Years clamped to the calendar make_date accepts: a period's days lie in 1945-2099, so a clamped year decides alike.
        JOIN budget_figure_facts f ON make_date(LEAST(GREATEST(f.year_from, 1), 9999), 1, 1) >= p.from_day
            AND make_date(LEAST(GREATEST(f.year_to, 1), 9999), 12, 31) <= p.to_day
        GROUP BY p.key, f.kind, f.funding_source
        """;

    public IReadOnlyCollection<string> FactKinds { get; } = ["AutonomyStatusesRecorded", "BudgetFiguresRecorded", "UnreportedBreakdownsDeclared"];

    public IReadOnlyCollection<string> Indicators { get; } =
    [
        AdministrativeAgencies, ScienceTechnology, ServiceUnitsTotal, ServiceUnitsRecurrent, ServiceUnitsPartlyRecurrent,
        .. Parents.Select(p => ServiceUnits(p.Kind)),
        .. Parents.SelectMany(p => Levels.Select(l => ServiceUnits(p.Kind, l.Level))),
        RevenueBillion, ReformFunding, ReformFundingForeignGrant,
    ];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string Key, int Regime, int Parent, int Level), long>();
        await FactQuery.ReadAsync(db, StatusSql, periods, r =>
            counts[(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3))] = r.GetInt64(4), cancellationToken);
        long Count(string key, int regime, int parent = -1, int level = -1) => counts
            .Where(c => c.Key.Key == key && c.Key.Regime == regime && (parent < 0 || c.Key.Parent == parent) && (level < 0 || c.Key.Level == level))
            .Sum(c => c.Value);

        foreach (var period in periods)
        {
            var key = period.Key;
            values.Set(AdministrativeAgencies, key, Count(key, 1));
            values.Set(ScienceTechnology, key, Count(key, 3));
            foreach (var (parent, _) in Parents)
            {
                long total = 0;
                foreach (var (level, _) in Levels)
                {
                    var n = Count(key, 2, parent, level);
                    total += n;
                    values.Set(ServiceUnits(parent, level), key, n);
                }
                values.Set(ServiceUnits(parent), key, total);
            }
            values.Set(ServiceUnitsTotal, key, Count(key, 2));
            values.Set(ServiceUnitsRecurrent, key, Count(key, 2, level: 2));
            values.Set(ServiceUnitsPartlyRecurrent, key, Count(key, 2, level: 3));
        }

        await FactQuery.ReadAsync(db, UnreportedSql, periods, r =>
        {
            var (parent, level) = (r.GetInt32(1), r.GetInt32(2));
            if (Parents.Any(p => p.Kind == parent) && Levels.Any(l => l.Level == level))
            {
                values.MarkNotReported(ServiceUnits(parent, level), r.GetString(0));
            }
        }, cancellationToken);

        var budget = new Dictionary<(string Key, int Kind, int Source), decimal>();
        await FactQuery.ReadAsync(db, BudgetSql, periods, r =>
            budget[(r.GetString(0), r.GetInt32(1), r.GetInt32(2))] = r.GetDecimal(3), cancellationToken);
        decimal? Sum(string key, int kind, int source = -1)
        {
            var matching = budget.Where(b => b.Key.Key == key && b.Key.Kind == kind && (source < 0 || b.Key.Source == source)).ToList();
            return matching.Count == 0 ? null : matching.Sum(b => b.Value);
        }
        foreach (var period in periods)
        {
            // Revenue is kept in million VND; the body speaks of tỷ đồng (billion VND).
            values.Set(RevenueBillion, period.Key, Sum(period.Key, 1) / 1000m);
            values.Set(ReformFunding, period.Key, Sum(period.Key, 2));
            values.Set(ReformFundingForeignGrant, period.Key, Sum(period.Key, 2, 2));
        }
    }
}
