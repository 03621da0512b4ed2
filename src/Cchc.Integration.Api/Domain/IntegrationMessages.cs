namespace Cchc.Integration.Api.Domain;

/// <summary>User-facing descriptions (Vietnamese) of what the adapter refuses; the field is named beside them.</summary>
public static class IntegrationMessages
{
    public const string Required = "bắt buộc phải có giá trị";
    public const string NotText = "phải là chuỗi ký tự";
    public const string CodeCharacters = "không được chứa khoảng trắng hoặc ký tự điều khiển";
    public const string BadTime = "phải là thời điểm dạng yyyyMMddHHmmss (giờ Việt Nam)";
    public const string DueBeforeReceived = "ngày hẹn trả phải sau ngày tiếp nhận";
    public const string ClosedBeforeReceived = "thời điểm kết thúc xử lý không được trước ngày tiếp nhận";
    public const string NotAnObject = "mỗi hồ sơ phải là một đối tượng JSON";
    public const string Transient = "tạm thời chưa xử lý được, đề nghị gửi lại sau";
    public const string BodyNotJson = "nội dung yêu cầu không phải JSON hợp lệ";
    public const string DataMissing = "thiếu danh sách hồ sơ (data)";

    public static string TooLong(int max) => $"dài tối đa {max} ký tự";

    public static string OutOfRange(DateOnly first, DateOnly last) =>
        $"phải trong khoảng {first:dd/MM/yyyy} đến {last:dd/MM/yyyy}";

    public static string UnknownStatus(string code) =>
        $"mã trạng thái \"{code}\" chưa có trong bảng ánh xạ trạng thái (Integration:Dossiers:Statuses)";

    public static string UnknownChannel(string code) =>
        $"mã hình thức \"{code}\" chưa có trong bảng ánh xạ hình thức (Integration:Dossiers:Channels)";

    public static string ClosedWithoutTime(string field) =>
        $"hồ sơ đã kết thúc phải có thời điểm kết thúc xử lý ({field})";

    public static string UnknownService(string service) =>
        $"dịch vụ \"{service}\" không được hỗ trợ; dùng DongBoHoSoMC hoặc CapNhatTienDoHoSoMC";

    public static string TooManyRecords(int max) => $"mỗi lần gửi tối đa {max} hồ sơ";

    public static string NotSynchronised(string code) =>
        $"hồ sơ {code} chưa được đồng bộ (DongBoHoSoMC) nên chưa cập nhật được tiến độ; đề nghị gửi lại sau";

    public static string AlreadyClosed(string code, string current, string requested) =>
        $"hồ sơ {code} đã kết thúc ({current}), không thể chuyển sang {requested}";

    public static string Describe(int procedureStatus) => procedureStatus switch
    {
        1 => "đã tiếp nhận",
        2 => "đã giải quyết",
        3 => "đã trả lại",
        4 => "đã rút",
        _ => procedureStatus.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
