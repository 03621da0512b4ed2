using Cchc.Contracts;
using Cchc.Contracts.Events.Finance;
using Cchc.ReferenceData;
using Cchc.ServiceKit;

namespace Cchc.Finance.Api.Domain;

/// <summary>
/// THE one place where the units and days of incoming facts are checked, for every write path (single writes and
/// imports), before anything is written: a day may not lie in the future (INVALID_ARGUMENT), and the unit a status is
/// about — and its parent, when the status names one — must have existed on the status's day in the service's copy of
/// the organisation registry (FAILED_PRECONDITION naming the unit and the day; docs/adr/0009-unit-reference-data.md).
/// Budget figures and unreported breakdown cells are province-wide: they name no unit, only years.
/// </summary>
public sealed class IncomingFactCheck(TimeProvider clock, IUnitReference units)
{
    public DateOnly Today => VietnamCalendar.Today(clock);

    /// <summary>
    /// The day a status is a fact of: the day it takes effect; for <see cref="AutonomyRegime.None"/> (leaving every regime:
    /// dissolution, merger) the day before, the last day under the previous status — a unit dissolved or merged on day D
    /// no longer exists on D, and the status saying it left its regime that day is still a fact of the unit as it was.
    /// </summary>
    public static DateOnly DayOf(StatusFact status) =>
        status.Regime == AutonomyRegime.None ? status.EffectiveFrom.AddDays(-1) : status.EffectiveFrom;

    /// <summary>
    /// Checks statuses, each with the prefix of its request fields ("status.", "records[3]."): every start day not in the
    /// future (refused all at once, INVALID_ARGUMENT naming each effective_from), then every unit and named parent on the
    /// status's <see cref="DayOf"/> in one query over the distinct (unit, day) pairs; the first record refused refuses the call.
    /// </summary>
    public async Task EnsureStatusesAsync(IReadOnlyList<(StatusCommand Command, string Prefix)> statuses, CancellationToken cancellationToken)
    {
        var today = Today;
        var violations = statuses.Where(s => s.Command.Status.EffectiveFrom > today)
            .Select(s => new FieldViolation(s.Prefix + "effective_from", FinanceMessages.InFuture)).ToList();
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        var facts = new List<UnitFact>(statuses.Count);
        foreach (var (command, prefix) in statuses)
        {
            var day = DayOf(command.Status);
            facts.Add(new UnitFact(command.Unit, day, prefix + "unit"));
            if (command.Status.ParentUnit is { } parent)
            {
                facts.Add(new UnitFact(parent, day, prefix + "parent_unit"));
            }
        }
        await units.EnsureAllExistedAsync(facts, cancellationToken);
    }

    /// <summary>The year of a province-wide fact (an unreported breakdown cell): not after the current year.</summary>
    public void EnsureYear(int year, string field)
    {
        if (year > Today.Year)
        {
            throw DomainException.Invalid(field, FinanceMessages.YearInFuture);
        }
    }

    /// <summary>Years of budget figures (province-wide facts, no unit): not after the current year.</summary>
    public void EnsureYears(int yearFrom, int yearTo, string prefix = "")
    {
        var year = Today.Year;
        var violations = new List<FieldViolation>();
        if (yearFrom > year)
        {
            violations.Add(new FieldViolation(prefix + "year_from", FinanceMessages.YearInFuture));
        }
        if (yearTo > year)
        {
            violations.Add(new FieldViolation(prefix + "year_to", FinanceMessages.YearInFuture));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
    }
}
