using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Procedures;
using Cchc.ServiceKit;

namespace Cchc.Egov.Api.Domain;

/// <summary>User-facing descriptions of the e-government service's broken rules (Vietnamese; the field is named by the caller).</summary>
public static class EgovMessages
{
    public const string InFuture = "không được sau ngày hôm nay (kỳ báo cáo chưa kết thúc)";
    public const string ToBeforeFrom = "không được trước ngày bắt đầu kỳ (period_from)";
    public const string IsoVersionRequired = "phải nêu phiên bản ISO 9001 (2008 hoặc 2015) khi đã công bố áp dụng";
    public const string IsoDateRequired = "phải có ngày cấp chứng nhận/công bố khi đã công bố áp dụng ISO 9001";
    public const string OnlyForIso = "chỉ dùng cho năng lực ISO 9001";
    public const string IsoNotInUse = "chỉ có giá trị khi đơn vị đang áp dụng ISO 9001 (in_use)";
    public const string CertificateAfterEffective = "không được sau ngày bắt đầu hiệu lực của trạng thái (effective_from)";
    public const string Iso2015BeforePublished = "tiêu chuẩn ISO 9001:2015 ban hành ngày 15/9/2015: không thể công bố trước ngày đó";

    public static readonly DateOnly Iso2015Published = new(2015, 9, 15);

    /// <summary>The claimed level differs from the registry's on the fact's day.</summary>
    public static string LevelDiffers(string unit, DateOnly day, GovernmentLevel registered) =>
        $"theo danh mục đơn vị (dữ liệu tham chiếu của Sở Nội vụ), vào ngày {IsoDate.Format(day)} đơn vị \"{unit}\" thuộc {LevelName(registered)}; "
        + "có thể bỏ trống trường này để hệ thống lấy cấp theo danh mục";

    /// <summary>The unit existed but no administrative unit is found above it that day (an incomplete copy of the registry).</summary>
    public static string LevelUnknown(string unit, DateOnly day) =>
        $"không xác định được cấp (tỉnh, huyện, xã) của đơn vị \"{unit}\" vào ngày {IsoDate.Format(day)}: danh mục đơn vị không có đơn vị hành chính chủ quản của đơn vị này";

    public static string LevelName(GovernmentLevel level) => level switch
    {
        GovernmentLevel.Province => "cấp tỉnh",
        GovernmentLevel.District => "cấp huyện",
        GovernmentLevel.Commune => "cấp xã",
        _ => "cấp chưa xác định",
    };

    public static string AboveDenominator(EgovMetric numerator, long value, EgovMetric denominator, long limit) =>
        $"{Name(numerator)} ({value:N0}) không được lớn hơn {Name(denominator)} ({limit:N0}) cùng nguồn, đơn vị và kỳ (tỷ lệ vượt 100%)";

    public static string BelowNumerator(EgovMetric denominator, long value, EgovMetric numerator, long limit) =>
        $"{Name(denominator)} ({value:N0}) không được nhỏ hơn {Name(numerator)} ({limit:N0}) đã gửi cùng nguồn, đơn vị và kỳ (tỷ lệ vượt 100%)";

    public static string OverlappingPeriod(string from, string to) =>
        $"kỳ báo cáo trùng một phần với kỳ {from}..{to} đã gửi cho cùng nguồn, đơn vị và chỉ tiêu (số liệu cộng dồn sẽ bị tính hai lần)";

    public static string SubmissionNotFound => "không tìm thấy số liệu đã gửi cho nguồn, đơn vị, chỉ tiêu và kỳ này";

    public static string DuplicateInImport(int first) => $"trùng khóa với bản ghi records[{first}] trong cùng một lần nhập";

    public static string Name(EgovMetric metric) => metric switch
    {
        EgovMetric.AxisDocumentsReceived => "số văn bản nhận trên Trục liên thông VBQG",
        EgovMetric.AxisDocumentsSent => "số văn bản gửi trên Trục liên thông VBQG",
        EgovMetric.SignaturesPersonal => "số chữ ký số cá nhân",
        EgovMetric.SignaturesOrganisation => "số chữ ký số tổ chức",
        EgovMetric.SignaturesMobile => "số chữ ký số trên thiết bị di động",
        EgovMetric.OfficialMailboxes => "số hộp thư công vụ",
        EgovMetric.AxisConnectedUnits => "số đơn vị kết nối Trục liên thông VBQG",
        EgovMetric.CivilServants => "số công chức",
        EgovMetric.CivilServantsWithMailbox => "số công chức có hộp thư điện tử",
        EgovMetric.AdminDocuments => "số văn bản hành chính",
        EgovMetric.AdminDocumentsElectronic => "số văn bản hành chính trao đổi dưới dạng điện tử",
        _ => metric.ToString(),
    };
}
