using System.Text;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>An appendix as the source prints it: STT, Nội dung, one column per period.</summary>
internal static class AppendixTable
{
    /// <summary>The footnote of a cell the source document left blank.</summary>
    public const string NotReportedNote =
        "Báo cáo nguồn không báo cáo số liệu ô này; số liệu hiển thị được tính từ dữ liệu đã ghi nhận và nhất quán với dòng tổng.";

    /// <summary>A submitted cell's provenance under its value: the unit, who and when; or "chưa báo cáo" and the unit that owes it.</summary>
    private static string Sources(IReadOnlyList<CellSource>? sources) => sources is null ? string.Empty : string.Concat(sources.Select(s =>
        "<br><small class=\"source\">" + HtmlPage.Encode(s.Status == CellSource.Missing
            ? $"chưa báo cáo: {s.Unit}"
            : $"{s.Unit}, {s.RecordedBy}, {(s.RecordedAt is { } at ? Contracts.VietnamCalendar.LocalDate(at).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)}") + "</small>"));

    public static string Render(AppendixReport report) => Render(report, CellMarks.None);

    /// <summary>The table with the cells of violated rules marked (class "violation", the rules as the title).</summary>
    /// <param name="cellLink">The drill-down page of a cell (Reports/Scope/DrillDownPages), or null for no link.</param>
    public static string Render(AppendixReport report, CellMarks marks, Func<RowDefinition, ReportPeriod, string?>? cellLink = null)
    {
        var html = new StringBuilder("<table><thead><tr><th>STT</th><th>Nội dung</th>");
        foreach (var period in report.Periods)
        {
            html.Append("<th>").Append(HtmlPage.Encode(period.Label)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        var anyNotReported = false;
        foreach (var row in report.Rows)
        {
            var definition = row.Definition;
            html.Append(definition.Heading ? "<tr class=\"heading\">" : "<tr>")
                .Append("<td class=\"stt\">").Append(HtmlPage.Encode(definition.Stt)).Append("</td>")
                .Append("<td>").Append(HtmlPage.Encode(definition.Label)).Append("</td>");
            var decimals = VietnameseFormat.RowDecimals(row, definition.ValueType);
            foreach (var period in report.Periods)
            {
                var value = row.Values?.GetValueOrDefault(period.Key);
                var violation = definition.Heading ? null : marks.For(definition.Indicator, period.Key);
                var classes = (value is ReportValue.Number ? "num" : string.Empty) + (violation is null ? string.Empty : " violation");
                var css = classes.Length == 0 ? string.Empty : $" class=\"{classes.Trim()}\""
                    + (violation is null ? string.Empty : $" title=\"{HtmlPage.Encode(violation)}\"");
                var notReported = row.NotReported?.Contains(period.Key) == true;
                anyNotReported |= notReported;
                var text = HtmlPage.Encode(VietnameseFormat.Cell(value, definition.ValueType, decimals));
                var link = definition.Heading || text.Length == 0 ? null : cellLink?.Invoke(definition, period);
                html.Append("<td").Append(css).Append('>')
                    .Append(link is null ? text : $"<a class=\"drill\" href=\"{HtmlPage.Encode(link)}\" title=\"Xem chi tiết theo đơn vị\">{text}</a>")
                    .Append(notReported ? $"<sup class=\"nr\" title=\"{HtmlPage.Encode(NotReportedNote)}\">(*)</sup>" : string.Empty)
                    .Append(Sources(row.Sources?.GetValueOrDefault(period.Key))).Append("</td>");
            }
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (anyNotReported)
        {
            html.Append("<p class=\"hint\">(*) ").Append(HtmlPage.Encode(NotReportedNote)).Append("</p>");
        }
        return html.ToString();
    }
}
