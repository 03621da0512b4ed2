namespace Cchc.Reporting.Api.PublicFinance;

/// <summary>The latest version of a unit's autonomy statuses held (table autonomy_unit_facts).</summary>
public sealed class AutonomyUnitFact
{
    public required string Unit { get; set; }
    public int Version { get; set; }
}

/// <summary>One dated autonomy status of a unit (table autonomy_status_facts); enums as their contract numbers.</summary>
public sealed class AutonomyStatusFact
{
    public required string Unit { get; set; }
    public int Sequence { get; set; }
    public int Regime { get; set; }
    public int Level { get; set; }
    public int ParentKind { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
}

/// <summary>A breakdown cell of Appendix 6 its source did not report (table unreported_breakdown_facts).</summary>
public sealed class UnreportedBreakdownFact
{
    public int Year { get; set; }
    public int ParentKind { get; set; }
    public int Level { get; set; }
}

/// <summary>A budget figure's latest version (table budget_figure_facts), amount in million VND.</summary>
public sealed class BudgetFigureFact
{
    public required string FigureId { get; set; }
    public int Version { get; set; }
    public int Kind { get; set; }
    public int YearFrom { get; set; }
    public int YearTo { get; set; }
    public int FundingSource { get; set; }
    public decimal Amount { get; set; }
}
