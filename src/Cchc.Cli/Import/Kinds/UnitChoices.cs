using Cchc.Organisation.Api.Grpc;

namespace Cchc.Cli.Import.Kinds;

/// <summary>The organisation registry's unit kinds and sectors as people name them.</summary>
internal static class UnitChoices
{
    public static readonly Choice[] Kinds =
    [
        new((int)UnitKind.Province, "Tỉnh"),
        new((int)UnitKind.DistrictLevel, "Huyện, thị xã, thành phố", "Huyện", "Thị xã", "Thành phố", "Cấp huyện"),
        new((int)UnitKind.CommuneLevel, "Xã, phường, thị trấn", "Xã", "Phường", "Thị trấn", "Cấp xã"),
        new((int)UnitKind.PeoplesCouncil, "HĐND", "Hội đồng nhân dân"),
        new((int)UnitKind.PeoplesCommittee, "UBND", "Ủy ban nhân dân", "Uỷ ban nhân dân"),
        new((int)UnitKind.SpecialisedAgency, "Sở, ban, ngành", "Sở", "Cơ quan chuyên môn"),
        new((int)UnitKind.SubDepartment, "Chi cục", "Chi cục thuộc sở"),
        new((int)UnitKind.AgencyDivision, "Phòng thuộc sở", "Phòng, văn phòng, thanh tra thuộc sở"),
        new((int)UnitKind.DistrictDivision, "Phòng chuyên môn cấp huyện", "Phòng thuộc UBND huyện"),
        new((int)UnitKind.DistrictOfficeOrInspectorate, "Văn phòng, thanh tra cấp huyện"),
        new((int)UnitKind.PublicServiceUnit, "Đơn vị sự nghiệp công lập", "Đơn vị sự nghiệp", "ĐVSN"),
        new((int)UnitKind.PublicScienceTechnologyOrganisation, "Tổ chức KH&CN công lập", "Tổ chức khoa học và công nghệ công lập"),
        new((int)UnitKind.OtherProvincialAgency, "Cơ quan khác thuộc UBND tỉnh", "Khác"),
    ];

    public static readonly Choice[] Sectors =
    [
        new((int)PublicServiceSector.EducationTraining, "Giáo dục và đào tạo", "Giáo dục"),
        new((int)PublicServiceSector.Health, "Y tế"),
        new((int)PublicServiceSector.CultureSports, "Văn hóa, thể thao", "Văn hoá, thể thao", "Văn hóa"),
        new((int)PublicServiceSector.Other, "Khác", "Sự nghiệp khác"),
    ];
}
