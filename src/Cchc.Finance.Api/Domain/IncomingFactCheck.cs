using Cchc.Contracts;
using Cchc.ServiceKit;

namespace Cchc.Finance.Api.Domain;

/// <summary>
/// THE one place where the units and days of incoming facts are checked, for every write path (single writes and
/// imports): today a day may not lie in the future. The organisation registry's <c>EnsureExisted(unit, date, field)</c>
/// (the unit existed on that day) belongs here when it lands; nothing else in the write path needs to change.
/// </summary>
public sealed class IncomingFactCheck(TimeProvider clock)
{
    public DateOnly Today => VietnamCalendar.Today(clock);

    /// <summary>Checks each (unit, day, field) and refuses them all at once (INVALID_ARGUMENT naming every field).</summary>
    public ValueTask EnsureAsync(IEnumerable<(string Unit, DateOnly Day, string Field)> facts, CancellationToken cancellationToken)
    {
        var today = Today;
        var violations = facts.Where(f => f.Day > today).Select(f => new FieldViolation(f.Field, FinanceMessages.InFuture)).ToList();
        return violations.Count == 0 ? ValueTask.CompletedTask : throw DomainException.Invalid(violations);
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
