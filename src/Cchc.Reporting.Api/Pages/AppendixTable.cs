using System.Text;
using Cchc.Reporting.Api.Domain.Reports;

namespace Cchc.Reporting.Api.Pages;

/// <summary>An appendix as the source prints it: STT, Nội dung, one column per period.</summary>
internal static class AppendixTable
{
    public static string Render(AppendixReport report)
    {
        var html = new StringBuilder("<table><thead><tr><th>STT</th><th>Nội dung</th>");
        foreach (var period in report.Periods)
        {
            html.Append("<th>").Append(HtmlPage.Encode(period.Label)).Append("</th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var row in report.Rows)
        {
            var definition = row.Definition;
            html.Append(definition.Heading ? "<tr class=\"heading\">" : "<tr>")
                .Append("<td class=\"stt\">").Append(HtmlPage.Encode(definition.Stt)).Append("</td>")
                .Append("<td>").Append(HtmlPage.Encode(definition.Label)).Append("</td>");
            foreach (var period in report.Periods)
            {
                var value = row.Values?.GetValueOrDefault(period.Key);
                var css = value is ReportValue.Number ? " class=\"num\"" : string.Empty;
                html.Append("<td").Append(css).Append('>')
                    .Append(HtmlPage.Encode(VietnameseFormat.Cell(value, definition.ValueType))).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }
}
