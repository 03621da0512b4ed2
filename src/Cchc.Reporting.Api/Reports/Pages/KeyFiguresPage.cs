using System.Globalization;
using System.Text;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Reports.Charts;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>
/// GET /reports/key-figures: the report's body for the periods picked — the trend charts (server-rendered SVG, each with
/// its numbers as a table beside it) and every reform area's key figures as tables, with the period picker.
/// </summary>
public static class KeyFiguresPage
{
    public const string Path = "/reports/key-figures";

    public static IEndpointRouteBuilder MapKeyFiguresPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Render).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> Render([FromQuery] string[]? periods, [FromQuery] string? toDate, [FromQuery] string? fromYear, [FromQuery] string? toYear,
        AppendixQuery query, ErrorQueues errorQueues, CancellationToken cancellationToken)
    {
        var chosen = PeriodPicker.Combine(periods, toDate, fromYear, toYear)?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        var (charts, reportPeriods, error) = await TrendCharts.ComputeAsync(query, chosen, cancellationToken);
        if (error is not null)
        {
            return HtmlPage.Error("Kỳ báo cáo không hợp lệ", error, StatusCodes.Status400BadRequest);
        }
        var body = new StringBuilder("<h1>Số liệu chính của báo cáo</h1><h2>Biểu đồ xu hướng và số liệu chính theo lĩnh vực cải cách hành chính</h2>")
            .Append(FailureNotice.Render(await errorQueues.GetAsync(cancellationToken)))
            .Append("<section class=\"charts\" aria-label=\"Biểu đồ xu hướng\">");
        foreach (var chart in charts)
        {
            body.Append(Figure(chart));
        }
        body.Append("</section>");
        foreach (var figures in query.KeyFigures)
        {
            if (await query.GetKeyFiguresAsync(figures.Area, chosen, cancellationToken) is AppendixQueryResult.Found { Report: var report })
            {
                body.Append(CultureInfo.InvariantCulture, $"<section class=\"key-figures\" id=\"{HtmlPage.Encode(figures.Area)}\"><h3>{HtmlPage.Encode(report.Title)}</h3>")
                    .Append(AppendixTable.Render(report)).Append("</section>");
            }
        }
        var asked = string.Join(',', reportPeriods.Select(p => p.Key));
        body.Append(HtmlPage.SignatureBlock)
            .Append(PeriodPicker.Render(Path, reportPeriods, "Chọn kỳ báo cáo khác"))
            .Append("<p class=\"hint noprint\">Dữ liệu JSON của từng lĩnh vực: ")
            .AppendJoin(" · ", query.KeyFigures.Select(k =>
                $"<a href=\"/api/reports/key-figures/{HtmlPage.Encode(k.Area)}?periods={HtmlPage.Encode(Uri.EscapeDataString(asked))}\">{HtmlPage.Encode(k.Area)}</a>"))
            .Append("</p>");
        return HtmlPage.Render("Số liệu chính và biểu đồ xu hướng", body.ToString());
    }

    /// <summary>A chart with its caption and its numbers as a table (the text alternative, also printed); "no data" instead of empty axes.</summary>
    public static string Figure(ChartModel chart)
    {
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\" id=\"{HtmlPage.Encode(chart.Id)}\">")
            .Append("<figcaption>").Append(HtmlPage.Encode(chart.Title)).Append("</figcaption>");
        if (chart.IsEmpty)
        {
            return html.Append("<p class=\"hint no-data\">Chưa có số liệu cho các kỳ đã chọn.</p></figure>").ToString();
        }
        html.Append(SvgChart.Render(chart))
            .Append("<table class=\"chart-data\"><caption>Số liệu của biểu đồ</caption><thead><tr><th scope=\"col\">Chỉ tiêu</th>");
        foreach (var category in chart.Categories)
        {
            html.Append("<th scope=\"col\">").Append(HtmlPage.Encode(category)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><span class=\"swatch\" style=\"background:{SvgChart.Palette[s % SvgChart.Palette.Count]}\"></span>")
                .Append(HtmlPage.Encode(series.Name)).Append("</th>");
            foreach (var value in series.Values)
            {
                html.Append("<td class=\"num\">").Append(value is { } v ? HtmlPage.Encode(VietnameseFormat.Cell(ReportValue.Of(v), chart.Percent ? ValueTypes.Percent : ValueTypes.Integer, chart.Percent ? 2 : null)) : string.Empty)
                    .Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></figure>").ToString();
    }
}
