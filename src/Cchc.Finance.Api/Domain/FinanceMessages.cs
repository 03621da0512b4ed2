using Cchc.ServiceKit;

namespace Cchc.Finance.Api.Domain;

/// <summary>User-facing descriptions of the public finance rules (Vietnamese; the field is named by the caller).</summary>
public static class FinanceMessages
{
    public const string InFuture = "không được là ngày trong tương lai";
    public const string YearInFuture = "không được là năm trong tương lai";
    public const string YearRange = "phải là năm từ 1990 trở đi";
    public const string YearToBeforeFrom = "không được trước year_from";
    public const string RevenueOneYear = "thu ngân sách ghi theo từng năm: year_to phải bằng year_from";
    public const string LevelNeeded = "đơn vị sự nghiệp công lập phải có mức tự chủ (Nghị định 16/2015, 60/2021)";
    public const string ParentNeeded = "đơn vị sự nghiệp công lập phải có loại cơ quan chủ quản (UBND tỉnh, sở/ngành, UBND huyện)";
    public const string LevelOnlyForServiceUnits = "chỉ đơn vị sự nghiệp công lập mới có mức tự chủ";
    public const string ParentOnlyForServiceUnits = "chỉ đơn vị sự nghiệp công lập mới ghi cơ quan chủ quản";
    public const string FundingSourceNeeded = "kinh phí CCHC phải ghi nguồn kinh phí";
    public const string FundingSourceOnlyForFunding = "thu ngân sách nhà nước không có nguồn kinh phí";
    public const string Negative = "không được là số âm";
    public const string BadAmount = "phải là số thập phân dạng 1234 hoặc 1234.5 (dấu chấm), tối đa 3 chữ số thập phân";
    public const string NothingToEnd = "đơn vị chưa có tình trạng tự chủ nào đang có hiệu lực để chấm dứt";
    public const string ItemsRequired = "phải có ít nhất một ô số liệu";
    public const string LevelRequired = "bắt buộc phải có mức tự chủ";

    public static string Overlap(DateOnly latest) =>
        $"một đơn vị chỉ có một tình trạng tự chủ tại một thời điểm: đã có tình trạng từ ngày {IsoDate.Format(latest)}, tình trạng mới phải bắt đầu sau ngày đó";

    public static string OtherStatusSameDay(DateOnly day) =>
        $"đơn vị đã có tình trạng tự chủ khác bắt đầu cùng ngày {IsoDate.Format(day)}";

    public static string NoChange(DateOnly since) =>
        $"trùng với tình trạng đang có hiệu lực từ ngày {IsoDate.Format(since)} (không có thay đổi)";

    public static string UnitNotFound(string unit) => $"không có tình trạng tự chủ nào của đơn vị {unit}";

    public static string FigureNotFound(string id) => $"không tìm thấy số liệu ngân sách {id}";

    public static string DuplicateFigure(string id) => $"số liệu {id} xuất hiện hai lần trong cùng một lần nhập";
}
