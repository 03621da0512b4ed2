using System.Globalization;
using Cchc.Contracts;
using Cchc.Reporting.Api.Consuming;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>
/// The warning every report page carries while events the consumers could not apply wait in error queues (or failed and
/// are no longer there): how many, and since when, so a reader knows the figures may lack them. Nothing about the cause:
/// that is in the logs and in <c>/api/reports/status</c> for operators.
/// </summary>
internal static class FailureNotice
{
    public static string Render(ErrorQueueSnapshot snapshot)
    {
        if (!snapshot.HasFailures)
        {
            return string.Empty;
        }
        var since = snapshot.Since is { } at
            ? string.Create(CultureInfo.InvariantCulture, $" từ {at.ToOffset(VietnamCalendar.Offset):HH:mm dd/MM/yyyy}")
            : string.Empty;
        var waiting = snapshot.Waiting > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{VietnameseFormat.Number(snapshot.Waiting)} sự kiện từ các hệ thống nguồn đang chờ trong hàng đợi lỗi{since}, chưa được đưa vào báo cáo")
            : string.Create(CultureInfo.InvariantCulture, $"{VietnameseFormat.Number(snapshot.UnresolvedFailures)} sự kiện từ các hệ thống nguồn bị lỗi{since}, chưa được đưa vào báo cáo");
        return $"<p class=\"warning\" role=\"alert\"><strong>Cảnh báo:</strong> {HtmlPage.Encode(waiting)}. "
            + "Số liệu dưới đây có thể thiếu các sự kiện này cho đến khi bộ phận vận hành khắc phục lỗi và xử lý lại chúng.</p>";
    }
}
