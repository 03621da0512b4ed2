using System.Globalization;
using System.Text;
using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Reports.Pages;
using Cchc.Security;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Reports.Scope;

/// <summary>
/// The drill-down pages: /reports/appendices/{no}/rows/{row}/units (the units behind a cell, each linking to its facts; a
/// submitted cell's provenance) and …/facts (the facts, for a caller whose token holds reporting.read — the browser sends
/// it as the JSON API's callers do). And the scope picker the appendix pages show beside the period picker.
/// </summary>
public static class DrillDownPages
{
    public static IEndpointRouteBuilder MapDrillDownPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/reports/appendices/{no}/rows/{row}").ExcludeFromDescription().AllowAnonymous();
        pages.MapGet("/units", Units);
        pages.MapGet("/facts", Facts);
        return app;
    }

    /// <summary>The link of a cell to its drill-down page.</summary>
    public static string CellLink(int appendix, string indicator, string period, ReportScope scope) =>
        $"/reports/appendices/{appendix}/rows/{Uri.EscapeDataString(indicator)}/units?period={Uri.EscapeDataString(period)}"
        + (scope.IsProvince ? string.Empty : $"&scope={Uri.EscapeDataString(scope.Key)}");

    public static async Task<IResult> Units(string no, string row, [FromQuery] string? period, [FromQuery] string? scope, [FromQuery] int? pageSize,
        [FromQuery] string? pageToken, DrillDown drillDown, CancellationToken cancellationToken)
    {
        var result = await drillDown.UnitsAsync(no, row, period, scope, pageSize, pageToken, cancellationToken);
        if (result.Value is not { } cell)
        {
            return ErrorPage(result.Error!);
        }
        var decimals = cell.Row.ValueType == ValueTypes.Percent ? 2 : 0;
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h1>Phụ lục {cell.Appendix.Number}: chi tiết ô số liệu</h1>")
            .Append(Summary(cell.Row, cell.Period, cell.Scope, cell.Value, decimals));
        if (!cell.Split)
        {
            body.Append(cell.Sources is { Count: > 0 } sources
                ? "<h2>Nguồn số liệu (do đơn vị báo cáo)</h2><table><thead><tr><th>Đơn vị</th><th>Tình trạng</th><th>Người nhập</th><th>Thời điểm</th></tr></thead><tbody>"
                    + string.Concat(sources.Select(s => $"<tr><td>{HtmlPage.Encode(s.Unit)}</td><td>{HtmlPage.Encode(s.Status)}</td><td>{HtmlPage.Encode(s.RecordedBy)}</td>"
                        + $"<td>{(s.RecordedAt is { } at ? HtmlPage.Encode(Contracts.VietnamCalendar.LocalDate(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)) : string.Empty)}</td></tr>"))
                    + "</tbody></table>"
                : "<p class=\"hint\">Chỉ tiêu này là số liệu chung của tỉnh (hoặc danh mục), không tách được theo đơn vị; trong phạm vi một cấp hoặc một đơn vị, ô hiển thị \"-\" (không áp dụng).</p>");
        }
        else
        {
            var rate = cell.Row.ValueType == ValueTypes.Percent;
            body.Append(CultureInfo.InvariantCulture, $"<h2>Các đơn vị ({cell.TotalUnits} đơn vị)</h2><table><thead><tr><th>Huyện</th><th>Đơn vị</th><th>Cấp</th>")
                .Append(rate ? "<th>Tử số</th><th>Mẫu số</th>" : string.Empty).Append("<th>Giá trị</th><th>Dữ liệu gốc</th></tr></thead><tbody>");
            foreach (var share in cell.Units)
            {
                var facts = FactsLink(cell.Appendix.Number, cell.Row.Indicator, cell.Period.Key, cell.Scope, share.Unit, null);
                body.Append("<tr><td>").Append(HtmlPage.Encode(share.Place?.DistrictName ?? "(cấp tỉnh)")).Append("</td><td>")
                    .Append(HtmlPage.Encode(share.Place?.Name ?? share.Unit)).Append("</td><td>")
                    .Append(HtmlPage.Encode(share.Place is { } p ? ReportScope.LevelLabel(p.Level) : "không rõ")).Append("</td>")
                    // The numerator and denominator are counts ("1.234"), without the rate's decimals and "%".
                    .Append(rate ? $"<td class=\"num\">{VietnameseFormat.Cell(ReportValue.Of(share.Measure.Value), ValueTypes.Integer)}</td><td class=\"num\">{VietnameseFormat.Cell(ReportValue.Of(share.Measure.Denominator ?? 0), ValueTypes.Integer)}</td>" : string.Empty)
                    .Append("<td class=\"num\">").Append(HtmlPage.Encode(VietnameseFormat.Cell(share.Measure.ToValue(), cell.Row.ValueType, decimals))).Append("</td>")
                    .Append("<td><a href=\"").Append(HtmlPage.Encode(facts)).Append("\">Xem dữ liệu gốc</a></td></tr>");
            }
            body.Append("</tbody></table>");
            if (cell.NextPageToken is { } next)
            {
                body.Append("<p><a href=\"").Append(HtmlPage.Encode(CellLink(cell.Appendix.Number, cell.Row.Indicator, cell.Period.Key, cell.Scope)
                    + $"&pageSize={cell.Units.Count}&pageToken={Uri.EscapeDataString(next)}")).Append("\">Trang sau</a></p>");
            }
        }
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"hint noprint\"><a href=\"/reports/appendices/{cell.Appendix.Number}?periods={Uri.EscapeDataString(cell.Period.Key)}")
            .Append(cell.Scope.IsProvince ? string.Empty : "&scope=" + Uri.EscapeDataString(cell.Scope.Key)).Append("\">Quay lại phụ lục</a></p>");
        return HtmlPage.Render($"Phụ lục {cell.Appendix.Number} - chi tiết", body.ToString());
    }

    public static async Task<IResult> Facts(string no, string row, [FromQuery] string? period, [FromQuery] string? scope, [FromQuery] string? unit,
        [FromQuery] int? pageSize, [FromQuery] string? pageToken, DrillDown drillDown, HttpContext http, CancellationToken cancellationToken)
    {
        if (Caller.From(http.User) is not { } caller || !caller.HasScope(SecurityScopes.ReportingRead))
        {
            return HtmlPage.Error("Cần quyền đọc dữ liệu gốc",
                "Dữ liệu gốc của báo cáo chỉ hiển thị cho ứng dụng có quyền reporting.read (gửi mã truy cập trong tiêu đề Authorization).",
                StatusCodes.Status401Unauthorized);
        }
        var result = await drillDown.FactsAsync(no, row, period, scope, unit, pageSize, pageToken, caller, cancellationToken);
        if (result.Value is not { } cell)
        {
            return ErrorPage(result.Error!);
        }
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h1>Phụ lục {cell.Appendix.Number}: dữ liệu gốc</h1>")
            .Append(Summary(cell.Row, cell.Period, cell.Scope, null, 0))
            .Append(cell.Unit is null ? string.Empty : $"<p>Đơn vị: <strong>{HtmlPage.Encode(cell.Unit)}</strong></p>")
            .Append("<table><thead><tr><th>Loại</th><th>Mã</th><th>Đơn vị</th><th>Ngày</th><th>Chi tiết</th></tr></thead><tbody>");
        foreach (var fact in cell.Facts)
        {
            body.Append("<tr class=\"fact\"><td>").Append(HtmlPage.Encode(fact.Kind)).Append("</td><td>").Append(HtmlPage.Encode(fact.Id)).Append("</td><td>")
                .Append(HtmlPage.Encode(fact.Unit)).Append("</td><td>")
                .Append(fact.Day is { } day ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : string.Empty).Append("</td><td>")
                .Append(HtmlPage.Encode(string.Join("; ", fact.Details.Where(d => d.Value is not null).Select(d => $"{d.Key}: {d.Value}")))).Append("</td></tr>");
        }
        body.Append("</tbody></table>");
        if (cell.Facts.Count == 0)
        {
            body.Append("<p class=\"hint\">Không có dữ liệu gốc trong phạm vi được xem.</p>");
        }
        if (cell.NextPageToken is { } next)
        {
            body.Append("<p><a href=\"").Append(HtmlPage.Encode(FactsLink(cell.Appendix.Number, cell.Row.Indicator, cell.Period.Key, cell.Scope, cell.Unit, next)
                + $"&pageSize={cell.Facts.Count}")).Append("\">Trang sau</a></p>");
        }
        body.Append("<p class=\"hint noprint\"><a href=\"").Append(HtmlPage.Encode(CellLink(cell.Appendix.Number, cell.Row.Indicator, cell.Period.Key, cell.Scope)))
            .Append("\">Quay lại các đơn vị</a></p>");
        return HtmlPage.Render($"Phụ lục {cell.Appendix.Number} - dữ liệu gốc", body.ToString());
    }

    /// <summary>
    /// The scope picker: the province, a level, or a district (its committee, divisions, service units and communes) as
    /// the registry has them on <paramref name="day"/>. A select named "scope", placed inside the period picker's form.
    /// </summary>
    public static string ScopePicker(ReportScope current, UnitPlaces places, DateOnly day)
    {
        var options = new List<(string Key, string Label)>
        {
            (ReportScope.Province.Key, ReportScope.Province.Label),
            ("level:province", "Các đơn vị cấp tỉnh (sở, ban, ngành)"),
            ("level:district", "Các đơn vị cấp huyện"),
            ("level:commune", "Các đơn vị cấp xã"),
        };
        options.AddRange(places.Structure.LiveOn(day).Where(u => (UnitKind)u.Kind == UnitKind.DistrictLevel).OrderBy(u => u.Name, StringComparer.Ordinal)
            .Select(u => ("unit:" + u.UnitCode, u.Name + " (báo cáo của huyện)")));
        if (current is ReportScope.Unit unit && options.All(o => o.Key != unit.Key))
        {
            options.Add((unit.Key, unit.Label));
        }
        var html = new StringBuilder("<p><label>Phạm vi báo cáo: <select name=\"scope\">");
        foreach (var (key, label) in options)
        {
            html.Append("<option value=\"").Append(HtmlPage.Encode(key)).Append('"').Append(key == current.Key ? " selected" : string.Empty).Append('>')
                .Append(HtmlPage.Encode(label)).Append("</option>");
        }
        return html.Append("</select></label></p>").ToString();
    }

    private static string FactsLink(int appendix, string indicator, string period, ReportScope scope, string? unit, string? pageToken) =>
        $"/reports/appendices/{appendix}/rows/{Uri.EscapeDataString(indicator)}/facts?period={Uri.EscapeDataString(period)}"
        + (scope.IsProvince ? string.Empty : $"&scope={Uri.EscapeDataString(scope.Key)}")
        + (unit is null ? string.Empty : $"&unit={Uri.EscapeDataString(unit)}")
        + (pageToken is null ? string.Empty : $"&pageToken={Uri.EscapeDataString(pageToken)}");

    private static string Summary(RowDefinition row, ReportPeriod period, ReportScope scope, ReportValue? value, int decimals) =>
        $"<dl class=\"cell\"><dt>Chỉ tiêu</dt><dd>{HtmlPage.Encode(row.Stt)} {HtmlPage.Encode(row.Label)}</dd>"
        + $"<dt>Kỳ báo cáo</dt><dd>{HtmlPage.Encode(period.Label)}</dd><dt>Phạm vi</dt><dd>{HtmlPage.Encode(scope.Label)}</dd>"
        + (value is null && row.ValueType is null ? string.Empty : $"<dt>Giá trị ô</dt><dd class=\"num\">{HtmlPage.Encode(VietnameseFormat.Cell(value, row.ValueType, decimals))}</dd>")
        + "</dl>";

    private static IResult ErrorPage(DrillDownError error) => HtmlPage.Error(
        error.NotFound ? "Không tìm thấy" : error.Forbidden ? "Không có quyền" : "Tham số không hợp lệ", error.Message,
        error.NotFound ? StatusCodes.Status404NotFound : error.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
}
