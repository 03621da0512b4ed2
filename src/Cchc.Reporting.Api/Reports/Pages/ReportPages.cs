using Cchc.Reporting.Api.Consuming;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>Server-rendered pages for people: GET /reports (the appendices, a period form) and GET /reports/appendices/{no}.</summary>
public static class ReportPages
{

    public static IEndpointRouteBuilder MapReportPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/reports").ExcludeFromDescription();
        pages.MapGet("/", Index);
        pages.MapGet("/appendices/{no}", Appendix);
        return app;
    }

    public static async Task<IResult> Index(AppendixQuery query, ErrorQueues errorQueues, Rebuild.Rebuilds rebuilds, CancellationToken cancellationToken)
    {
        var body = new System.Text.StringBuilder("<h1>Báo cáo cải cách hành chính tỉnh Lai Châu</h1>")
            .Append("<h2>Các phụ lục tính từ dữ liệu của các sở, ngành</h2>")
            .Append(Rebuild.RebuildNotice.Render(await rebuilds.NoticeAsync(cancellationToken)))
            .Append(FailureNotice.Render(await errorQueues.GetAsync(cancellationToken)))
            .Append("<p><a href=\"").Append(KeyFiguresPage.Path).Append('?').Append(ExampleQuery)
            .Append("\">Số liệu chính của báo cáo và biểu đồ xu hướng</a> (tỷ lệ giải quyết đúng hẹn, thủ tục hành chính theo cấp, biên chế, văn bản điện tử)</p>")
            .Append("<ul class=\"appendices\">");
        foreach (var appendix in query.Appendices)
        {
            // Appendix 4 compares the structure on days; the others count over periods.
            var example = appendix.Number == 4 ? "asOf=2010-12-31&asOf=2019-12-31" : ExampleQuery;
            body.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"<li><a href=\"/reports/appendices/{appendix.Number}?{example}\">Phụ lục {appendix.Number}: {HtmlPage.Encode(appendix.Title)}</a></li>");
        }
        body.Append("</ul><h2>Kiểm tra và đối chiếu</h2><ul>")
            .Append("<li><a href=\"/reports/validation?").Append(ExampleQuery).Append("\">Kiểm tra tính nhất quán (các quy tắc kiểm tra và các vi phạm)</a></li>")
            .Append("<li><a href=\"/reports/completeness?").Append(ExampleQuery).Append("\">Tình hình gửi báo cáo của các đơn vị (đúng hạn, trễ hạn, chưa báo cáo)</a></li>")
            .Append("<li><a href=\"/reports/reconciliation\">Đối chiếu báo cáo đã công bố với số liệu tính toán</a></li>")
            .Append("<li><a href=\"/reports/export.xlsx?").Append(ExampleQuery).Append("\">Tải toàn bộ các phụ lục (Excel, mỗi phụ lục một trang tính)</a></li></ul>")
            .Append(PeriodPicker.Render("/reports/appendices/2", [], "Chọn kỳ báo cáo (Phụ lục 2; các phụ lục khác có cùng bộ chọn)"));
        return HtmlPage.Render("Báo cáo cải cách hành chính", body.ToString());
    }

    private const string ExampleQuery = "periods=2015&periods=2016&periods=2017&periods=2018&periods=2019&toDate=2020-03-31";

    public static async Task<IResult> Appendix(string no, [FromQuery] string[]? periods, [FromQuery] string[]? asOf, [FromQuery] string? toDate,
        [FromQuery] string? fromYear, [FromQuery] string? toYear, [FromQuery] string? scope, AppendixQuery query, ErrorQueues errorQueues,
        Validation.ReportChecks checks, Approvals.ReportApprovals approvals, Scope.ScopedReports scoped, Rebuild.Rebuilds rebuilds,
        CancellationToken cancellationToken)
    {
        // The form's field left blank means "no periods chosen" (the current year); the JSON API treats it as an error.
        var chosen = PeriodParser.PeriodsOrDays(PeriodPicker.Combine(periods, toDate, fromYear, toYear), asOf)?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        var (result, reportScope) = await scoped.GetAsync(query, no, chosen, scope, cancellationToken);
        switch (result)
        {
            case AppendixQueryResult.Found { Report: var report }:
                var asked = string.Join(',', report.Periods.Select(p => p.Key));
                // Rules hold inside a scope as in the province (Reports/Scope/ScopedReports.ValidateAsync).
                var (_, violations) = reportScope.IsProvince
                    ? await checks.ValidateAsync(report.Periods, cancellationToken)
                    : await scoped.ValidateAsync(report.Periods, reportScope, cancellationToken);
                var marks = new CellMarks(violations, report.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var query2 = $"periods={Uri.EscapeDataString(asked)}" + (reportScope.IsProvince ? string.Empty : $"&scope={Uri.EscapeDataString(reportScope.Key)}");
                var lastDay = report.Periods.Max(p => p.To);
                var scopePicker = Scope.DrillDownPages.ScopePicker(reportScope, await scoped.PlacesAsync(cancellationToken), lastDay);
                string? CellLink(RowDefinition row, ReportPeriod period) => Scope.DrillDownPages.CellLink(report.Number, row.Indicator, period.Key, reportScope);
                var body = $"<h1>Phụ lục {report.Number}</h1><h2>{HtmlPage.Encode(report.Title)}</h2>"
                    + (reportScope.IsProvince ? string.Empty : $"<p class=\"scope\">Phạm vi: <strong>{HtmlPage.Encode(reportScope.Label)}</strong> (\"-\": chỉ tiêu chung của tỉnh, không tách được theo đơn vị)</p>")
                    + Rebuild.RebuildNotice.Render(await rebuilds.NoticeAsync(cancellationToken))
                    + FailureNotice.Render(await errorQueues.GetAsync(cancellationToken))
                    + (marks.Count == 0 ? string.Empty
                        : $"<p class=\"warning noprint\" role=\"alert\">{marks.Count} ô vi phạm quy tắc kiểm tra (tô đỏ; di chuột lên ô để xem quy tắc). <a href=\"/reports/validation?{query2}\">Xem các vi phạm</a></p>")
                    + (report.Number == 4 ? ComparisonTable.Render(report, marks) : AppendixTable.Render(report, marks, CellLink))
                    + (reportScope.IsProvince
                        ? Approvals.ApprovalNotice.Render(await approvals.StatusAsync(report, cancellationToken), report.Periods.ToDictionary(p => p.Key, p => p.Label))
                        : string.Empty)
                    + HtmlPage.SignatureBlock
                    + PeriodPicker.Render($"/reports/appendices/{report.Number}", report.Periods, "Chọn kỳ báo cáo và phạm vi khác", scopePicker)
                    + $"<p class=\"hint noprint\"><a href=\"/api/reports/appendices/{report.Number}?{query2}\">Dữ liệu JSON</a> · "
                    + $"<a href=\"/api/reports/appendices/{report.Number}.csv?{query2}\">CSV</a> · "
                    + $"<a href=\"/reports/export.xlsx?{query2}\">Excel (các phụ lục)</a></p>";
                return HtmlPage.Render($"Phụ lục {report.Number} - {report.Title}", body);
            case AppendixQueryResult.UnknownAppendix unknown:
                return HtmlPage.Error("Không tìm thấy phụ lục", unknown.Message, StatusCodes.Status404NotFound);
            case AppendixQueryResult.InvalidScope invalid:
                return HtmlPage.Error("Phạm vi báo cáo không hợp lệ", invalid.Message, StatusCodes.Status400BadRequest);
            case AppendixQueryResult.InvalidPeriods invalid:
                return HtmlPage.Error("Kỳ báo cáo không hợp lệ", invalid.Message, StatusCodes.Status400BadRequest);
            default:
                throw new InvalidOperationException("Unexpected query result.");
        }
    }
}
