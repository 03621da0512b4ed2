namespace Cchc.Reporting.Api.Reports.Scope;

/// <summary>
/// The unit-level side of an indicator family: the same indicators as its <see cref="IIndicatorSource"/>, computed per
/// unit (the unit named in the facts) as additive measures, and the facts behind a cell, paged. A scoped report sums the
/// measures of the units in scope; the drill-down lists them; a test checks that their sum over every unit equals the
/// province's value. An indicator no breakdown computes cannot be split by unit: it reads "-" in a unit or level scope
/// (ADR 0037). A new breakdown is a new class implementing this (found by assembly scan, registered scoped).
/// </summary>
public interface IUnitBreakdown
{
    /// <summary>The indicator keys split by unit here.</summary>
    IReadOnlyCollection<string> Indicators { get; }

    /// <summary>
    /// Whether the indicator's cell is blank (nothing reported) rather than 0 when no unit of the scope has a fact behind it,
    /// as its indicator source leaves it blank (e-government flows nobody submitted). Rates are always blank then.
    /// </summary>
    bool BlankWithoutFacts(string indicator) => false;

    /// <summary>Per period, indicator and unit: the unit's measure (a count, or a rate's numerator and denominator).</summary>
    Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, UnitMeasures measures, CancellationToken cancellationToken);

    /// <summary>
    /// The facts behind <paramref name="indicator"/> in <paramref name="period"/> of the given units (by the name or code the
    /// facts carry), ordered by their id, the first <paramref name="pageSize"/> after <paramref name="after"/>.
    /// </summary>
    Task<IReadOnlyList<FactEntry>> FactsAsync(string indicator, ReportPeriod period, IReadOnlyCollection<string> units, string? after, int pageSize,
        CancellationToken cancellationToken);
}

/// <summary>
/// A unit's share of a cell: a count (<see cref="Denominator"/> null), or a rate's numerator and denominator (the cell is
/// Σ numerators / Σ denominators × 100 over the units in scope, so a scope's rate is never an average of rates).
/// </summary>
public readonly record struct UnitMeasure(decimal Value, decimal? Denominator = null)
{
    public UnitMeasure Add(UnitMeasure other) =>
        new(Value + other.Value, Denominator is null && other.Denominator is null ? null : (Denominator ?? 0) + (other.Denominator ?? 0));

    public ReportValue? ToValue() =>
        Denominator is { } d ? (IndicatorMath.Percentage(Value, d) is { } p ? ReportValue.Of(p) : null) : ReportValue.Of(Value);
}

/// <summary>One fact behind a cell: its kind ("hồ sơ", "đơn vị"…), id, unit, day and a few labelled details.</summary>
public sealed record FactEntry(string Kind, string Id, string Unit, DateOnly? Day, IReadOnlyDictionary<string, string?> Details);

/// <summary>Measures by (indicator, period key, unit as the facts name it).</summary>
public sealed class UnitMeasures
{
    private readonly Dictionary<(string Indicator, string Period), Dictionary<string, UnitMeasure>> _cells = [];

    public void Add(string indicator, string periodKey, string unit, UnitMeasure measure)
    {
        if (!_cells.TryGetValue((indicator, periodKey), out var units))
        {
            _cells[(indicator, periodKey)] = units = new Dictionary<string, UnitMeasure>(StringComparer.Ordinal);
        }
        units[unit] = units.TryGetValue(unit, out var known) ? known.Add(measure) : measure;
    }

    public void Add(string indicator, string periodKey, string unit, decimal value) => Add(indicator, periodKey, unit, new UnitMeasure(value));

    /// <summary>The units with a measure for the cell (empty when none).</summary>
    public IReadOnlyDictionary<string, UnitMeasure> Of(string indicator, string periodKey) =>
        _cells.GetValueOrDefault((indicator, periodKey)) ?? (IReadOnlyDictionary<string, UnitMeasure>)new Dictionary<string, UnitMeasure>();
}
