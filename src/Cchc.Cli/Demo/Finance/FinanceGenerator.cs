using Cchc.Cli.Demo.Organisation;
using Cchc.Contracts.Events.Finance;
using Cchc.Organisation.Api.Grpc;

namespace Cchc.Cli.Demo.Finance;

/// <summary>A GENERATED autonomy status of a registry unit from a day.</summary>
public sealed record DemoAutonomyStatus(string Unit, AutonomyRegime Regime, AutonomyLevel Level, ParentKind Parent, string? ParentUnit, DateOnly From);

/// <summary>A breakdown cell the source did not report (year of the column's last day).</summary>
public sealed record DemoUnreportedCell(int Year, ParentKind Parent, AutonomyLevel Level);

/// <summary>The generated public finance data: units' statuses (oldest first per unit), unreported cells and the body's budget figures.</summary>
public sealed record DemoFinance(IReadOnlyList<DemoAutonomyStatus> Statuses, IReadOnlyList<DemoUnreportedCell> Unreported, IReadOnlyList<DemoBudgetFigure> Figures)
{
    public int UnitCount => Statuses.Select(s => s.Unit).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>
/// Generates autonomy statuses of units of the demo registry (<see cref="OrganisationDemo"/>) that reproduce
/// <see cref="FinanceTargets"/> on the last day of every column, counting only units that exist that day. The finance
/// department counts budget units (the body: "42 đơn vị dự toán khối tỉnh, 142 … khối huyện, 106 xã"), so each row
/// draws on a pool of registry units (docs/adr/0010-public-finance.md):
/// <list type="bullet">
/// <item>row 1, administrative agencies: the province's specialised agencies, other agency, sub-departments and People's
/// Council, the districts' divisions and offices, the bodies of the Party, the Fatherland Front and the socio-political
/// organisations at both levels, and the communes' People's Committees;</item>
/// <item>rows 2–4, public service units, by the row of the budget that funds them: under the provincial committee, under
/// provincial agencies, under district committees (their place in the registry, as Appendix 4 counts them), then the
/// Party's and mass organisations' own units of the province (row 3) and of the districts (row 4), which Appendix 4 does
/// not count as the People's Committees' organisations;</item>
/// <item>row 5: the public science and technology organisations.</item>
/// </list>
/// In column t the first units of the pool (in registry order) that exist on the column's last day are in the regime,
/// spread over the levels in order; a status takes effect on 1 January of the column's year (or the day a unit founded
/// that year was founded); a unit that leaves the regime gets NONE on 1 January, or on its merger day when a merger ended
/// it. Deterministic.
/// </summary>
public static class FinanceGenerator
{
    private static readonly AutonomyLevel[] LevelOrder =
        [AutonomyLevel.StateFunded, AutonomyLevel.PartlyRecurrent, AutonomyLevel.Recurrent, AutonomyLevel.RecurrentAndInvestment];

    public static DemoFinance Generate(DemoOrganisation registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var pools = Pools(registry);
        var statuses = new List<DemoAutonomyStatus>();
        var periods = DemoPeriod.All;
        statuses.AddRange(Group(registry, periods, pools[Row.AdministrativeAgencies], t => Single(FinanceTargets.AdministrativeAgencies[t]),
            AutonomyRegime.AdministrativeAgency, ParentKind.Unspecified));
        statuses.AddRange(Group(registry, periods, pools[Row.ScienceTechnology], t => Single(FinanceTargets.ScienceTechnology[t]),
            AutonomyRegime.ScienceTechnology, ParentKind.Unspecified));
        foreach (var target in FinanceTargets.ServiceUnits)
        {
            var row = target.Parent switch
            {
                ParentKind.ProvincialCommittee => Row.UnderProvincialCommittee,
                ParentKind.ProvincialAgency => Row.UnderProvincialAgencies,
                _ => Row.UnderDistrictCommittees,
            };
            statuses.AddRange(Group(registry, periods, pools[row], target.Generated, AutonomyRegime.PublicServiceUnit, target.Parent));
        }

        var unreported = new List<DemoUnreportedCell>();
        foreach (var target in FinanceTargets.ServiceUnits)
        {
            for (var t = 0; t < periods.Count; t++)
            {
                unreported.AddRange(target.Reported.Where(r => r.Value[t] is null).Select(r => new DemoUnreportedCell(periods[t].To.Year, target.Parent, r.Key)));
            }
        }
        return new DemoFinance(statuses.OrderBy(s => s.From).ToList(), unreported, FinanceTargets.BudgetFigures);
    }

    /// <summary>The rows of Appendix 6 whose units the generator draws from the registry.</summary>
    public enum Row
    {
        AdministrativeAgencies,
        UnderProvincialCommittee,
        UnderProvincialAgencies,
        UnderDistrictCommittees,
        ScienceTechnology,
    }

    /// <summary>Each row's pool of registry units, in registry order (see the class summary).</summary>
    public static IReadOnlyDictionary<Row, IReadOnlyList<DemoUnit>> Pools(DemoOrganisation registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var province = OrganisationDemo.ProvinceCode;
        bool IsDistrict(string? code) => code is not null && registry.Unit(code).Kind == UnitKind.DistrictLevel;
        bool IsCommune(string? code) => code is not null && registry.Unit(code).Kind == UnitKind.CommuneLevel;
        var administrative = registry.Units.Where(u => u.Kind switch
        {
            UnitKind.SpecialisedAgency or UnitKind.OtherProvincialAgency or UnitKind.SubDepartment or UnitKind.PartyOrMassOrganisation
                or UnitKind.DistrictDivision or UnitKind.DistrictOfficeOrInspectorate => true,
            UnitKind.PeoplesCouncil => u.ParentCode == province,
            UnitKind.PeoplesCommittee => IsCommune(u.ParentCode),
            _ => false,
        });
        var byColumn = registry.Units.Where(u => u.Kind == UnitKind.PublicServiceUnit).ToLookup(u => Column(registry, u));
        var partyUnits = byColumn[null].ToLookup(u => IsDistrict(registry.Unit(u.ParentCode!).ParentCode));
        return new Dictionary<Row, IReadOnlyList<DemoUnit>>
        {
            [Row.AdministrativeAgencies] = [.. administrative],
            [Row.UnderProvincialCommittee] = [.. byColumn[0]],
            [Row.UnderProvincialAgencies] = [.. byColumn[1], .. partyUnits[false]],
            [Row.UnderDistrictCommittees] = [.. byColumn[2], .. partyUnits[true]],
            [Row.ScienceTechnology] = [.. registry.Units.Where(u => u.Kind == UnitKind.PublicScienceTechnologyOrganisation)],
        };
    }

    /// <summary>
    /// A public service unit's place as Appendix 4 counts it: 0 under the provincial committee, 1 under a provincial agency
    /// (or its sub-departments, divisions), 2 under a district committee (or its divisions); null under a body of the Party or
    /// a mass organisation, which are not the People's Committees' organisations.
    /// </summary>
    private static int? Column(DemoOrganisation registry, DemoUnit unit)
    {
        var parent = registry.Unit(unit.ParentCode!);
        return parent.Kind switch
        {
            UnitKind.PeoplesCommittee => parent.ParentCode == OrganisationDemo.ProvinceCode ? 0 : 2,
            UnitKind.SpecialisedAgency or UnitKind.SubDepartment or UnitKind.AgencyDivision or UnitKind.OtherProvincialAgency => 1,
            UnitKind.DistrictDivision or UnitKind.DistrictOfficeOrInspectorate => 2,
            _ => null,
        };
    }

    private static IReadOnlyDictionary<AutonomyLevel, int> Single(int count) => new Dictionary<AutonomyLevel, int> { [AutonomyLevel.Unspecified] = count };

    private static IEnumerable<DemoAutonomyStatus> Group(DemoOrganisation registry, IReadOnlyList<DemoPeriod> periods, IReadOnlyList<DemoUnit> pool,
        Func<int, IReadOnlyDictionary<AutonomyLevel, int>> countsIn, AutonomyRegime regime, ParentKind parent)
    {
        var current = new Dictionary<string, AutonomyLevel>(StringComparer.Ordinal); // units in the regime, at their level
        var statuses = new List<DemoAutonomyStatus>();
        for (var t = 0; t < periods.Count; t++)
        {
            var end = periods[t].To;
            var january = new DateOnly(end.Year, 1, 1);
            var counts = countsIn(t);
            var levels = counts.Keys.OrderBy(l => l == AutonomyLevel.Unspecified ? -1 : Array.IndexOf(LevelOrder, l)).SelectMany(l => Enumerable.Repeat(l, counts[l])).ToList();
            var chosen = pool.Where(u => u.LiveOn(end)).Take(levels.Count).ToList();
            if (chosen.Count < levels.Count)
            {
                throw new InvalidOperationException($"{regime}/{parent}: {levels.Count} units in the regime on {end}, but the registry has {chosen.Count} to draw on.");
            }
            var assigned = chosen.Select((u, i) => (Unit: u, Level: levels[i])).ToDictionary(x => x.Unit.Code, x => x.Level, StringComparer.Ordinal);
            foreach (var unit in pool)
            {
                var inRegime = current.TryGetValue(unit.Code, out var was);
                if (assigned.TryGetValue(unit.Code, out var level))
                {
                    if (!inRegime || was != level)
                    {
                        var from = unit.From > january ? unit.From : january;
                        statuses.Add(new DemoAutonomyStatus(unit.Name, regime, level, parent, ParentName(registry, unit, parent), from));
                        current[unit.Code] = level;
                    }
                }
                else if (inRegime)
                {
                    // Left the regime: on its merger day when a merger ended it during the column, else on 1 January.
                    var from = unit.To is { } last && last < end ? last.AddDays(1) : january;
                    statuses.Add(new DemoAutonomyStatus(unit.Name, AutonomyRegime.None, AutonomyLevel.Unspecified, ParentKind.Unspecified, null, from));
                    current.Remove(unit.Code);
                }
            }
        }
        return statuses;
    }

    /// <summary>A public service unit's parent as the registry names it (the finance row says which budget funds it); none for the other regimes.</summary>
    private static string? ParentName(DemoOrganisation registry, DemoUnit unit, ParentKind parent) =>
        parent == ParentKind.Unspecified || unit.ParentCode is null ? null : registry.Unit(unit.ParentCode).Name;

    /// <summary>The count per level on <paramref name="day"/> of the generated statuses (for checks and tests).</summary>
    public static IReadOnlyDictionary<(AutonomyRegime Regime, ParentKind Parent, AutonomyLevel Level), int> CountOn(IEnumerable<DemoAutonomyStatus> statuses, DateOnly day) =>
        statuses.Where(s => s.From <= day).GroupBy(s => s.Unit, StringComparer.Ordinal)
            .Select(g => g.MaxBy(s => s.From)!)
            .Where(s => s.Regime != AutonomyRegime.None)
            .GroupBy(s => (s.Regime, s.Parent, s.Level))
            .ToDictionary(g => g.Key, g => g.Count());
}
