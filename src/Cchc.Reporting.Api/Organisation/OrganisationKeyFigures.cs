using Cchc.Reporting.Api.Reports;
using O = Cchc.Reporting.Api.Organisation.OrganisationIndicators;
using S = Cchc.Reporting.Api.CivilService.CivilServiceIndicators;

namespace Cchc.Reporting.Api.Organisation;

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
