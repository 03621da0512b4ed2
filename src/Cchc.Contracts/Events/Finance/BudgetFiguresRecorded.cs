namespace Cchc.Contracts.Events.Finance;

/// <summary>Budget figures were recorded or revised. Consumers upsert by <see cref="BudgetFigureState.FigureId"/> and keep the highest version.</summary>
public sealed record BudgetFiguresRecorded
{
    public required IReadOnlyList<BudgetFigureState> Figures { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record BudgetFigureState
{
    public required string FigureId { get; init; }
    public required int Version { get; init; }
    public required BudgetFigureKind Kind { get; init; }
    public required int YearFrom { get; init; }
    public required int YearTo { get; init; }
    public FundingSource FundingSource { get; init; }
    public string? Funder { get; init; }
    /// <summary>In <see cref="MeasureUnit"/> (million VND).</summary>
    public required decimal Amount { get; init; }
    public required MeasureUnit MeasureUnit { get; init; }
}
