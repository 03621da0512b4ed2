using Cchc.Reporting.Api.Domain.Reports;

namespace Cchc.Reporting.Api.Domain.Indicators;

/// <summary>Computed values by (indicator, period key). A value never set reads as blank (null).</summary>
public sealed class IndicatorValues
{
    private readonly Dictionary<(string Indicator, string Period), ReportValue?> _values = [];

    public void Set(string indicator, string periodKey, ReportValue? value) => _values[(indicator, periodKey)] = value;

    public void Set(string indicator, string periodKey, long value) => Set(indicator, periodKey, ReportValue.Of(value));

    public void Set(string indicator, string periodKey, decimal? value) =>
        Set(indicator, periodKey, value is { } v ? ReportValue.Of(v) : null);

    public ReportValue? Get(string indicator, string periodKey) =>
        _values.GetValueOrDefault((indicator, periodKey));
}
