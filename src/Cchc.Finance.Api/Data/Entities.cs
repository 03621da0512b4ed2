using Cchc.Contracts.Events.Finance;
using Cchc.Finance.Api.Domain;

namespace Cchc.Finance.Api.Data;

/// <summary>A unit with autonomy statuses (table autonomy_units); <see cref="Version"/> counts its recorded statuses.</summary>
public sealed class AutonomyUnitEntity
{
    public required string Unit { get; set; }
    /// <summary>Concurrency token: bumped by every recorded status.</summary>
    public int Version { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public List<AutonomyStatusEntity> Statuses { get; set; } = [];

    public UnitState ToState() => new(Unit, Statuses.OrderBy(s => s.Sequence).Select(s => s.ToFact()).ToList(), Version);

    /// <summary>Brings the stored statuses up to <paramref name="state"/> (statuses are only ever appended).</summary>
    public void Apply(UnitState state, DateTimeOffset now)
    {
        for (var i = Statuses.Count; i < state.Statuses.Count; i++)
        {
            var s = state.Statuses[i];
            Statuses.Add(new AutonomyStatusEntity
            {
                Unit = Unit, Sequence = i + 1, Regime = s.Regime, Level = s.Level, ParentKind = s.ParentKind, ParentUnit = s.ParentUnit,
                EffectiveFrom = s.EffectiveFrom, Decision = s.Decision, SourceDocument = s.SourceDocument, RecordedAt = now,
            });
        }
        // The previous latest status ends the day before the new one starts (kept in a column for filtering by day).
        for (var i = 0; i < Statuses.Count; i++)
        {
            Statuses[i].EffectiveTo = state.EffectiveTo(i);
        }
        Version = state.Version;
        RecordedAt = now;
    }
}

/// <summary>One dated status of a unit (table autonomy_statuses), numbered from 1 in day order.</summary>
public sealed class AutonomyStatusEntity
{
    public required string Unit { get; set; }
    public int Sequence { get; set; }
    public AutonomyRegime Regime { get; set; }
    public AutonomyLevel Level { get; set; }
    public ParentKind ParentKind { get; set; }
    public string? ParentUnit { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>Derived: the day before the next status starts; null while current.</summary>
    public DateOnly? EffectiveTo { get; set; }
    public string? Decision { get; set; }
    public required string SourceDocument { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public StatusFact ToFact() => new(Regime, Level, ParentKind, ParentUnit, EffectiveFrom, Decision, SourceDocument);
}

/// <summary>A breakdown cell of Appendix 6 the source did not report (table unreported_breakdowns).</summary>
public sealed class UnreportedBreakdownEntity
{
    public int Year { get; set; }
    public ParentKind ParentKind { get; set; }
    public AutonomyLevel Level { get; set; }
    public required string SourceDocument { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A budget figure (table budget_figures), amount in million VND.</summary>
public sealed class BudgetFigureEntity
{
    public required string FigureId { get; set; }
    public BudgetFigureKind Kind { get; set; }
    public int YearFrom { get; set; }
    public int YearTo { get; set; }
    public FundingSource FundingSource { get; set; }
    public string? Funder { get; set; }
    public decimal Amount { get; set; }
    public MeasureUnit MeasureUnit { get; set; }
    public required string SourceDocument { get; set; }
    public int Version { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public BudgetFigureFact ToFact() => new(FigureId, Kind, YearFrom, YearTo, FundingSource, Funder, Amount, MeasureUnit, SourceDocument);

    public void Apply(BudgetFigureFact f, int version, DateTimeOffset now) =>
        (Kind, YearFrom, YearTo, FundingSource, Funder, Amount, MeasureUnit, SourceDocument, Version, RecordedAt) =
        (f.Kind, f.YearFrom, f.YearTo, f.FundingSource, f.Funder, f.Amount, f.MeasureUnit, f.SourceDocument, version, now);
}
