using Cchc.Reporting.Api.Reports;
using L = Cchc.Reporting.Api.Institutions.InstitutionsIndicators;

namespace Cchc.Reporting.Api.Institutions;

/// <summary>
/// Phụ lục 2: institutional reform (legal normative documents), row for row as in the source report. Every row is
/// computed from the legal documents service's facts. Row 1 is the sum of its breakdown by kind: the source prints
/// totals for 2015–2019 that its own breakdown does not add up to (717 against 489 in 2015, …); the platform
/// does not invent documents to reach them.
/// </summary>
public sealed class Appendix2 : IAppendix
{
    public const string ByKindSection = "legal.issued.by_kind";

    public int Number => 2;

    public string Title => "Thống kê các nhiệm vụ tại lĩnh vực cải cách thể chế của tỉnh";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Tổng số văn bản quy phạm pháp luật (VBQPPL) chủ trì soạn thảo đã được ban hành", ValueTypes.Integer, L.IssuedTotal),
        RowDefinition.Section("", "Chia theo tên loại VBQPPL", ByKindSection),
        RowDefinition.Value("", "Nghị quyết của Hội đồng nhân dân tỉnh, thành phố trực thuộc trung ương", ValueTypes.Integer, L.ProvinceCouncilResolutions),
        RowDefinition.Value("", "Quyết định của Ủy ban nhân dân cấp tỉnh", ValueTypes.Integer, L.ProvinceCommitteeDecisions),
        RowDefinition.Value("", "Nghị quyết của Hội đồng nhân dân cấp huyện", ValueTypes.Integer, L.DistrictCouncilResolutions),
        RowDefinition.Value("", "Quyết định của Ủy ban nhân dân cấp huyện", ValueTypes.Integer, L.DistrictCommitteeDecisions),
        RowDefinition.Value("", "Nghị quyết của Hội đồng nhân dân cấp xã", ValueTypes.Integer, L.CommuneCouncilResolutions),
        RowDefinition.Value("", "Quyết định của Ủy ban nhân dân cấp xã", ValueTypes.Integer, L.CommuneCommitteeDecisions),
        RowDefinition.Value("2", "Số VBQPPL được đề nghị sửa đổi, bổ sung, thay thế, bãi bỏ hoặc ban hành mới sau rà soát", ValueTypes.Integer, L.ProposedAfterReview),
        RowDefinition.Value("3", "Số VBQPPL đã được xử lý theo thẩm quyền hoặc kiến nghị cơ quan có thẩm quyền xử lý sau rà soát", ValueTypes.Integer, L.HandledAfterReview),
        RowDefinition.Value("4", "Số VBQPPL đã kiểm tra theo thẩm quyền", ValueTypes.Integer, L.Checked),
        RowDefinition.Value("5", "Số VBQPPL trái pháp luật về nội dung, thẩm quyền", ValueTypes.Integer, L.Unlawful),
        RowDefinition.Value("6", "Số VBQPPL trái pháp luật về nội dung, thẩm quyền đã được xử lý", ValueTypes.Integer, L.UnlawfulHandled),
        RowDefinition.Value("7", "Văn bản không phải là VBQPPL nhưng có chứa quy phạm pháp luật", ValueTypes.Integer, L.NonNormativeWithNorms),
    ];
}
