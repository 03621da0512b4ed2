using Cchc.Reporting.Api.Reports;
using S = Cchc.Reporting.Api.CivilService.CivilServiceIndicators;

namespace Cchc.Reporting.Api.CivilService;

/// <summary>
/// The body's civil-service figures: commune civil servants and their standards at the period's end (the source: 1.047
/// at 31/12/2019, 1.029 meeting the professional standard = 98,28%, 467 with political theory = 44,6%; ask for
/// periods=2019) and leadership appointments by kind in the period (2011–2019: ask for periods=2011-01-01..2019-12-31;
/// the total is the sum of the kinds).
/// </summary>
public sealed class CivilServiceKeyFigures : IKeyFigures
{
    public string Area => "civil-service";

    public int Number => 0;

    public string Title => "Số liệu chính về đội ngũ cán bộ, công chức, viên chức";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Số công chức cấp xã (cuối kỳ)", ValueTypes.Integer, S.CommuneCivilServants),
        RowDefinition.Value("-", "Đạt chuẩn chuyên môn, nghiệp vụ", ValueTypes.Integer, S.CommuneCivilServantsQualified),
        RowDefinition.Value("-", "Tỷ lệ đạt chuẩn chuyên môn, nghiệp vụ", ValueTypes.Percent, S.CommuneCivilServantsQualifiedPercent),
        RowDefinition.Value("-", "Có trình độ lý luận chính trị", ValueTypes.Integer, S.CommuneCivilServantsPoliticalTheory),
        RowDefinition.Value("-", "Tỷ lệ có trình độ lý luận chính trị", ValueTypes.Percent, S.CommuneCivilServantsPoliticalTheoryPercent),
        RowDefinition.Value("2", "Số lượt bầu, bổ nhiệm lãnh đạo, quản lý", ValueTypes.Integer, S.AppointmentsTotal),
        RowDefinition.Value("-", "Bầu", ValueTypes.Integer, S.Elected),
        RowDefinition.Value("-", "Bổ nhiệm mới", ValueTypes.Integer, S.NewlyAppointed),
        RowDefinition.Value("-", "Bổ nhiệm lại", ValueTypes.Integer, S.Reappointed),
        RowDefinition.Value("-", "Điều động, bổ nhiệm", ValueTypes.Integer, S.TransferredAndAppointed),
        RowDefinition.Value("-", "Luân chuyển, bổ nhiệm", ValueTypes.Integer, S.RotatedAndAppointed),
        RowDefinition.Value("3", "Số công chức được tuyển dụng theo hình thức thi cạnh tranh", ValueTypes.Integer, S.CompetitiveRecruitment),
    ];
}
