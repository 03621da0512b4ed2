using System.Globalization;
using System.Text;
using Cchc.Contracts;
using Cchc.Reporting.Api.Reports.Reconciliation;
using Cchc.Reporting.Api.Reports.Validation;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>
/// The pages of the checks: GET /reports/validation (the rules the computed report and the published report break) and
/// GET /reports/reconciliation (published against computed, side by side, differences highlighted).
/// </summary>
public static class CheckPages
{
    public static IEndpointRouteBuilder MapCheckPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/reports").ExcludeFromDescription();
        pages.MapGet("/validation", Validation);
        pages.MapGet("/reconciliation", Reconciliation);
        return app;
    }

    public static async Task<IResult> Validation([FromQuery] string[]? periods, ReportChecks checks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var chosen = periods?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        var parsed = PeriodParser.Parse(chosen is { Length: > 0 } ? chosen : null, VietnamCalendar.Today(clock));
        if (!parsed.IsValid)
        {
            return HtmlPage.Error("Kỳ báo cáo không hợp lệ", parsed.Error!, StatusCodes.Status400BadRequest);
        }
        var (_, violations) = await checks.ValidateAsync(parsed.Periods, cancellationToken);
        var asked = string.Join(',', parsed.Periods.Select(p => p.Key));
        var body = new StringBuilder("<h1>Kiểm tra tính nhất quán của báo cáo</h1>")
            .Append(CultureInfo.InvariantCulture, $"<h2>{checks.Rules.All.Count} quy tắc: tổng bằng tổng các thành phần, số đúng hạn ≤ đã giải quyết ≤ đã tiếp nhận, tỷ lệ trong 0–100%, tử số ≤ mẫu số, số liệu trùng nhau giữa các phụ lục, số liệu phần nội dung khớp với phụ lục</h2>")
            .Append(PeriodPicker.Render("/reports/validation", parsed.Periods, "Kỳ báo cáo"))
            .Append("<h2>Báo cáo tính từ dữ liệu</h2>")
            .Append(ViolationTable(violations, "Không có quy tắc nào bị vi phạm trong các kỳ đã chọn."));
        if (await checks.LatestPublishedAsync(cancellationToken) is { } published)
        {
            body.Append("<h2>Báo cáo đã công bố: ").Append(HtmlPage.Encode(published.Report.Title)).Append("</h2>")
                .Append("<p class=\"hint\">Các mâu thuẫn nội tại của các bảng đã công bố (mọi kỳ có trong báo cáo).</p>")
                .Append(ViolationTable(checks.Validate(published.Tables), "Không có mâu thuẫn."))
                .Append("<p><a href=\"/reports/reconciliation\">Đối chiếu với số liệu tính toán</a></p>");
        }
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"hint noprint\"><a href=\"/api/reports/validation?periods={Uri.EscapeDataString(asked)}\">Dữ liệu JSON</a></p>");
        return HtmlPage.Render("Kiểm tra tính nhất quán của báo cáo", body.ToString());
    }

    public static async Task<IResult> Reconciliation([FromQuery] string[]? periods, ReportChecks checks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (dto, cells, violations, error) = await ValidationApi.ReconcileAsync(periods, checks, clock, cancellationToken);
        if (error is not null || dto is null)
        {
            var problem = error?.ProblemDetails;
            return HtmlPage.Error(problem?.Title ?? "Lỗi", problem?.Detail ?? string.Empty, problem?.Status ?? StatusCodes.Status400BadRequest);
        }
        var body = new StringBuilder("<h1>Đối chiếu báo cáo đã công bố với số liệu tính toán</h1>")
            .Append("<h2>").Append(HtmlPage.Encode(dto.Title)).Append("</h2>")
            .Append(CultureInfo.InvariantCulture,
                $"<p>{dto.Summary.Cells} ô: {dto.Summary.Equal} khớp, <span class=\"diff\">{dto.Summary.Different} chênh lệch</span>, {dto.Summary.PublishedOnly} chỉ có trong báo cáo đã công bố, {dto.Summary.ComputedOnly} chỉ có trong số liệu tính toán, {dto.Summary.NotComputed} chưa tính từ dữ liệu.</p>")
            .Append("<h2>Mâu thuẫn nội tại của báo cáo đã công bố</h2>")
            .Append(ViolationTable(violations, "Không có mâu thuẫn."));
        foreach (var appendix in cells.GroupBy(c => c.Row.Table))
        {
            var columns = appendix.Select(c => c.Period).Distinct().ToList();
            body.Append("<h2>Phụ lục ").Append(HtmlPage.Encode(appendix.Key)).Append("</h2><table class=\"compare\"><thead><tr><th rowspan=\"2\">STT</th><th rowspan=\"2\">Nội dung</th>");
            foreach (var period in columns)
            {
                body.Append("<th colspan=\"3\">").Append(HtmlPage.Encode(period.Label)).Append("</th>");
            }
            body.Append("</tr><tr>");
            foreach (var _ in columns)
            {
                body.Append("<th>Công bố</th><th>Tính toán</th><th>Chênh lệch</th>");
            }
            body.Append("</tr></thead><tbody>");
            foreach (var row in appendix.GroupBy(c => (c.Row.Index, c.Part)))
            {
                var first = row.First();
                var label = first.Part is { } part ? $"{first.Row.Label} ({Appendix4Columns[part]})" : first.Row.Label;
                body.Append("<tr><td class=\"stt\">").Append(HtmlPage.Encode(first.Row.Stt)).Append("</td><td>").Append(HtmlPage.Encode(label)).Append("</td>");
                foreach (var period in columns)
                {
                    var cell = row.FirstOrDefault(c => c.Period == period);
                    if (cell is null)
                    {
                        body.Append("<td></td><td></td><td></td>");
                        continue;
                    }
                    var css = cell.Status == ReconciledStatus.Equal ? "num" : cell.Status == ReconciledStatus.NotComputed ? "num nc" : "num diff";
                    body.Append("<td class=\"num\">").Append(HtmlPage.Encode(VietnameseFormat.Cell(cell.Published, first.Row.ValueType))).Append("</td>")
                        .Append("<td class=\"").Append(css).Append("\">").Append(HtmlPage.Encode(VietnameseFormat.Cell(cell.Computed, first.Row.ValueType))).Append("</td>")
                        .Append("<td class=\"").Append(css).Append("\">")
                        .Append(cell.Difference is { } d && d != 0 ? HtmlPage.Encode((d > 0 ? "+" : string.Empty) + VietnameseFormat.Number(d)) : string.Empty)
                        .Append(cell.Status == ReconciledStatus.NotComputed ? "chưa tính" : string.Empty).Append("</td>");
                }
                body.Append("</tr>");
            }
            body.Append("</tbody></table>");
        }
        body.Append("<p class=\"hint noprint\"><a href=\"/api/reports/reconciliation\">Dữ liệu JSON</a></p>");
        return HtmlPage.Render("Đối chiếu báo cáo đã công bố", body.ToString());
    }

    private static readonly string[] Appendix4Columns = ["thuộc UBND cấp tỉnh", "thuộc CQ chuyên môn cấp tỉnh", "thuộc UBND cấp huyện"];

    /// <summary>A list of violations: rule, period, left side, operator, right side, the cells read.</summary>
    public static string ViolationTable(IReadOnlyList<Violation> violations, string none)
    {
        if (violations.Count == 0)
        {
            return $"<p class=\"ok\">{HtmlPage.Encode(none)}</p>";
        }
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p class=\"warning\" role=\"alert\">{violations.Count} vi phạm.</p>")
            .Append("<table class=\"violations\"><thead><tr><th>Quy tắc</th><th>Kỳ</th><th>Vế trái</th><th></th><th>Vế phải</th><th>Các ô liên quan</th></tr></thead><tbody>");
        foreach (var v in violations)
        {
            var right = v.Rule.Operator == RuleOperator.Between
                ? $"[{VietnameseFormat.Number(v.Right.Value ?? 0)}; {VietnameseFormat.Number(v.Rule.Upper ?? 0)}]"
                : Show(v.Right.Value);
            html.Append("<tr class=\"violation\"><td>").Append(HtmlPage.Encode(v.Rule.Description)).Append("<br><code>").Append(HtmlPage.Encode(v.Rule.Id)).Append("</code></td>")
                .Append("<td>").Append(HtmlPage.Encode(v.Period?.Label ?? "Cả báo cáo")).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlPage.Encode(Show(v.Left.Value))).Append("</td>")
                .Append("<td>").Append(HtmlPage.Encode(v.Rule.OperatorSymbol)).Append("</td>")
                .Append("<td class=\"num\">").Append(HtmlPage.Encode(right)).Append("</td><td><ul>");
            foreach (var cell in v.Cells)
            {
                var where = cell.Place.Stt.Length > 0 ? $"{cell.Place.Table}, dòng {cell.Place.Stt}" : cell.Place.Table;
                var part = cell.Cell.Part is { } p && cell.Cell.Table == "4" ? $" ({Appendix4Columns[p]})" : string.Empty;
                var period = cell.Period is { } at && cell.Cell.Table != CellRef.BodyTable ? $", {at.Label}" : string.Empty;
                html.Append("<li>").Append(HtmlPage.Encode($"{where}: {cell.Place.Label}{part}{period} = {Show(cell.Number)}")).Append("</li>");
            }
            html.Append("</ul></td></tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string Show(decimal? value) => value is { } v ? VietnameseFormat.Number(v) : "(trống)";
}
