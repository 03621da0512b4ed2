namespace Cchc.Reporting.Api.Reports.Charts;

/// <summary>How a chart draws its series: grouped bars (counts) or lines over the periods (rates).</summary>
public enum ChartKind
{
    Bars,
    Lines,
}

/// <summary>One series of a chart: its name in the legend and one value per category (null = blank, nothing drawn).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>
/// A chart as data, before any SVG: <see cref="SvgChart"/> draws it. <see cref="Id"/> makes the title/description ids
/// unique on a page; <see cref="Percent"/> fixes the axis at 0–100 and prints values with "%"; every series has one value
/// per category (the report's periods, in order).
/// </summary>
public sealed record ChartModel(string Id, string Title, string Description, ChartKind Kind, bool Percent,
    IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>True when no series has a value: the page says so instead of drawing empty axes.</summary>
    public bool IsEmpty => Series.All(s => s.Values.All(v => v is null));
}
