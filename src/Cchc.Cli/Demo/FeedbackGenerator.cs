using Cchc.Contracts;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>
/// GENERATED citizen feedback (PAKN) on procedures: each item is received, resolved and its answer published
/// on the provincial portal inside its period, as many per period as the report counts.
/// </summary>
internal static class FeedbackGenerator
{
    private static readonly string[] Subjects =
    [
        "Phản ánh về thời gian giải quyết thủ tục cấp Giấy chứng nhận quyền sử dụng đất",
        "Kiến nghị đơn giản hóa thành phần hồ sơ đăng ký hộ kinh doanh",
        "Phản ánh về việc yêu cầu nộp thêm giấy tờ ngoài quy định",
        "Kiến nghị công khai mức phí, lệ phí tại Bộ phận Một cửa",
        "Phản ánh về việc trả kết quả chậm so với giấy hẹn",
        "Kiến nghị bổ sung hướng dẫn nộp hồ sơ trực tuyến",
        "Phản ánh về thái độ tiếp nhận hồ sơ của công chức",
        "Kiến nghị sửa đổi quy định về thời hạn giải quyết thủ tục cấp giấy phép xây dựng",
    ];

    public static IReadOnlyList<DemoFeedback> Generate(CatalogueSnapshots catalogue)
    {
        var items = new List<DemoFeedback>();
        var random = new DemoRandom(0xFEEDBAC4UL);
        for (var k = 0; k < DemoPeriod.All.Count; k++)
        {
            var period = DemoPeriod.All[k];
            var days = WorkingCalendar.WorkingDays(period.From, period.To);
            for (var i = 0; i < DemoTargets.Feedback[k]; i++)
            {
                var received = random.Next(0, days.Count * 6 / 10);
                var resolved = Math.Min(received + random.Next(5, 16), days.Count - 4);
                var published = resolved + random.Next(1, 4);
                var province = catalogue.At(days[received], GovernmentLevel.Province);
                var code = random.Chance(0.75) ? province.Code(province.Draw(random.NextDouble())) : null;
                items.Add(new DemoFeedback($"PAKN.H34.{period.Year}.{i + 1:D3}", code, Subjects[items.Count % Subjects.Length],
                    At(days[received], random), At(days[resolved], random), At(days[published], random)));
            }
        }
        return items;
    }

    private static DateTimeOffset At(DateOnly day, DemoRandom random) =>
        VietnamCalendar.StartOfDay(day).AddMinutes(random.Next(450, 1000));
}
