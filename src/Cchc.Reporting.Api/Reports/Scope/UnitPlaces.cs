using Cchc.Contracts.Events.Organisation;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Reports.Scope;

/// <summary>
/// Where a fact's unit sits in the registry's tree on a period's last day (unit_period_facts, from the organisation
/// service's UnitsChanged): its code, name, administrative level and district. Facts name their unit by the registry's
/// code (staffing) or by its name (dossiers' receiving unit, e-government submissions, as the services accept them); a
/// name is matched against every name the unit ever had. A unit that no longer exists on the day is placed as it stood on
/// its last day, so every unit has exactly one place per period and the places partition the province.
/// </summary>
public sealed class UnitPlaces
{
    private readonly UnitStructure structure;
    private readonly Dictionary<string, string> codeByName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, DateOnly Day), UnitPlace?> cache = [];

    public UnitPlaces(UnitStructure structure, IEnumerable<UnitPeriodFact> periods)
    {
        this.structure = structure;
        // The latest period of a name wins when two units bore it at different times.
        foreach (var period in periods.OrderBy(p => p.FromDay))
        {
            codeByName[period.Name] = period.UnitCode;
        }
    }

    public static async Task<UnitPlaces> LoadAsync(ReportingDbContext db, CancellationToken cancellationToken)
    {
        var periods = await db.UnitPeriods.AsNoTracking().ToListAsync(cancellationToken);
        return new UnitPlaces(new UnitStructure(periods), periods);
    }

    public UnitStructure Structure => structure;

    /// <summary>The registry code of a unit named by code or by name; null when the registry does not know it.</summary>
    public string? CodeOf(string unit) =>
        structure.Latest(unit) is not null ? unit : codeByName.GetValueOrDefault(Cchc.Security.Caller.NormalizeUnit(unit));

    /// <summary>The unit's place on <paramref name="day"/> (or on its last day when it ended before); null when unknown.</summary>
    public UnitPlace? Of(string unit, DateOnly day)
    {
        if (cache.TryGetValue((unit, day), out var known))
        {
            return known;
        }
        UnitPlace? place = null;
        if (CodeOf(unit) is { } code && StateOn(code, day) is { } state)
        {
            var at = state.ToDay is { } end && end < day ? end : day;
            var ancestors = new List<string>();
            GovernmentLevel level = GovernmentLevel.Unspecified;
            string? district = null;
            var current = state;
            for (var depth = 0; current is not null && depth < 32; depth++)
            {
                ancestors.Add(current.UnitCode);
                switch ((UnitKind)current.Kind)
                {
                    case UnitKind.CommuneLevel when level == GovernmentLevel.Unspecified:
                        level = GovernmentLevel.Commune;
                        break;
                    case UnitKind.DistrictLevel:
                        level = level == GovernmentLevel.Unspecified ? GovernmentLevel.District : level;
                        district = current.UnitCode;
                        break;
                    case UnitKind.Province when level == GovernmentLevel.Unspecified:
                        level = GovernmentLevel.Province;
                        break;
                }
                current = current.ParentCode is { } parent ? StateOn(parent, at) : null;
            }
            place = new UnitPlace(code, state.Name, level, district, district is null ? null : StateOn(district, at)?.Name, ancestors);
        }
        cache[(unit, day)] = place;
        return place;
    }

    /// <summary>The unit's state on the day, or its last state when it ended before the day; null when it began after.</summary>
    private UnitPeriodFact? StateOn(string code, DateOnly day) =>
        structure.On(code, day) ?? (structure.Latest(code) is { } last && last.ToDay is { } end && end < day ? last : null);

    /// <summary>
    /// The root of a unit scope: the unit named, or — for a People's Committee or Council — the administrative unit it
    /// governs (the committee of a district stands for the district and its communes, as the token service's unit tree has it).
    /// </summary>
    public ReportScope.Unit? ScopeRoot(string unit, DateOnly day)
    {
        if (CodeOf(unit) is not { } code || StateOn(code, day) is not { } state)
        {
            return null;
        }
        if ((UnitKind)state.Kind is UnitKind.PeoplesCommittee or UnitKind.PeoplesCouncil && state.ParentCode is { } governed
            && StateOn(governed, day) is { } administrative)
        {
            state = administrative;
        }
        return new ReportScope.Unit(state.UnitCode, state.Name);
    }

    /// <summary>Whether the unit's facts belong to the scope on the day; an unknown unit belongs to the province only.</summary>
    public bool InScope(ReportScope scope, string unit, DateOnly day) => scope switch
    {
        ReportScope.WholeProvince => true,
        ReportScope.Level level => Of(unit, day)?.Level == level.Value,
        ReportScope.Unit root => Of(unit, day)?.Ancestors.Contains(root.Code, StringComparer.Ordinal) == true,
        _ => false,
    };
}

/// <summary>
/// A unit's place: its registry code and name, its administrative level, the district it lies in (null for the province's
/// own units and after the district level was abolished) and its ancestors from itself up to the province.
/// </summary>
public sealed record UnitPlace(string Code, string Name, GovernmentLevel Level, string? DistrictCode, string? DistrictName, IReadOnlyList<string> Ancestors);
