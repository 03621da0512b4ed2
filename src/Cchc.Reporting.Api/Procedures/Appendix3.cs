using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>
/// Phụ lục 3: administrative procedures (catalogue, one-stop shop, dossier results, feedback), row for row as in
/// the source report. Rows no source system produces (simplification after review, publication on the portal,
/// procedures the province issues under a law) show the values units submit (Programme/SubmittedValueIndicators, ADR 0027).
/// </summary>
public sealed class Appendix3 : IAppendix
{
    public const string IssuedByProvince = "procedures.issued_by_province";
    public const string SimplifiedAfterReview = "procedures.simplified_after_review";
    public const string PublishedInFull = "procedures.published_in_full";
    public const string OneStopSection = "procedures.one_stop";
    public const string DossierResultsSection = "dossiers.results";
    public const string FeedbackSection = "feedback";

    public int Number => 3;

    public string Title => "Thống kê các chỉ tiêu tại lĩnh vực cải cách thủ tục hành chính của tỉnh";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Tổng số TTHC của tỉnh", ValueTypes.Integer, ProcedureCatalogIndicators.Total),
        RowDefinition.Value("-", "Số lượng TTHC cấp tỉnh", ValueTypes.Integer, ProcedureCatalogIndicators.Province),
        RowDefinition.Value("-", "Số lượng TTHC cấp huyện", ValueTypes.Integer, ProcedureCatalogIndicators.District),
        RowDefinition.Value("-", "Số lượng TTHC cấp xã", ValueTypes.Integer, ProcedureCatalogIndicators.Commune),
        RowDefinition.Value("-", "Số TTHC do tỉnh ban hành (được giao trong Luật)", ValueTypes.Integer, IssuedByProvince),
        RowDefinition.Value("2", "Số TTHC được đơn giản hóa sau rà soát (theo thẩm quyền của tỉnh, như: giảm thời gian giải quyết; tỷ lệ chi phí tuân thủ TTHC/lĩnh vực trọng tâm; cách thức thực hiện; cung cấp DVC trực tuyến…)", ValueTypes.Text, SimplifiedAfterReview),
        RowDefinition.Value("3", "Số lượng thủ tục hành chính được công khai đầy đủ, đúng quy định trên Cổng/Trang Thông tin điện tử", ValueTypes.Percent, PublishedInFull),
        RowDefinition.Section("4", "Thực hiện cơ chế một cửa, một cửa liên thông", OneStopSection),
        RowDefinition.Value("-", "Số lượng TTHC thực hiện được giải quyết tại Trung tâm phục vụ hành chính công cấp tỉnh hoặc Bộ phận Tiếp nhận và trả kết quả cấp sở, ngành", ValueTypes.Integer, ProcedureCatalogIndicators.ProvincialCentre),
        RowDefinition.Value("-", "Số lượng TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa cấp huyện", ValueTypes.Integer, ProcedureCatalogIndicators.DistrictOneStop),
        RowDefinition.Value("-", "Số lượng TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa cấp xã", ValueTypes.Integer, ProcedureCatalogIndicators.CommuneOneStop),
        RowDefinition.Value("-", "Số lượng TTHC được giải quyết theo cơ chế một cửa liên thông cùng cấp", ValueTypes.Integer, ProcedureCatalogIndicators.InterAgencySameLevel),
        RowDefinition.Value("-", "Số lượng TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền", ValueTypes.Integer, ProcedureCatalogIndicators.InterAgencyBetweenLevels),
        RowDefinition.Value("-", "Số TTHC đã thực hiện 4 tại chỗ (cấp tỉnh)", ValueTypes.Integer, ProcedureCatalogIndicators.FourOnTheSpotProvince),
        RowDefinition.Section("5", "Kết quả giải quyết hồ sơ TTHC", DossierResultsSection),
        RowDefinition.Value("-", "Tỷ lệ hồ sơ TTHC cấp tỉnh giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)", ValueTypes.Percent, DossierTimelinessIndicators.Province),
        RowDefinition.Value("-", "Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)", ValueTypes.Percent, DossierTimelinessIndicators.District),
        RowDefinition.Value("-", "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)", ValueTypes.Percent, DossierTimelinessIndicators.Commune),
        RowDefinition.Section("6", "Tiếp nhận và xử lý PAKN về TTHC", FeedbackSection),
        RowDefinition.Value("-", "Số lượng PAKN đã tiếp nhận trong năm", ValueTypes.Integer, FeedbackIndicators.Received),
        RowDefinition.Value("-", "Số lượng PAKN đã giải quyết trong năm", ValueTypes.Integer, FeedbackIndicators.Resolved),
        RowDefinition.Value("-", "Số lượng PAKN được xử lý và đã công khai kết quả trả lời trên Cổng TTĐT", ValueTypes.Integer, FeedbackIndicators.Published),
    ];
}
