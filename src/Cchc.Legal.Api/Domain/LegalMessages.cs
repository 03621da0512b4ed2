using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Legal.Api.Domain;

/// <summary>User-facing descriptions of the legal register's broken rules (Vietnamese; the field is named by the caller).</summary>
public static class LegalMessages
{
    public const string EffectiveBeforeSigned = "ngày có hiệu lực không được trước ngày ký ban hành";
    public const string GazetteBeforeSigned = "ngày đăng Công báo không được trước ngày ký ban hành";
    public const string DirectiveAfterLaw2015 = "từ ngày 01/7/2016 chỉ thị không còn là văn bản quy phạm pháp luật";
    public const string NonNormativeNumber = "số, ký hiệu văn bản không phải VBQPPL phải có dạng số/KÝ HIỆU (ví dụ 123/KH-UBND) và không mang năm ban hành như VBQPPL";
    public const string CauseRequired = "phải nêu văn bản sửa đổi, bổ sung, thay thế hoặc bãi bỏ";
    public const string CauseIsSelf = "văn bản không thể tự sửa đổi, thay thế hoặc bãi bỏ chính nó";
    public const string EndedBeforeStarted = "không được trước ngày bắt đầu";
    public const string HandlingWithoutDay = "phải có ngày xử lý khi đã ghi cách xử lý";
    public const string DayWithoutHandling = "chỉ có giá trị khi đã ghi cách xử lý";
    public const string HandlingOfLawful = "chỉ văn bản trái pháp luật mới có xử lý";
    public const string HandledBeforeFound = "ngày xử lý không được trước ngày phát hiện";
    public const string KeepHasNoHandling = "kết luận giữ nguyên không cần xử lý";
    public const string IssuerUnitsRequired = "phải có ít nhất một cơ quan ban hành";

    public static string KindNeedsBody(DocumentKind kind) => kind == DocumentKind.Resolution
        ? "nghị quyết do Hội đồng nhân dân ban hành"
        : "quyết định, chỉ thị do Ủy ban nhân dân ban hành";

    public static string UnitNotOfLevel(string body, GovernmentLevel level) => level switch
    {
        GovernmentLevel.Province => $"phải là {body} cấp tỉnh (ví dụ \"{body} tỉnh Lai Châu\")",
        GovernmentLevel.District => $"phải là {body} cấp huyện (ví dụ \"{body} huyện Tam Đường\")",
        _ => $"phải là {body} cấp xã (ví dụ \"{body} xã Bản Giang\")",
    };

    public static string NormativeNumber(string type, string body) =>
        $"số, ký hiệu VBQPPL phải có dạng số/năm/{type}-{body} (ví dụ 05/2014/{type}-{body})";

    public static string NumberTypeMismatch(string printed, string expected) =>
        $"ký hiệu {printed} không khớp với loại văn bản (phải là {expected})";

    public static string NumberBodyMismatch(string printed, string expected) =>
        $"ký hiệu cơ quan {printed} không khớp với cơ quan ban hành (phải là {expected})";

    public static string NumberYearMismatch(int year) => $"năm trong số, ký hiệu phải là năm ký ban hành ({year})";

    public static string DocumentNotFound(string id) => $"không tìm thấy văn bản {id}";

    public static string CauseNotFound(string id) => $"văn bản {id} không có trong cơ sở dữ liệu";

    public static string NotTheIssuer(string id, string issuer) => $"văn bản {id} do {issuer} ban hành";

    public static string AlreadyEnded(string id, string day) => $"văn bản {id} đã hết hiệu lực toàn bộ (bị thay thế, bãi bỏ) từ ngày {day}";

    public static string NotInForceYet(string id, string day) => $"văn bản {id} chưa có hiệu lực vào ngày đó (có hiệu lực từ {day})";

    public static string CauseNotInForce(string id, string day) => $"văn bản {id} không có hiệu lực vào ngày {day}";

    public static string BeforeLastEvent(string day) => $"không được trước sự kiện hiệu lực đã ghi gần nhất ({day})";

    public static string RoundNotFound(string id) => $"không tìm thấy đợt rà soát {id}";

    public static string NotTheReviewer(string id, string unit) => $"đợt rà soát {id} do {unit} thực hiện";

    public static string FoundOutsideRound(string start) => $"không được trước ngày bắt đầu đợt rà soát ({start})";

    public static string CheckOfOtherDocument(string id) => $"đợt kiểm tra {id} đã được ghi cho văn bản khác";

    public static string DuplicateInImport(string id) => $"văn bản {id} xuất hiện hai lần trong cùng một lần nhập";
}
