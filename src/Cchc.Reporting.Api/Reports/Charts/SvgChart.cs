using System.Globalization;
using System.Xml.Linq;
using Cchc.Reporting.Api.Reports.Pages;

namespace Cchc.Reporting.Api.Reports.Charts;

/// <summary>
/// Draws a <see cref="ChartModel"/> as inline SVG (no script, no external resource): an image with its title and
/// description (role="img", aria-labelledby), a value axis with grid lines, one colour per series in the fixed
/// <see cref="Palette"/> (the same series position has the same colour in every chart), a legend, the categories under
/// the axis, and a tooltip (&lt;title&gt;) on every bar or point. Built as XML elements, so every text is escaped.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Okabe–Ito colours: told apart by readers with colour-vision deficiencies, and in greyscale print by order.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];

    public const int Width = 720;

    public const int Height = 320;

    private const double Left = 64, Right = 16, Top = 40, Bottom = 48;

    private static double PlotWidth => Width - Left - Right;

    private static double PlotHeight => Height - Top - Bottom;

    public static string Render(ChartModel chart) => Build(chart).ToString(SaveOptions.DisableFormatting);

    public static XElement Build(ChartModel chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        foreach (var series in chart.Series)
        {
            if (series.Values.Count != chart.Categories.Count)
            {
                throw new ArgumentException($"Series '{series.Name}' has {series.Values.Count} values for {chart.Categories.Count} categories.", nameof(chart));
            }
        }
        var titleId = chart.Id + "-title";
        var descId = chart.Id + "-desc";
        var (top, step) = Axis(chart);
        var svg = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("width", "100%"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{titleId} {descId}"),
            new XAttribute("class", "chart"),
            new XAttribute("font-family", "Times New Roman, Times, serif"),
            new XAttribute("font-size", "13"),
            new XElement(Svg + "title", new XAttribute("id", titleId), chart.Title),
            new XElement(Svg + "desc", new XAttribute("id", descId), chart.Description));

        // Grid and value axis.
        var grid = new XElement(Svg + "g", new XAttribute("class", "axis"), new XAttribute("aria-hidden", "true"));
        for (var tick = 0m; tick <= top; tick += step)
        {
            var y = Y(tick, top);
            grid.Add(new XElement(Svg + "line", Attr("x1", Left), Attr("x2", Width - Right), Attr("y1", y), Attr("y2", y),
                    new XAttribute("stroke", tick == 0 ? "#333" : "#ccc"), new XAttribute("stroke-width", "1")),
                new XElement(Svg + "text", Attr("x", Left - 6), Attr("y", y + 4), new XAttribute("text-anchor", "end"), Label(tick, chart.Percent)));
        }
        var slot = chart.Categories.Count == 0 ? PlotWidth : PlotWidth / chart.Categories.Count;
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            grid.Add(new XElement(Svg + "text", Attr("x", Left + slot * (c + 0.5)), Attr("y", Height - Bottom + 18),
                new XAttribute("text-anchor", "middle"), new XAttribute("class", "category"), chart.Categories[c]));
        }
        svg.Add(grid);

        // The series.
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var colour = Palette[s % Palette.Count];
            var group = new XElement(Svg + "g", new XAttribute("class", "series"), new XAttribute("data-series", series.Name), new XAttribute("fill", colour));
            if (chart.Kind == ChartKind.Bars)
            {
                var barWidth = slot * 0.8 / Math.Max(1, chart.Series.Count);
                for (var c = 0; c < chart.Categories.Count; c++)
                {
                    if (series.Values[c] is not { } value)
                    {
                        continue;
                    }
                    var y = Y(value, top);
                    group.Add(new XElement(Svg + "rect", new XAttribute("class", "bar"),
                        Attr("x", Left + slot * c + slot * 0.1 + barWidth * s), Attr("y", y), Attr("width", barWidth), Attr("height", Top + PlotHeight - y),
                        new XElement(Svg + "title", Tooltip(series.Name, chart.Categories[c], value, chart.Percent))));
                }
            }
            else
            {
                // A blank value breaks the line: one polyline per run of values.
                var run = new List<string>();
                for (var c = 0; c <= chart.Categories.Count; c++)
                {
                    if (c < chart.Categories.Count && series.Values[c] is { } value)
                    {
                        var x = Left + slot * (c + 0.5);
                        var y = Y(value, top);
                        run.Add(Number(x) + "," + Number(y));
                        group.Add(new XElement(Svg + "circle", new XAttribute("class", "point"), Attr("cx", x), Attr("cy", y), Attr("r", 4),
                            new XElement(Svg + "title", Tooltip(series.Name, chart.Categories[c], value, chart.Percent))));
                        continue;
                    }
                    if (run.Count > 1)
                    {
                        group.AddFirst(new XElement(Svg + "polyline", new XAttribute("class", "line"), new XAttribute("points", string.Join(' ', run)),
                            new XAttribute("fill", "none"), new XAttribute("stroke", colour), new XAttribute("stroke-width", "2.5")));
                    }
                    run.Clear();
                }
            }
            svg.Add(group);
        }

        // The legend, above the plot.
        var legend = new XElement(Svg + "g", new XAttribute("class", "legend"));
        var legendX = Left;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            legend.Add(new XElement(Svg + "rect", Attr("x", legendX), Attr("y", 12), Attr("width", 14), Attr("height", 14), new XAttribute("fill", Palette[s % Palette.Count])),
                new XElement(Svg + "text", Attr("x", legendX + 20), Attr("y", 24), chart.Series[s].Name));
            legendX += 34 + 7 * chart.Series[s].Name.Length;
        }
        svg.Add(legend);
        return svg;
    }

    /// <summary>The axis' top and step: 0–100 by 20 for percentages; otherwise a 1/2/5 × 10ⁿ step giving at most 6 lines.</summary>
    public static (decimal Top, decimal Step) Axis(ChartModel chart)
    {
        if (chart.Percent)
        {
            return (100m, 20m);
        }
        var max = chart.Series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0m).Max();
        if (max <= 0)
        {
            return (5m, 1m);
        }
        var raw = max / 5m;
        var magnitude = 1m;
        while (magnitude * 10 <= raw)
        {
            magnitude *= 10;
        }
        var step = new[] { 1m, 2m, 5m, 10m }.Select(f => f * magnitude).First(candidate => candidate >= raw);
        step = Math.Max(step, 1m);
        return (Math.Ceiling(max / step) * step, step);
    }

    private static double Y(decimal value, decimal top) =>
        Top + PlotHeight - (double)(Math.Clamp(value, 0m, top) / top) * PlotHeight;

    private static string Label(decimal value, bool percent) => VietnameseFormat.Number(value) + (percent ? "%" : string.Empty);

    private static string Tooltip(string series, string category, decimal value, bool percent) =>
        $"{series}, {category}: {VietnameseFormat.Number(percent ? Math.Round(value, 2) : value)}{(percent ? "%" : string.Empty)}";

    private static XAttribute Attr(string name, double value) => new(name, Number(value));

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
