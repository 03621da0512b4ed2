using Cchc.Reporting.Api.Reports;
using P = Cchc.Reporting.Api.Programme.ProgrammeIndicators;

namespace Cchc.Reporting.Api.Programme;

/// <summary>
/// Phụ lục 1: direction and administration of the reform, row for row as in the source report, from the programme
/// service's records (docs/adr/0026-programme-service.md). The "= 1 / = 0" rows are printed as the source prints them.
/// </summary>
public sealed class Appendix1 : IAppendix
{
    public int Number => 1;

    public string Title => "Thống kê các chỉ tiêu tại lĩnh vực chỉ đạo, điều hành cải cách hành chính của tỉnh";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Số lượng các cơ quan, đơn vị được kiểm tra CCHC", ValueTypes.Integer, P.UnitsInspected),
        RowDefinition.Section("2", "Tuyên truyền CCHC", P.PropagandaSection),
        RowDefinition.Value("-", "Tổ chức cuộc thi tìm hiểu CCHC (Có tổ chức = 1; Không tổ chức = 0)", ValueTypes.Boolean, P.ContestHeld),
        RowDefinition.Value("-", "Số lượng bản tin chuyên đề CCHC trên đài PT-TH tỉnh", ValueTypes.Integer, P.Bulletins),
        RowDefinition.Value("-", "Số lớp tập huấn chuyên đề CCHC", ValueTypes.Integer, P.TrainingClasses),
        RowDefinition.Value("-", "Xây dựng chuyên mục CCHC trên Cổng TTĐT của tỉnh (Có xây dựng = 1; Không xây dựng = 0)", ValueTypes.Boolean, P.PortalSection),
        RowDefinition.Value("3", "Số lượng mô hình, sáng kiến CCHC được triển khai áp dụng", ValueTypes.Integer, P.Initiatives),
        RowDefinition.Section("4", "Xây dựng, áp dụng bộ tiêu chí đánh giá CCHC các cơ quan, đơn vị", P.CriteriaSection),
        RowDefinition.Value("", "Bộ tiêu chí đánh giá sở, ngành", ValueTypes.Boolean, P.CriteriaDepartments),
        RowDefinition.Value("", "Bộ tiêu chí đánh giá UBND cấp huyện", ValueTypes.Boolean, P.CriteriaDistricts),
        RowDefinition.Value("", "Bộ tiêu chí đánh giá UBND cấp xã", ValueTypes.Boolean, P.CriteriaCommunes),
        RowDefinition.Value("", "Bộ tiêu chí đánh giá cơ quan ngành dọc tại địa phương", ValueTypes.Boolean, P.CriteriaVerticalAgencies),
        RowDefinition.Section("5", "Đo lường sự hài lòng của người dân, tổ chức", P.SatisfactionSection),
        RowDefinition.Value("-", "Số lượng dịch vụ đã khảo sát", ValueTypes.Integer, P.ServicesSurveyed),
        RowDefinition.Value("-", "Số lượng mẫu đã khảo sát", ValueTypes.Integer, P.SampleSize),
        RowDefinition.Value("-", "Mức độ hài lòng chung", ValueTypes.Percent, P.OverallSatisfaction),
    ];
}
