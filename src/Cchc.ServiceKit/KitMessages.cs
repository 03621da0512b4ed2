namespace Cchc.ServiceKit;

/// <summary>User-facing descriptions of the common broken rules (Vietnamese; the field name is prefixed by the caller).</summary>
public static class KitMessages
{
    public const string Required = "bắt buộc phải có giá trị";
    public const string CodeTooLong = "dài tối đa 64 ký tự";
    public const string CodeCharacters = "không được chứa khoảng trắng hoặc ký tự điều khiển";
    public const string BadDay = "phải là một ngày có thật, dạng YYYY-MM-DD";
    public const string BadInstant = "thời điểm không hợp lệ";
    public const string BadEnum = "giá trị không thuộc danh mục cho phép";
    public const string PageSize = "phải trong khoảng 0..500";
    public const string PageToken = "page_token không hợp lệ hoặc không khớp với bộ lọc";

    public static string TooLong(int max) => $"dài tối đa {max} ký tự";

    public static string DifferentContent(string what, string id, string field) =>
        $"{what} {id} đã tồn tại với nội dung khác ({field})";
}
