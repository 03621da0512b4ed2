using Cchc.Contracts.Events.Finance;
using Cchc.ServiceKit;

namespace Cchc.Finance.Api.Domain;

/// <summary>
/// How a unit's statuses change: a unit has one status at a time, so a new status must start after the latest one
/// (which it ends the day before) and change something; the same status again (same day, same content) changes nothing.
/// Statuses are never inserted before the latest one: a correction of the past is a new status from the corrected day.
/// </summary>
public static class AutonomyRules
{
    /// <summary>The unit after recording <paramref name="status"/>, or null when it is already recorded (idempotent).</summary>
    /// <param name="field">The request field of the status's start day, named in a refusal.</param>
    public static UnitState? Record(UnitState? current, string unit, StatusFact status, string field = "status.effective_from")
    {
        var statuses = current?.Statuses ?? [];
        var sameDay = statuses.FirstOrDefault(s => s.EffectiveFrom == status.EffectiveFrom);
        if (sameDay is not null)
        {
            return sameDay == status ? null : throw DomainException.Conflict(field, FinanceMessages.OtherStatusSameDay(status.EffectiveFrom));
        }
        var latest = statuses.Count == 0 ? null : statuses[^1];
        if (latest is not null && status.EffectiveFrom < latest.EffectiveFrom)
        {
            throw DomainException.Precondition(field, FinanceMessages.Overlap(latest.EffectiveFrom));
        }
        if (status.Regime == AutonomyRegime.None && (latest is null || latest.Regime == AutonomyRegime.None))
        {
            throw DomainException.Precondition(field.Replace("effective_from", "regime", StringComparison.Ordinal), FinanceMessages.NothingToEnd);
        }
        if (latest is not null && latest.SameSituation(status))
        {
            throw DomainException.Precondition(field, FinanceMessages.NoChange(latest.EffectiveFrom));
        }
        return new UnitState(unit, [.. statuses, status], (current?.Version ?? 0) + 1);
    }
}
