using Cchc.Reporting.Api.Reports;
using S = Cchc.Reporting.Api.CivilService.CivilServiceIndicators;

namespace Cchc.Reporting.Api.CivilService;

/// <summary>
/// Phụ lục 5: civil servants and public employees, row for row as in the source report, from the organisation service's
/// staffing facts. Quota and employed are stocks (the latest figure of each unit inside the period, i.e. the value at
/// the period's end); recruitment, appointments, streamlining and training are the events of the period.
/// </summary>
public sealed class Appendix5 : IAppendix
{
    public int Number => 5;

    public string Title => "Thống kê các chỉ tiêu tại lĩnh vực xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức của tỉnh";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Section("1", "Tổng số biên chế cán bộ, công chức", "staffing.civil_servants"),
        RowDefinition.Value("-", "Tổng số được giao", ValueTypes.Integer, S.CivilServantQuota),
        RowDefinition.Value("-", "Tổng số có mặt", ValueTypes.Integer, S.CivilServantsEmployed),
        RowDefinition.Section("2", "Tổng số biên chế viên chức", "staffing.public_employees"),
        RowDefinition.Value("-", "Tổng số được giao", ValueTypes.Integer, S.PublicEmployeeQuota),
        RowDefinition.Value("-", "Tổng số có mặt", ValueTypes.Integer, S.PublicEmployeesEmployed),
        RowDefinition.Value("3", "Số công chức được tuyển dụng theo hình thức thi cạnh tranh", ValueTypes.Integer, S.CompetitiveRecruitment),
        RowDefinition.Value("4", "Số công chức được bổ nhiệm vào các chức danh lãnh đạo, quản lý thông qua thi tuyển cạnh tranh", ValueTypes.Integer,
            S.AppointedThroughCompetition),
        RowDefinition.Value("5", "Số lượng cán bộ, công chức được tinh giản biên chế", ValueTypes.Integer, S.Streamlined),
        RowDefinition.Value("6", "Số lượng công chức được bồi dưỡng, tập huấn hàng năm", ValueTypes.Integer, S.CivilServantsTrained),
        RowDefinition.Value("7", "Số lượng viên chức được bồi dưỡng, tập huấn hàng năm", ValueTypes.Integer, S.PublicEmployeesTrained),
        RowDefinition.Value("8", "Số lượng các lớp đào tạo, bồi dưỡng", ValueTypes.Integer, S.TrainingClasses),
    ];
}
