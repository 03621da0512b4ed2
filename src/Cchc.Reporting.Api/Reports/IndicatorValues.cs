
namespace Cchc.Reporting.Api.Reports;

/// <summary>Computed values by (indicator, period key). A value never set reads as blank (null).</summary>
public sealed class IndicatorValues
{
    private readonly Dictionary<(string Indicator, string Period), ReportValue?> _values = [];

    public void Set(string indicator, string periodKey, ReportValue? value) => _values[(indicator, periodKey)] = value;

    public void Set(string indicator, string periodKey, long value) => Set(indicator, periodKey, ReportValue.Of(value));

    public void Set(string indicator, string periodKey, decimal value) => Set(indicator, periodKey, ReportValue.Of(value));

    public void Set(string indicator, string periodKey, decimal? value) =>
        Set(indicator, periodKey, value is { } v ? ReportValue.Of(v) : null);

    public ReportValue? Get(string indicator, string periodKey) =>
        _values.GetValueOrDefault((indicator, periodKey));

    private readonly HashSet<(string Indicator, string Period)> _notReported = [];

    /// <summary>
    /// Marks a cell the source document did not report: its value is still computed from facts (consistent with its
    /// total), and the report says the source left it blank.
    /// </summary>
    public void MarkNotReported(string indicator, string periodKey) => _notReported.Add((indicator, periodKey));

    public bool IsNotReported(string indicator, string periodKey) => _notReported.Contains((indicator, periodKey));

    private readonly Dictionary<(string Indicator, string Period), List<CellSource>> _sources = [];

    /// <summary>Names where a submitted cell comes from, or which unit owes it and has not reported.</summary>
    public void AddSource(string indicator, string periodKey, CellSource source)
    {
        if (!_sources.TryGetValue((indicator, periodKey), out var list))
        {
            _sources[(indicator, periodKey)] = list = [];
        }
        list.Add(source);
    }

    public IReadOnlyList<CellSource>? SourcesOf(string indicator, string periodKey) => _sources.GetValueOrDefault((indicator, periodKey));
}
