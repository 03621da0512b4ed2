using Cchc.Contracts;
using Cchc.Contracts.Events.Procedures;
using Cchc.ServiceKit;

namespace Cchc.Egov.Api.Domain;

/// <summary>
/// THE one place where the units and days of incoming facts (submissions, capability states, unary or imported) are
/// checked before anything is written: a day must not be in the future (Vietnam local day), and a unit must be one of
/// its level (a district-level People's Committee for the district level, a commune-level one for the commune level,
/// anything else for the province level). When the organisation registry's local copy arrives (reference data), its
/// existence check — the unit existed on the fact's day — belongs here too; every write path already calls this.
/// </summary>
public sealed class IncomingFacts(TimeProvider clock)
{
    private static readonly string[] DistrictPrefixes = ["UBND huyện ", "UBND thành phố ", "UBND thị xã "];
    private static readonly string[] CommunePrefixes = ["UBND xã ", "UBND phường ", "UBND thị trấn "];

    public DateOnly Today => VietnamCalendar.Today(clock);

    /// <summary>Refuses (INVALID_ARGUMENT naming every field at fault, nothing written) unless every fact's unit and day are acceptable.</summary>
    public Task EnsureAsync(IReadOnlyList<UnitOnDay> facts, CancellationToken cancellationToken)
    {
        var today = Today;
        var violations = new List<FieldViolation>();
        foreach (var fact in facts)
        {
            if (fact.Day > today)
            {
                violations.Add(new FieldViolation(fact.DayField, EgovMessages.InFuture));
            }
            if (LevelOf(fact.Unit) != fact.Level)
            {
                violations.Add(new FieldViolation(fact.UnitField, EgovMessages.UnitNotOfLevel(fact.Level)));
            }
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        return Task.CompletedTask;
    }

    /// <summary>The level a unit's name says it is of (People's Committees of districts and communes are named by their kind).</summary>
    public static GovernmentLevel LevelOf(string unit) =>
        DistrictPrefixes.Any(p => unit.StartsWith(p, StringComparison.Ordinal)) ? GovernmentLevel.District
        : CommunePrefixes.Any(p => unit.StartsWith(p, StringComparison.Ordinal)) ? GovernmentLevel.Commune
        : GovernmentLevel.Province;
}
