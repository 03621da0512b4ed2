using Cchc.Contracts.Events.Finance;

namespace Cchc.Finance.Api.Domain;

/// <summary>One dated autonomy status of a unit as recorded (in force from <see cref="EffectiveFrom"/> until the next one starts).</summary>
public sealed record StatusFact(
    AutonomyRegime Regime,
    AutonomyLevel Level,
    ParentKind ParentKind,
    string? ParentUnit,
    DateOnly EffectiveFrom,
    string? Decision,
    string SourceDocument)
{
    /// <summary>Same regime, level and parent kind: the unit's situation does not change.</summary>
    public bool SameSituation(StatusFact other) => Regime == other.Regime && Level == other.Level && ParentKind == other.ParentKind;
}

/// <summary>A unit's statuses, oldest first (each starts after the previous one), and the count of recorded changes.</summary>
public sealed record UnitState(string Unit, IReadOnlyList<StatusFact> Statuses, int Version)
{
    /// <summary>The last day of status <paramref name="index"/>: the day before the next one starts, null for the latest.</summary>
    public DateOnly? EffectiveTo(int index) => index + 1 < Statuses.Count ? Statuses[index + 1].EffectiveFrom.AddDays(-1) : null;

    /// <summary>The status in force on <paramref name="day"/>, if any (a NONE status counts as one: the unit left the regimes).</summary>
    public int? IndexOn(DateOnly day)
    {
        for (var i = Statuses.Count - 1; i >= 0; i--)
        {
            if (Statuses[i].EffectiveFrom <= day)
            {
                return i;
            }
        }
        return null;
    }
}

/// <summary>A validated status write: the unit and its new status.</summary>
public sealed record StatusCommand(string Unit, StatusFact Status);

/// <summary>A validated budget figure (amount in million VND).</summary>
public sealed record BudgetFigureFact(
    string FigureId,
    BudgetFigureKind Kind,
    int YearFrom,
    int YearTo,
    FundingSource FundingSource,
    string? Funder,
    decimal Amount,
    MeasureUnit MeasureUnit,
    string SourceDocument)
{
    /// <summary>The first field whose content differs from <paramref name="other"/>'s, or null.</summary>
    public string? FirstDifference(BudgetFigureFact other) =>
        Kind != other.Kind ? "kind"
        : YearFrom != other.YearFrom ? "year_from"
        : YearTo != other.YearTo ? "year_to"
        : FundingSource != other.FundingSource ? "funding_source"
        : Funder != other.Funder ? "funder"
        : Amount != other.Amount ? "amount"
        : MeasureUnit != other.MeasureUnit ? "measure_unit"
        : SourceDocument != other.SourceDocument ? "source_document"
        : null;
}

/// <summary>Keyset query over units with their status on a day.</summary>
public sealed record UnitQuery(int PageSize, DateOnly StatusOn, AutonomyRegime? Regime, AutonomyLevel? Level, ParentKind? ParentKind, string? After = null)
{
    public string Fingerprint => $"{StatusOn}|{Regime}|{Level}|{ParentKind}";
}

public sealed record BudgetQuery(int PageSize, BudgetFigureKind? Kind, int? YearFrom, int? YearTo, string? After = null)
{
    public string Fingerprint => $"{Kind}|{YearFrom}|{YearTo}";
}
