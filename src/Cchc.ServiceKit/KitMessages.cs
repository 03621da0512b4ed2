using System.Globalization;

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

    // ---- The input domain (docs/api-guide.md, "Input rules") ----

    public const string Nul = "không được chứa ký tự NUL (U+0000)";
    public const string LineBreak = "không được xuống dòng hoặc chứa ký tự tab (chỉ văn bản nhiều dòng như ghi chú mới được)";
    public const string LoneSurrogate = "chứa ký tự Unicode không hợp lệ (nửa cặp surrogate)";
    public const string NotUtf8 = "chứa dữ liệu không phải UTF-8 hợp lệ hoặc ký tự thay thế U+FFFD";
    public const string NonFinite = "phải là một số hữu hạn (không nhận NaN hoặc vô cực)";
    public const string Unreadable = "không đọc được yêu cầu: dữ liệu protobuf sai định dạng";
    public const string OutputOnly = "do hệ thống tính và trả về, không được gửi";
    public const string DayInFuture = "không được là ngày trong tương lai";
    public const string InstantInFuture = "không được là thời điểm trong tương lai";
    public const string NotAfterToday = "không được sau ngày hôm nay";

    public static string TooLong(int max) => $"dài tối đa {Number(max)} ký tự";

    public static string DifferentContent(string what, string id, string field) =>
        $"{what} {id} đã tồn tại với nội dung khác ({field})";

    public static string ControlCharacter(int codePoint) => $"không được chứa ký tự điều khiển {InputText.Name(codePoint)}";

    public static string Noncharacter(int codePoint) => $"không được chứa ký tự {InputText.Name(codePoint)} (không dùng trong văn bản)";

    public static string DayTooEarly => $"không được trước ngày {Day(InputDomain.EarliestDay)}";

    public static string DayBeyondHorizon(DateOnly latest) =>
        $"không được sau ngày {Day(latest)} (tối đa {InputDomain.HorizonDays} ngày kể từ hôm nay)";

    public static string InstantTooEarly => $"không được trước 00:00 ngày {Day(InputDomain.EarliestDay)} (giờ Việt Nam)";

    public static string InstantBeyondHorizon(DateOnly latest) =>
        $"không được sau ngày {Day(latest)} (tối đa {InputDomain.HorizonDays} ngày kể từ bây giờ)";

    public static string CountRange(long max) => $"phải là số nguyên từ 0 đến {Number(max)}";

    public static string IntegerRange(long max) => $"vượt quá giới hạn: giá trị tuyệt đối tối đa {Number(max)}";

    public static string YearRange(int min, int max) => $"phải là năm từ {min} đến {max}";

    /// <summary>An unexpected failure: the caller gets the correlation id, the operators the details in the logs and traces.</summary>
    public static string Internal(string correlationId) =>
        $"Lỗi nội bộ của hệ thống; yêu cầu không được thực hiện. Mã tra cứu: {correlationId}";

    /// <summary>A day as people read it here: 02/09/1945.</summary>
    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>An integer with "." between thousands, as Vietnamese writes it: 1.000.000.</summary>
    public static string Number(long value) => value.ToString("#,0", VietnameseNumbers);

    private static readonly NumberFormatInfo VietnameseNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };
}
