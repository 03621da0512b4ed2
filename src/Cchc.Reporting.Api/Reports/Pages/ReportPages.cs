using Cchc.Reporting.Api.Consuming;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>Server-rendered pages for people: GET /reports (the appendices, a period form) and GET /reports/appendices/{no}.</summary>
public static class ReportPages
{
    private const string ExamplePeriods = "2015,2016,2017,2018,2019,2020-01-01..2020-03-31";

    public static IEndpointRouteBuilder MapReportPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/reports").ExcludeFromDescription();
        pages.MapGet("/", Index);
        pages.MapGet("/appendices/{no}", Appendix);
        return app;
    }

    public static async Task<IResult> Index(AppendixQuery query, ErrorQueues errorQueues, CancellationToken cancellationToken)
    {
        var body = new System.Text.StringBuilder("<h1>Báo cáo cải cách hành chính tỉnh Lai Châu</h1>")
            .Append("<h2>Các phụ lục tính từ dữ liệu của các sở, ngành</h2>")
            .Append(FailureNotice.Render(await errorQueues.GetAsync(cancellationToken)));
        foreach (var appendix in query.Appendices)
        {
            // Appendix 4 compares the structure on days; the others count over periods.
            var example = appendix.Number == 4 ? "2010-12-31,2019-12-31" : ExamplePeriods;
            body.Append(PeriodForm(appendix, example, $"Phụ lục {appendix.Number}: {appendix.Title}"));
        }
        body.Append($"<p><a href=\"/reports/completeness?periods={Uri.EscapeDataString(ExamplePeriods)}\">Tình hình gửi báo cáo của các đơn vị (đúng hạn, trễ hạn, chưa báo cáo)</a></p>");
        body.Append("<p class=\"hint\">Kỳ báo cáo: <code>YYYY</code> (cả năm) hoặc <code>YYYY-MM-DD..YYYY-MM-DD</code> ")
            .Append(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"(từ ngày..đến ngày, tính cả hai ngày), cách nhau bởi dấu phẩy; tối đa {PeriodParser.MaxPeriods} kỳ, các ngày từ {PeriodParser.EarliestDay:dd/MM/yyyy} đến {PeriodParser.LatestDay:dd/MM/yyyy}. "))
            .Append("Để trống: năm hiện tại.</p>");
        return HtmlPage.Render("Báo cáo cải cách hành chính", body.ToString());
    }

    public static async Task<IResult> Appendix(string no, [FromQuery] string[]? periods, [FromQuery] string[]? asOf, AppendixQuery query,
        ErrorQueues errorQueues, Approvals.ReportApprovals approvals, CancellationToken cancellationToken)
    {
        // The form's field left blank means "no periods chosen" (the current year); the JSON API treats it as an error.
        var chosen = PeriodParser.PeriodsOrDays(periods, asOf)?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        switch (await query.GetAsync(no, chosen, cancellationToken))
        {
            case AppendixQueryResult.Found { Report: var report }:
                var appendix = query.Appendices.First(a => a.Number == report.Number);
                var asked = string.Join(',', report.Periods.Select(p => p.Key));
                var body = $"<h1>Phụ lục {report.Number}</h1><h2>{HtmlPage.Encode(report.Title)}</h2>"
                    + FailureNotice.Render(await errorQueues.GetAsync(cancellationToken))
                    + AppendixTable.Render(report)
                    + Approvals.ApprovalNotice.Render(await approvals.StatusAsync(report, cancellationToken), report.Periods.ToDictionary(p => p.Key, p => p.Label))
                    + PeriodForm(appendix, asked, "Chọn kỳ báo cáo khác")
                    + $"<p class=\"hint\"><a href=\"/api/reports/appendices/{report.Number}?periods={Uri.EscapeDataString(asked)}\">Dữ liệu JSON</a></p>";
                return HtmlPage.Render($"Phụ lục {report.Number} - {report.Title}", body);
            case AppendixQueryResult.UnknownAppendix unknown:
                return HtmlPage.Error("Không tìm thấy phụ lục", unknown.Message, StatusCodes.Status404NotFound);
            case AppendixQueryResult.InvalidPeriods invalid:
                return HtmlPage.Error("Kỳ báo cáo không hợp lệ", invalid.Message, StatusCodes.Status400BadRequest);
            default:
                throw new InvalidOperationException("Unexpected query result.");
        }
    }

    private static string PeriodForm(IAppendix appendix, string periods, string caption) =>
        $"<form method=\"get\" action=\"/reports/appendices/{appendix.Number}\"><p><strong>{HtmlPage.Encode(caption)}</strong></p>"
        + $"<label>Kỳ báo cáo: <input type=\"text\" name=\"periods\" value=\"{HtmlPage.Encode(periods)}\"></label> "
        + "<button type=\"submit\">Xem</button></form>";
}
