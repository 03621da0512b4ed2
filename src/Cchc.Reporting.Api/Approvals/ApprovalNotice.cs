using System.Text;
using System.Text.Json.Nodes;
using Cchc.Reporting.Api.Reports.Pages;

namespace Cchc.Reporting.Api.Approvals;

/// <summary>
/// On an appendix's page, under the table: for each approved period "Năm 2017: Đã phê duyệt ngày D bởi X (phiên bản N)" and,
/// when cells changed since, a table of the approved and the current value of each.
/// </summary>
internal static class ApprovalNotice
{
    public static string Render(IReadOnlyList<ApprovalStatusDto>? approvals, IReadOnlyDictionary<string, string> labels)
    {
        if (approvals is null)
        {
            return string.Empty;
        }
        var html = new StringBuilder("<section class=\"approvals\"><h3>Phê duyệt</h3>");
        foreach (var approval in approvals)
        {
            html.Append("<p class=\"approved\"><strong>").Append(HtmlPage.Encode(labels.GetValueOrDefault(approval.Period, approval.Period)))
                .Append(":</strong> ").Append(HtmlPage.Encode(approval.Note)).Append(". Mã băm nội dung (SHA-256): <code>")
                .Append(HtmlPage.Encode(approval.ContentHash)).Append("</code></p>");
            foreach (var c in approval.Corrections)
            {
                html.Append("<p class=\"correction\">Điều chỉnh sau phê duyệt: ").Append(HtmlPage.Encode(c.Service)).Append(", số liệu ngày ")
                    .Append(c.FactDay.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)).Append(", bởi ")
                    .Append(HtmlPage.Encode(c.CorrectedBy)).Append(". Lý do: ").Append(HtmlPage.Encode(c.Reason)).Append("</p>");
            }
            if (approval.Changes.Count == 0)
            {
                html.Append("<p class=\"hint\">Số liệu hiện tại trùng với số liệu đã phê duyệt.</p>");
                continue;
            }
            html.Append("<p>Các ô có số liệu hiện tại khác số liệu đã phê duyệt:</p><table><thead><tr><th>STT</th><th>Nội dung</th>")
                .Append("<th>Đã phê duyệt</th><th>Hiện tại</th></tr></thead><tbody>");
            foreach (var change in approval.Changes)
            {
                html.Append("<tr><td class=\"stt\">").Append(HtmlPage.Encode(change.Stt)).Append("</td><td>").Append(HtmlPage.Encode(change.Label))
                    .Append("</td><td class=\"num\">").Append(HtmlPage.Encode(Show(change.Approved))).Append("</td><td class=\"num\">")
                    .Append(HtmlPage.Encode(Show(change.Current))).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        return html.Append("</section>").ToString();
    }

    /// <summary>A cell as JSON shows it, for people: blank for null, text as is, numbers and lists as written.</summary>
    private static string Show(JsonNode? value) => value switch
    {
        null => "(trống)",
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };
}
