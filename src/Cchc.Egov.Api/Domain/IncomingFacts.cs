using Cchc.Contracts;
using Cchc.Contracts.Events.Organisation;
using Cchc.Contracts.Events.Procedures;
using Cchc.ReferenceData;
using Cchc.ServiceKit;

namespace Cchc.Egov.Api.Domain;

/// <summary>
/// THE one place where the units and days of incoming facts (submissions, capability states, unary or imported) are
/// checked before anything is written, against the service's copy of the organisation registry
/// (docs/adr/0009-unit-reference-data.md): a day must not be in the future (Vietnam local day; INVALID_ARGUMENT), the
/// unit must have existed on the fact's day, and the unit's level (province, district, commune) is the registry's on
/// that day — a level the caller sends must agree with it (both FAILED_PRECONDITION, naming the unit and the day).
/// A unit's name says nothing here: "UBND huyện X" is a district's committee because the registry says so.
/// </summary>
public sealed class IncomingFacts(TimeProvider clock, IUnitReference units)
{
    public DateOnly Today => VietnamCalendar.Today(clock);

    /// <summary>
    /// Refuses (nothing written) unless every fact's day is past and its unit existed that day with the level it claims,
    /// if any; returns each fact's level as the registry gives it, in order. Existence is one query over the distinct
    /// (unit, day) pairs; the levels come from the units' and their parents' periods, loaded once.
    /// </summary>
    public async Task<IReadOnlyList<GovernmentLevel>> EnsureAsync(IReadOnlyList<UnitOnDay> facts, CancellationToken cancellationToken)
    {
        var today = Today;
        var future = facts.Where(f => f.Day > today).Select(f => new FieldViolation(f.DayField, EgovMessages.InFuture)).ToList();
        if (future.Count > 0)
        {
            throw DomainException.Invalid(future);
        }
        await units.EnsureAllExistedAsync(facts.Select(f => new UnitFact(f.Unit, f.Day, f.UnitField)).ToList(), cancellationToken);
        var lifetimes = await units.LoadWithAncestorsAsync(facts.Select(f => f.Unit).Distinct(StringComparer.Ordinal), cancellationToken);
        var levels = new GovernmentLevel[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            var level = LevelOf(lifetimes.AdministrativeLevelOn(fact.Unit, fact.Day))
                ?? throw DomainException.Precondition(fact.UnitField, EgovMessages.LevelUnknown(fact.Unit, fact.Day));
            if (fact.Level != GovernmentLevel.Unspecified && fact.Level != level)
            {
                throw DomainException.Precondition(fact.LevelField, EgovMessages.LevelDiffers(fact.Unit, fact.Day, level));
            }
            levels[i] = level;
        }
        return levels;
    }

    /// <summary>The level of government of an administrative unit's kind (null for any other kind).</summary>
    public static GovernmentLevel? LevelOf(UnitKind? administrative) => administrative switch
    {
        UnitKind.Province => GovernmentLevel.Province,
        UnitKind.DistrictLevel => GovernmentLevel.District,
        UnitKind.CommuneLevel => GovernmentLevel.Commune,
        _ => null,
    };
}
