using Cchc.Reporting.Api.Domain.Reports;
using O = Cchc.Reporting.Api.Domain.Indicators.OrganisationIndicators;
using S = Cchc.Reporting.Api.Domain.Indicators.StaffingIndicators;

namespace Cchc.Reporting.Api.Domain.Appendices;

/// <summary>
/// The body's organisation figures: administrative units at the period's end and how many fewer than at its start,
/// organisations reduced, quota reduced (the source: "giảm 1.731 biên chế … 199 công chức, 1.429 viên chức" for
/// 2015 – 3/2020; the platform computes the parts it has facts for and their sum), staff streamlined. Ask for
/// periods=2015-01-01..2020-03-31.
/// </summary>
public sealed class OrganisationKeyFigures : IKeyFigures
{
    public string Area => "organisation";

    public int Number => 0;

    public string Title => "Số liệu chính về cải cách tổ chức bộ máy: đơn vị hành chính, tổ chức, biên chế";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Value("1", "Số đơn vị hành chính cấp huyện (cuối kỳ)", ValueTypes.Integer, O.DistrictLevelUnits),
        RowDefinition.Value("2", "Số đơn vị hành chính cấp xã (cuối kỳ)", ValueTypes.Integer, O.CommuneLevelUnits),
        RowDefinition.Value("3", "Số đơn vị hành chính cấp huyện giảm trong kỳ", ValueTypes.Integer, O.DistrictLevelReduced),
        RowDefinition.Value("4", "Số đơn vị hành chính cấp xã giảm trong kỳ", ValueTypes.Integer, O.CommuneLevelReduced),
        RowDefinition.Value("5", "Số cơ quan, tổ chức, đơn vị sự nghiệp giảm trong kỳ", ValueTypes.Integer, O.OrganisationsReduced),
        RowDefinition.Value("6", "Biên chế giảm trong kỳ (công chức và viên chức)", ValueTypes.Integer, S.QuotaReducedTotal),
        RowDefinition.Value("-", "Biên chế công chức giảm", ValueTypes.Integer, S.CivilServantQuotaReduced),
        RowDefinition.Value("-", "Biên chế viên chức giảm", ValueTypes.Integer, S.PublicEmployeeQuotaReduced),
        RowDefinition.Value("7", "Số người được tinh giản biên chế", ValueTypes.Integer, S.Streamlined),
    ];
}

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
