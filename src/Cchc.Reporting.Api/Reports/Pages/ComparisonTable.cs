using System.Text;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>
/// Appendix 4 as the comparison it is: one group of columns per day, section III's cells split into their three
/// sub-columns (under the provincial committee, under provincial agencies, under district committees), and a difference
/// column (the last day minus the first).
/// </summary>
internal static class ComparisonTable
{
    private static readonly string[] SubColumns = ["Thuộc UBND cấp tỉnh", "Thuộc CQ chuyên môn cấp tỉnh", "Thuộc UBND cấp huyện"];

    public static string Render(AppendixReport report, CellMarks marks)
    {
        var width = SubColumns.Length;
        var compare = report.Periods.Count >= 2;
        var html = new StringBuilder("<table class=\"compare\"><thead><tr><th rowspan=\"2\">STT</th><th rowspan=\"2\">Nội dung</th>");
        foreach (var period in report.Periods)
        {
            html.Append("<th colspan=\"").Append(width).Append("\">").Append(HtmlPage.Encode(period.Label)).Append("</th>");
        }
        if (compare)
        {
            html.Append("<th colspan=\"").Append(width).Append("\">Chênh lệch (").Append(HtmlPage.Encode(report.Periods[^1].Label)).Append(" so với ")
                .Append(HtmlPage.Encode(report.Periods[0].Label)).Append(")</th>");
        }
        html.Append("</tr><tr>");
        for (var i = 0; i < report.Periods.Count + (compare ? 1 : 0); i++)
        {
            foreach (var sub in SubColumns)
            {
                html.Append("<th class=\"sub\">").Append(HtmlPage.Encode(sub)).Append("</th>");
            }
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in report.Rows)
        {
            var definition = row.Definition;
            html.Append(definition.Heading ? "<tr class=\"heading\">" : "<tr>")
                .Append("<td class=\"stt\">").Append(HtmlPage.Encode(definition.Stt)).Append("</td><td>").Append(HtmlPage.Encode(definition.Label)).Append("</td>");
            var values = report.Periods.Select(p => row.Values?.GetValueOrDefault(p.Key)).ToList();
            for (var i = 0; i < report.Periods.Count; i++)
            {
                Cells(html, values[i], width, marks.For(definition.Indicator, report.Periods[i].Key));
            }
            if (compare)
            {
                Cells(html, Difference(values[0], values[^1]), width, null, signed: true);
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static void Cells(StringBuilder html, ReportValue? value, int width, string? violation, bool signed = false)
    {
        var css = violation is null ? "num" : "num violation";
        var title = violation is null ? string.Empty : $" title=\"{HtmlPage.Encode(violation)}\"";
        if (value is ReportValue.Parts parts)
        {
            for (var i = 0; i < width; i++)
            {
                html.Append("<td class=\"").Append(css).Append('"').Append(title).Append('>').Append(HtmlPage.Encode(Show(parts.Values.ElementAtOrDefault(i), signed))).Append("</td>");
            }
            return;
        }
        html.Append("<td colspan=\"").Append(width).Append("\" class=\"").Append(css).Append('"').Append(title).Append('>')
            .Append(HtmlPage.Encode(Show(value, signed))).Append("</td>");
    }

    private static string Show(ReportValue? value, bool signed) =>
        signed && value is ReportValue.Number { Value: > 0 } n ? "+" + VietnameseFormat.Number(n.Value) : VietnameseFormat.Cell(value, ValueTypes.Integer);

    /// <summary>last − first, part by part; blank where either is not a number.</summary>
    public static ReportValue? Difference(ReportValue? first, ReportValue? last) => (first, last) switch
    {
        (ReportValue.Number a, ReportValue.Number b) => ReportValue.Of(b.Value - a.Value),
        (ReportValue.Parts a, ReportValue.Parts b) when a.Values.Count == b.Values.Count =>
            ReportValue.Of(a.Values.Zip(b.Values, Difference).ToList()),
        _ => null,
    };
}
