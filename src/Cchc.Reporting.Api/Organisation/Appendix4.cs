using Cchc.Reporting.Api.Reports;
using O = Cchc.Reporting.Api.Organisation.OrganisationIndicators;

namespace Cchc.Reporting.Api.Organisation;

/// <summary>
/// Phụ lục 4: the organisations of the province on days (asOf=2010-12-31,2019-12-31; a period counts the structure on
/// its last day), row for row as in the source report, from the organisation registry's dated unit history. Section
/// III's values are [under the provincial committee, under provincial agencies, under district committees].
/// </summary>
public sealed class Appendix4 : IAppendix
{
    public int Number => 4;

    public string Title => "Thống kê và so sánh số lượng tổ chức thuộc tỉnh";

    public IReadOnlyList<RowDefinition> Rows { get; } =
    [
        RowDefinition.Section("I", "Số lượng, cơ cấu tổ chức thuộc Ủy ban nhân dân cấp tỉnh", "organisation.province"),
        RowDefinition.Value("1", "Số cơ quan chuyên môn thuộc UBND cấp tỉnh", ValueTypes.Integer, O.SpecialisedAgencies),
        RowDefinition.Value("2", "Số Chi cục thuộc Sở", ValueTypes.Integer, O.SubDepartments),
        RowDefinition.Value("3", "Số phòng, văn phòng, thanh tra thuộc Sở", ValueTypes.Integer, O.AgencyDivisions),
        RowDefinition.Value("4", "Số đơn vị sự nghiệp thuộc UBND cấp tỉnh", ValueTypes.Integer, O.ProvincialServiceUnits),
        RowDefinition.Section("II", "Số lượng, cơ cấu tổ chức thuộc Ủy ban nhân dân cấp huyện", "organisation.district"),
        RowDefinition.Value("1", "Số UBND cấp huyện", ValueTypes.Integer, O.DistrictCommittees),
        RowDefinition.Value("2", "Số phòng chuyên môn thuộc UBND cấp huyện", ValueTypes.Integer, O.DistrictDivisions),
        RowDefinition.Value("3", "Số văn phòng, thanh tra thuộc UBND cấp huyện", ValueTypes.Integer, O.DistrictOffices),
        RowDefinition.Value("4", "Số đơn vị sự nghiệp thuộc UBND cấp huyện", ValueTypes.Integer, O.DistrictServiceUnits),
        RowDefinition.Section("III",
            "Số lượng đơn vị sự nghiệp công lập phân theo các lĩnh vực (Thuộc UBND cấp tỉnh / Thuộc CQ chuyên môn cấp tỉnh / Thuộc UBND cấp huyện)",
            "organisation.service_units.by_sector"),
        RowDefinition.Value("1", "Sự nghiệp GD-ĐT", ValueTypes.Integer, O.EducationUnits),
        RowDefinition.Value("2", "Sự nghiệp y tế", ValueTypes.Integer, O.HealthUnits),
        RowDefinition.Value("3", "Sự nghiệp VH,TDTT", ValueTypes.Integer, O.CultureUnits),
        RowDefinition.Value("4", "Sự nghiệp khác", ValueTypes.Integer, O.OtherUnits),
    ];
}
