using Cchc.Reporting.Api.Reports.Pages;

namespace Cchc.Reporting.Api.Rebuild;

/// <summary>The banner of the report pages while the read model is being rebuilt (docs/adr/0040): the figures are incomplete.</summary>
internal static class RebuildNotice
{
    public static string Render(RebuildNoticeDto? notice) => notice is null
        ? string.Empty
        : $"<p class=\"warning\" role=\"alert\"><strong>Đang dựng lại số liệu báo cáo…</strong> {HtmlPage.Encode(notice.Note)} "
            + "Các con số dưới đây sẽ đầy đủ khi việc dựng lại hoàn tất.</p>";
}
