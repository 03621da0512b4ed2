using System.Globalization;

namespace Cchc.Organisation.Api.Domain;

/// <summary>User-facing descriptions of the registry's and staffing's broken rules (Vietnamese; the field is named by the caller).</summary>
public static class OrganisationMessages
{
    public const string ProvinceHasNoParent = "đơn vị cấp tỉnh không có đơn vị cấp trên";
    public const string ParentRequired = "bắt buộc phải có đơn vị cấp trên";
    public const string SectorOnlyForServiceUnits = "chỉ đơn vị sự nghiệp công lập mới có lĩnh vực";
    public const string SectorRequired = "đơn vị sự nghiệp công lập phải có lĩnh vực";
    public const string NotAnAdministrativeLevel = "chỉ có thể bãi bỏ cấp huyện hoặc cấp xã";
    public const string TwoSourcesRequired = "phải có ít nhất một đơn vị được sáp nhập";
    public const string TwoPartsRequired = "phải chia thành ít nhất hai đơn vị";
    public const string TargetRequired = "phải nêu đơn vị nhận sáp nhập (đơn vị có sẵn hoặc đơn vị mới)";
    public const string AppointmentKindRequired = "phải nêu hình thức bổ nhiệm";
    public const string AppointmentKindOnlyForAppointments = "chỉ bản ghi bổ nhiệm mới có hình thức bổ nhiệm";
    public const string CompetitionOnlyForAppointments = "chỉ bản ghi bổ nhiệm mới có thông tin thi tuyển";
    public const string ToBeforeFrom = "không được trước ngày bắt đầu (from)";

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string UnitNotFound(string code) => $"không có đơn vị {code} trong danh mục";

    public static string UnitExists(string code) => $"đơn vị {code} đã có trong danh mục";

    public static string NotYetFounded(string code, DateOnly founded) => $"đơn vị {code} chưa tồn tại vào ngày đó (thành lập ngày {Day(founded)})";

    public static string AlreadyEnded(string code, DateOnly lastDay) => $"đơn vị {code} đã chấm dứt tồn tại (ngày cuối cùng {Day(lastDay)})";

    public static string NotAfterLastChange(string code, DateOnly since) =>
        $"phải sau thay đổi gần nhất của đơn vị {code} (có hiệu lực từ ngày {Day(since)})";

    public static string NotLiveOn(string code, DateOnly day) => $"đơn vị {code} không tồn tại vào ngày {Day(day)}";

    public static string WrongParentKind(string kind, string parentKind) => $"{kind} không thể trực thuộc {parentKind}";

    public static string NameTaken(string name, string code) => $"tên \"{name}\" đang được dùng cho đơn vị {code} trong cùng thời gian";

    public static string OfficialCodeTaken(string officialCode, string code) => $"mã {officialCode} đang được dùng cho đơn vị {code} trong cùng thời gian";

    public static string SameName(string name) => $"đơn vị đã mang tên \"{name}\"";

    public static string SameParent(string parent) => $"đơn vị đã trực thuộc {parent}";

    public static string UnderItself(string code) => $"không thể chuyển đơn vị {code} vào chính nó hoặc đơn vị trực thuộc nó";

    public static string HasChildren(string code, int count) =>
        $"đơn vị {code} còn {count} đơn vị trực thuộc; hãy chuyển hoặc giải thể chúng trước";

    public static string KindsDiffer(string code) => $"đơn vị {code} khác loại với đơn vị nhận sáp nhập";

    public static string Duplicate(string code) => $"đơn vị {code} được nêu hai lần";

    public static string ChangeRecordedDifferently(string id) => $"thay đổi {id} đã được ghi với nội dung khác";

    public static string DuplicateInImport(string id) => $"{id} xuất hiện hai lần trong cùng một lần nhập";

    public static string UnitNotLiveForFact(string code, DateOnly day) => $"đơn vị {code} không tồn tại vào ngày {Day(day)}";

    public static string FigureExistsForRecord(string unit, string metric, int year) =>
        $"đơn vị {unit} đã có số liệu tổng hợp {metric} cho năm {year}; không ghi thêm bản ghi cá nhân cho cùng chỉ tiêu và kỳ";

    public static string RecordsExistForFigure(string unit, string metric) =>
        $"đơn vị {unit} đã có bản ghi cá nhân {metric} trong kỳ này; không ghi thêm số liệu tổng hợp cho cùng chỉ tiêu và kỳ";

    public static string RecordRecordedDifferently(string id) => $"bản ghi {id} đã được ghi với nội dung khác";

    public static string KindName(Cchc.Contracts.Events.Organisation.UnitKind kind) => kind switch
    {
        Cchc.Contracts.Events.Organisation.UnitKind.Province => "tỉnh",
        Cchc.Contracts.Events.Organisation.UnitKind.DistrictLevel => "đơn vị hành chính cấp huyện",
        Cchc.Contracts.Events.Organisation.UnitKind.CommuneLevel => "đơn vị hành chính cấp xã",
        Cchc.Contracts.Events.Organisation.UnitKind.PeoplesCouncil => "Hội đồng nhân dân",
        Cchc.Contracts.Events.Organisation.UnitKind.PeoplesCommittee => "Ủy ban nhân dân",
        Cchc.Contracts.Events.Organisation.UnitKind.SpecialisedAgency => "cơ quan chuyên môn thuộc UBND tỉnh",
        Cchc.Contracts.Events.Organisation.UnitKind.SubDepartment => "chi cục thuộc sở",
        Cchc.Contracts.Events.Organisation.UnitKind.AgencyDivision => "phòng, văn phòng, thanh tra thuộc sở",
        Cchc.Contracts.Events.Organisation.UnitKind.DistrictDivision => "phòng chuyên môn thuộc UBND cấp huyện",
        Cchc.Contracts.Events.Organisation.UnitKind.DistrictOfficeOrInspectorate => "văn phòng, thanh tra thuộc UBND cấp huyện",
        Cchc.Contracts.Events.Organisation.UnitKind.PublicServiceUnit => "đơn vị sự nghiệp công lập",
        Cchc.Contracts.Events.Organisation.UnitKind.PublicScienceTechnologyOrganisation => "tổ chức khoa học và công nghệ công lập",
        Cchc.Contracts.Events.Organisation.UnitKind.OtherProvincialAgency => "cơ quan hành chính khác thuộc UBND tỉnh",
        Cchc.Contracts.Events.Organisation.UnitKind.PartyOrMassOrganisation => "cơ quan Đảng, Mặt trận Tổ quốc, tổ chức chính trị - xã hội",
        _ => "đơn vị",
    };
}
