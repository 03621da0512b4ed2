namespace Cchc.Procedures.Api.Domain;

/// <summary>User-facing descriptions of broken rules (Vietnamese; the field name is prefixed by the caller).</summary>
public static class Messages
{
    public const string Required = "bắt buộc phải có giá trị";
    public const string CodeTooLong = "dài tối đa 64 ký tự";
    public const string CodeCharacters = "không được chứa khoảng trắng hoặc ký tự điều khiển";
    public const string BadDay = "phải là một ngày có thật, dạng YYYY-MM-DD";
    public const string BadInstant = "thời điểm không hợp lệ";
    public const string BadEnum = "giá trị không thuộc danh mục cho phép";
    public const string PageSize = "phải trong khoảng 0..500";
    public const string PageToken = "page_token không hợp lệ hoặc không khớp với bộ lọc";
    public const string DueBeforeReceived = "hạn trả kết quả phải sau thời điểm tiếp nhận";
    public const string ClosedBeforeReceived = "thời điểm kết thúc hồ sơ không được trước thời điểm tiếp nhận";
    public const string ClosedAtWithoutClosure = "chỉ có giá trị khi hồ sơ đã kết thúc (RESOLVED, RETURNED, WITHDRAWN)";
    public const string StepBeforeReceived = "không được trước thời điểm tiếp nhận";
    public const string PublishedBeforeResolved = "không được trước thời điểm giải quyết";
    public const string RangeReversed = "không được trước ngày received_from";

    public static string TooLong(int max) => $"dài tối đa {max} ký tự";

    public static string UnknownProcedure(string code) => $"thủ tục {code} không có trong danh mục";

    public static string DifferentContent(string what, string id, string field) =>
        $"{what} {id} đã tồn tại với nội dung khác ({field})";
}
