using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Organisation;

/// <summary>
/// The read model of the unit registry (unit_period_facts, from UnitsChanged): the structure on a day, and the
/// successor resolution every per-unit view uses. Implemented once here: a fact recorded for a unit stays attributed to
/// the unit as it was; <see cref="RollUp"/> follows the successors of merged or split units to the units that exist on
/// the chosen day.
/// </summary>
public sealed class UnitStructure
{
    private readonly Dictionary<string, List<UnitPeriodFact>> byUnit;

    public UnitStructure(IEnumerable<UnitPeriodFact> periods) =>
        byUnit = periods.GroupBy(p => p.UnitCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Sequence).ToList(), StringComparer.Ordinal);

    public static async Task<UnitStructure> LoadAsync(ReportingDbContext db, CancellationToken cancellationToken) =>
        new(await db.UnitPeriods.AsNoTracking().ToListAsync(cancellationToken));

    public int UnitCount => byUnit.Count;

    /// <summary>The unit's state on <paramref name="day"/>, if it existed.</summary>
    public UnitPeriodFact? On(string code, DateOnly day) =>
        byUnit.GetValueOrDefault(code)?.FirstOrDefault(p => p.FromDay <= day && (p.ToDay is null || p.ToDay >= day));

    /// <summary>Every unit live on <paramref name="day"/>, in its state that day.</summary>
    public IEnumerable<UnitPeriodFact> LiveOn(DateOnly day) =>
        byUnit.Values.Select(ps => ps.FirstOrDefault(p => p.FromDay <= day && (p.ToDay is null || p.ToDay >= day))).OfType<UnitPeriodFact>();

    /// <summary>The unit's state the last day it existed (or its latest state).</summary>
    public UnitPeriodFact? Latest(string code) => byUnit.GetValueOrDefault(code)?[^1];

    /// <summary>
    /// The units that carry <paramref name="code"/>'s facts on <paramref name="day"/>: the unit itself while it exists;
    /// after a merger its successor (followed through later mergers); after a split all its successors that exist that
    /// day (a consumer that needs one picks the first: the split's first new unit). Empty when the unit did not exist yet,
    /// or ended without a successor (dissolved, its level abolished): its facts then stay with it.
    /// </summary>
    public IReadOnlyList<string> RollUp(string code, DateOnly day)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string current, int depth)
        {
            if (depth > 32 || !seen.Add(current) || !byUnit.TryGetValue(current, out var periods))
            {
                return;
            }
            if (periods.Any(p => p.FromDay <= day && (p.ToDay is null || p.ToDay >= day)))
            {
                result.Add(current);
                return;
            }
            var last = periods[^1];
            if (last.ToDay is { } end && end < day)
            {
                foreach (var successor in last.SuccessorCodes)
                {
                    Walk(successor, depth + 1);
                }
            }
        }
        Walk(code, 0);
        return result;
    }

    /// <summary>
    /// Where a public service unit sits on <paramref name="day"/> for Appendix 4 section III: 0 = under the provincial
    /// committee, 1 = under a provincial agency (a sở or its sub-departments/divisions), 2 = under a district committee
    /// (or one of its divisions); null = elsewhere (a commune). Service units under service units take their parent's place.
    /// </summary>
    public int? ParentColumn(UnitPeriodFact unit, DateOnly day)
    {
        var parent = unit.ParentCode is { } p ? On(p, day) : null;
        for (var depth = 0; parent is not null && depth < 32; depth++)
        {
            switch ((UnitKind)parent.Kind)
            {
                case UnitKind.PeoplesCommittee:
                    var level = parent.ParentCode is { } a ? On(a, day) : null;
                    return (UnitKind?)level?.Kind switch
                    {
                        UnitKind.Province => 0,
                        UnitKind.DistrictLevel => 2,
                        _ => null,
                    };
                case UnitKind.SpecialisedAgency or UnitKind.SubDepartment or UnitKind.AgencyDivision or UnitKind.OtherProvincialAgency:
                    return 1;
                case UnitKind.DistrictDivision or UnitKind.DistrictOfficeOrInspectorate:
                    return 2;
                case UnitKind.PublicServiceUnit or UnitKind.PublicScienceTechnologyOrganisation:
                    parent = parent.ParentCode is { } g ? On(g, day) : null;
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>Whether the People's Committee <paramref name="committee"/> is that of a unit of <paramref name="level"/> on <paramref name="day"/>.</summary>
    public bool IsCommitteeOf(UnitPeriodFact committee, UnitKind level, DateOnly day) =>
        (UnitKind)committee.Kind == UnitKind.PeoplesCommittee && committee.ParentCode is { } p && (UnitKind?)On(p, day)?.Kind == level;
}
