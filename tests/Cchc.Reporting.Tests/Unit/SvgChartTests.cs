using System.Globalization;
using System.Xml.Linq;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Charts;
using Cchc.Reporting.Api.Reports.Pages;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>The SVG trend charts: a typed model drawn as accessible, escaped SVG, and the charts' series taken from appendix rows.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ChartModel Bars(params decimal?[] values) => new("chart-t", "Tiêu đề", "Mô tả", ChartKind.Bars, Percent: false,
        values.Select((_, i) => $"Năm {2015 + i}").ToList(), [new ChartSeries("Cấp tỉnh", values)]);

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void AChart_IsAnImageNamedByItsTitleAndDescription()
    {
        var svg = XElement.Parse(SvgChart.Render(Bars(1, 2)));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", svg.Attribute("role")!.Value);
        var ids = svg.Attribute("aria-labelledby")!.Value.Split(' ');
        Assert.Equal("Tiêu đề", svg.Elements(Svg + "title").Single(e => e.Attribute("id")!.Value == ids[0]).Value);
        Assert.Equal("Mô tả", svg.Elements(Svg + "desc").Single(e => e.Attribute("id")!.Value == ids[1]).Value);
    }

    [Fact]
    public void Bars_AreOnePerValue_WithHeightsInProportion_AndBlankValuesDrawNothing()
    {
        var svg = XElement.Parse(SvgChart.Render(Bars(100, null, 50, 0)));

        var bars = svg.Descendants(Svg + "rect").Where(r => r.Attribute("class")?.Value == "bar").ToList();
        Assert.Equal(3, bars.Count);
        Assert.Equal(Number(bars[0], "height") / 2, Number(bars[1], "height"), 1);
        Assert.Equal(0, Number(bars[2], "height"));
        // Same baseline: y + height equal for every bar.
        Assert.Single(bars.Select(b => Math.Round(Number(b, "y") + Number(b, "height"), 1)).Distinct());
        Assert.Equal(["Cấp tỉnh, Năm 2015: 100", "Cấp tỉnh, Năm 2017: 50", "Cấp tỉnh, Năm 2018: 0"], bars.Select(b => b.Element(Svg + "title")!.Value));
    }

    [Fact]
    public void Text_IsEscaped()
    {
        var chart = new ChartModel("chart-x", "<script>alert(1)</script> & co", "\"quoted\" <b>", ChartKind.Bars, false,
            ["Năm <2015>"], [new ChartSeries("A & <B>", [1m])]);

        var text = SvgChart.Render(chart);

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", text, StringComparison.Ordinal);
        var svg = XElement.Parse(text);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "A & <B>");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Năm <2015>");
    }

    [Fact]
    public void Lines_BreakAtABlankValue_AndMarkEveryValue()
    {
        var chart = new ChartModel("chart-l", "t", "d", ChartKind.Lines, Percent: true, ["a", "b", "c", "d", "e"],
            [new ChartSeries("Cấp xã", [90m, null, 95.5m, 99m, null])]);

        var svg = XElement.Parse(SvgChart.Render(chart));

        Assert.Equal(3, svg.Descendants(Svg + "circle").Count());
        var line = Assert.Single(svg.Descendants(Svg + "polyline"));
        Assert.Equal(2, line.Attribute("points")!.Value.Split(' ').Length);
        Assert.Contains(svg.Descendants(Svg + "circle"), c => c.Element(Svg + "title")!.Value == "Cấp xã, c: 95,5%");
    }

    [Fact]
    public void PercentAxis_Is0To100_WithPercentLabels()
    {
        var chart = new ChartModel("chart-p", "t", "d", ChartKind.Lines, Percent: true, ["a"], [new ChartSeries("s", [42m])]);

        var labels = XElement.Parse(SvgChart.Render(chart)).Descendants(Svg + "g").First(g => g.Attribute("class")?.Value == "axis")
            .Elements(Svg + "text").Where(t => t.Attribute("class") is null).Select(t => t.Value);

        Assert.Equal(["0%", "20%", "40%", "60%", "80%", "100%"], labels);
    }

    [Theory]
    [InlineData(1477, 1500, 500)]
    [InlineData(100, 100, 20)]
    [InlineData(3, 3, 1)]
    [InlineData(0, 5, 1)]
    [InlineData(120000, 150000, 50000)]
    public void CountAxis_EndsAtANiceStepAboveTheLargestValue(int max, int top, int step)
    {
        var (axisTop, axisStep) = SvgChart.Axis(Bars(max, max / 2));

        Assert.Equal(top, axisTop);
        Assert.Equal(step, axisStep);
    }

    [Fact]
    public void EverySeries_HasItsPaletteColour_InTheBarsAndTheLegend()
    {
        var chart = new ChartModel("chart-c", "t", "d", ChartKind.Bars, false, ["a"],
            [new ChartSeries("một", [1m]), new ChartSeries("hai", [2m]), new ChartSeries("ba", [3m])]);

        var svg = XElement.Parse(SvgChart.Render(chart));

        var fills = svg.Elements(Svg + "g").Where(g => g.Attribute("class")?.Value == "series").Select(g => g.Attribute("fill")!.Value);
        Assert.Equal(SvgChart.Palette.Take(3), fills);
        var legend = svg.Elements(Svg + "g").Single(g => g.Attribute("class")?.Value == "legend").Elements(Svg + "rect").Select(r => r.Attribute("fill")!.Value);
        Assert.Equal(SvgChart.Palette.Take(3), legend);
    }

    [Fact]
    public void ASeries_WithTheWrongNumberOfValues_IsRefused()
    {
        var chart = new ChartModel("chart-w", "t", "d", ChartKind.Bars, false, ["a", "b"], [new ChartSeries("s", [1m])]);

        Assert.Throws<ArgumentException>(() => SvgChart.Render(chart));
    }

    [Fact]
    public void TheOnTimeChart_TakesItsSeriesFromAppendix3Rows_PeriodByPeriod()
    {
        var periods = new[] { ReportPeriod.Year(2018), ReportPeriod.Year(2019) };
        ReportRow Row(string indicator, ReportValue? first, ReportValue? second) => new(
            RowDefinition.Value("-", indicator, ValueTypes.Percent, indicator),
            new Dictionary<string, ReportValue?> { ["2018"] = first, ["2019"] = second });
        var report = new AppendixReport(3, "Phụ lục 3", periods,
        [
            Row(DossierTimelinessIndicators.Province, ReportValue.Of(99.5m), ReportValue.Of(100m)),
            Row(DossierTimelinessIndicators.District, null, ReportValue.Of(97.25m)),
            Row(DossierTimelinessIndicators.Commune, ReportValue.NotApplicable, ReportValue.Of(88m)),
        ]);

        var model = TrendCharts.ToModel(TrendCharts.All.Single(c => c.Id == "on-time"), report);

        Assert.Equal(["Năm 2018", "Năm 2019"], model.Categories);
        Assert.Equal(["Cấp tỉnh", "Cấp huyện", "Cấp xã"], model.Series.Select(s => s.Name));
        Assert.Equal([99.5m, 100m], model.Series[0].Values);
        Assert.Equal([null, 97.25m], model.Series[1].Values);
        Assert.Equal([null, 88m], model.Series[2].Values);
        Assert.True(model.Percent);
    }

    [Fact]
    public void AFigure_HasItsNumbersAsATable_OrSaysThereAreNone()
    {
        var chart = new ChartModel("chart-f", "Tỷ lệ", "d", ChartKind.Lines, true, ["Năm 2019"], [new ChartSeries("Cấp tỉnh", [99.5m])]);

        var figure = KeyFiguresPage.Figure(chart);
        var empty = KeyFiguresPage.Figure(chart with { Series = [new ChartSeries("Cấp tỉnh", [null])] });

        Assert.Contains("<svg", figure, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">99,50%</td>", figure, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", empty, StringComparison.Ordinal);
        Assert.Contains("Chưa có số liệu", empty, StringComparison.Ordinal);
    }
}
