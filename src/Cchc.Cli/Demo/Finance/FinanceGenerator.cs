using Cchc.Contracts.Events.Finance;

namespace Cchc.Cli.Demo.Finance;

/// <summary>A GENERATED autonomy status of a unit from a day.</summary>
public sealed record DemoAutonomyStatus(string Unit, AutonomyRegime Regime, AutonomyLevel Level, ParentKind Parent, string? ParentUnit, DateOnly From);

/// <summary>A breakdown cell the source did not report (year of the column's last day).</summary>
public sealed record DemoUnreportedCell(int Year, ParentKind Parent, AutonomyLevel Level);

/// <summary>The generated public finance data: units' statuses (oldest first per unit), unreported cells and the body's budget figures.</summary>
public sealed record DemoFinance(IReadOnlyList<DemoAutonomyStatus> Statuses, IReadOnlyList<DemoUnreportedCell> Unreported, IReadOnlyList<DemoBudgetFigure> Figures)
{
    public int UnitCount => Statuses.Select(s => s.Unit).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>
/// Generates units whose statuses reproduce <see cref="FinanceTargets"/> on the last day of every column: each group
/// (a regime, or public service units of one parent kind) has a pool of numbered units; in column t the first
/// total[t] units are in the regime, spread over the levels in order, and the others that were in it leave it
/// (status NONE). Each change takes effect on 1 January of the column's year. Deterministic.
/// </summary>
public static class FinanceGenerator
{
    private static readonly AutonomyLevel[] LevelOrder =
        [AutonomyLevel.StateFunded, AutonomyLevel.PartlyRecurrent, AutonomyLevel.Recurrent, AutonomyLevel.RecurrentAndInvestment];

    public static DemoFinance Generate()
    {
        var statuses = new List<DemoAutonomyStatus>();
        var periods = DemoPeriod.All;
        statuses.AddRange(Group(periods, t => Single(FinanceTargets.AdministrativeAgencies[t]), AutonomyRegime.AdministrativeAgency, ParentKind.Unspecified,
            i => $"Cơ quan hành chính số {i + 1:000} (dữ liệu sinh)", _ => null));
        statuses.AddRange(Group(periods, t => Single(FinanceTargets.ScienceTechnology[t]), AutonomyRegime.ScienceTechnology, ParentKind.Unspecified,
            i => $"Tổ chức khoa học và công nghệ số {i + 1:00} (dữ liệu sinh)", _ => null));
        foreach (var target in FinanceTargets.ServiceUnits)
        {
            var (prefix, parentOf) = target.Parent switch
            {
                ParentKind.ProvincialCommittee => ("thuộc UBND tỉnh", (Func<int, string?>)(_ => "UBND tỉnh Lai Châu")),
                ParentKind.ProvincialAgency => ("thuộc sở, ngành", i => ProvincialAgencies[i % ProvincialAgencies.Length]),
                _ => ("thuộc UBND cấp huyện", i => LaiChauUnits.DistrictUnits[i % LaiChauUnits.DistrictUnits.Length]),
            };
            statuses.AddRange(Group(periods, target.Generated, AutonomyRegime.PublicServiceUnit, target.Parent,
                i => $"Đơn vị sự nghiệp công lập {prefix} số {i + 1:000} (dữ liệu sinh)", parentOf));
        }

        var unreported = new List<DemoUnreportedCell>();
        foreach (var target in FinanceTargets.ServiceUnits)
        {
            for (var t = 0; t < periods.Count; t++)
            {
                unreported.AddRange(target.Reported.Where(r => r.Value[t] is null).Select(r => new DemoUnreportedCell(periods[t].To.Year, target.Parent, r.Key)));
            }
        }
        return new DemoFinance(statuses, unreported, FinanceTargets.BudgetFigures);
    }

    private static IReadOnlyDictionary<AutonomyLevel, int> Single(int count) => new Dictionary<AutonomyLevel, int> { [AutonomyLevel.Unspecified] = count };

    private static IEnumerable<DemoAutonomyStatus> Group(IReadOnlyList<DemoPeriod> periods, Func<int, IReadOnlyDictionary<AutonomyLevel, int>> countsIn,
        AutonomyRegime regime, ParentKind parent, Func<int, string> nameOf, Func<int, string?> parentUnitOf)
    {
        var pool = Enumerable.Range(0, periods.Count).Max(t => countsIn(t).Values.Sum());
        var current = new AutonomyLevel?[pool]; // null: not in the regime
        var inRegime = new bool[pool];
        var byUnit = new List<DemoAutonomyStatus>[pool];
        for (var i = 0; i < pool; i++)
        {
            byUnit[i] = [];
        }
        for (var t = 0; t < periods.Count; t++)
        {
            var from = new DateOnly(periods[t].To.Year, 1, 1);
            var counts = countsIn(t);
            var levels = counts.Keys.OrderBy(l => l == AutonomyLevel.Unspecified ? -1 : Array.IndexOf(LevelOrder, l)).ToList();
            var next = 0;
            var assigned = new AutonomyLevel?[pool];
            foreach (var level in levels)
            {
                for (var k = 0; k < counts[level]; k++)
                {
                    assigned[next++] = level;
                }
            }
            for (var i = 0; i < pool; i++)
            {
                if (assigned[i] is { } level && (!inRegime[i] || current[i] != level))
                {
                    byUnit[i].Add(new DemoAutonomyStatus(nameOf(i), regime, level, parent, parentUnitOf(i), from));
                    (inRegime[i], current[i]) = (true, level);
                }
                else if (assigned[i] is null && inRegime[i])
                {
                    byUnit[i].Add(new DemoAutonomyStatus(nameOf(i), AutonomyRegime.None, AutonomyLevel.Unspecified, ParentKind.Unspecified, null, from));
                    (inRegime[i], current[i]) = (false, null);
                }
            }
        }
        return byUnit.SelectMany(s => s);
    }

    /// <summary>Departments of the provincial People's Committee that have public service units (illustrative).</summary>
    private static readonly string[] ProvincialAgencies =
    [
        "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Nông nghiệp và Phát triển nông thôn", "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội",
        "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Xây dựng", "Sở Tư pháp",
    ];

    /// <summary>The count per level on <paramref name="day"/> of the generated statuses (for checks and tests).</summary>
    public static IReadOnlyDictionary<(AutonomyRegime Regime, ParentKind Parent, AutonomyLevel Level), int> CountOn(IEnumerable<DemoAutonomyStatus> statuses, DateOnly day) =>
        statuses.Where(s => s.From <= day).GroupBy(s => s.Unit, StringComparer.Ordinal)
            .Select(g => g.MaxBy(s => s.From)!)
            .Where(s => s.Regime != AutonomyRegime.None)
            .GroupBy(s => (s.Regime, s.Parent, s.Level))
            .ToDictionary(g => g.Key, g => g.Count());
}
