namespace Cchc.Cli.Demo;

/// <summary>
/// The single source of the demo's unit names: every unit a generated fact names (dossiers' receiving units, legal
/// documents' issuers and checkers, staffing facts) is one of these, and the organisation demo registers them all with
/// their history. Lai Châu's 8 district-level units and province-level agencies are real; the commune-level list is
/// illustrative (names as in 2015–2020, not an official register), and the two communes "xã Minh Họa 1/2" are
/// GENERATED so that the demo has 108 commune-level units before the 2020 merger and 106 after it, as the source report
/// says (its line "106 đơn vị hành chính cấp xã" counts after the merger of Nậm Loỏng into Sùng Phài and Ma Ly Chải
/// into Sì Lở Lầu).
/// </summary>
internal static class LaiChauUnits
{
    public const string Province = "tỉnh Lai Châu";
    public const string ProvinceCommittee = "UBND tỉnh Lai Châu";
    public const string ProvinceCouncil = "HĐND tỉnh Lai Châu";

    /// <summary>The demo's day for the 2020 commune merger (the resolution's effective day is not in the source): from this day 106 communes.</summary>
    public static readonly DateOnly Merger2020 = new(2020, 2, 1);

    /// <summary>The 2020 merger: (merged commune, the commune that absorbed it); Sùng Phài moves into Lai Châu city the same day.</summary>
    public static readonly (string Merged, string Into)[] Merged2020 = [("xã Nậm Loỏng", "xã Sùng Phài"), ("xã Ma Ly Chải", "xã Sì Lở Lầu")];

    /// <summary>District-level People's Committees with their commune-level units (as before the 2020 merger).</summary>
    public static readonly (string District, string[] Communes)[] Districts =
    [
        ("UBND thành phố Lai Châu", ["phường Tân Phong", "phường Đoàn Kết", "phường Quyết Thắng", "phường Quyết Tiến", "phường Đông Phong",
            "xã San Thàng", "xã Nậm Loỏng"]),
        ("UBND huyện Tam Đường", ["thị trấn Tam Đường", "xã Bản Giang", "xã Bản Hon", "xã Bình Lư", "xã Nà Tăm", "xã Sơn Bình", "xã Khun Há",
            "xã Thèn Sin", "xã Sùng Phài", "xã Hồ Thầu", "xã Nùng Nàng", "xã Bản Bo", "xã Giang Ma", "xã Tả Lèng"]),
        ("UBND huyện Phong Thổ", ["thị trấn Phong Thổ", "xã Mường So", "xã Khổng Lào", "xã Hoang Thèn", "xã Bản Lang", "xã Dào San",
            "xã Sì Lở Lầu", "xã Mồ Sì San", "xã Pa Vây Sử", "xã Vàng Ma Chải", "xã Tông Qua Lìn", "xã Ma Li Pho", "xã Huổi Luông", "xã Nậm Xe",
            "xã Sin Suối Hồ", "xã Lả Nhì Thàng", "xã Mù Sang", "xã Ma Ly Chải"]),
        ("UBND huyện Sìn Hồ", ["thị trấn Sìn Hồ", "xã Chăn Nưa", "xã Pa Tần", "xã Phìn Hồ", "xã Hồng Thu", "xã Phăng Sô Lin", "xã Ma Quai",
            "xã Tả Phìn", "xã Nậm Tăm", "xã Noong Hẻo", "xã Nậm Cha", "xã Pu Sam Cáp", "xã Căn Co", "xã Tủa Sín Chải", "xã Làng Mô",
            "xã Lùng Thàng", "xã Nậm Mạ", "xã Pa Khóa", "xã Sà Dề Phìn", "xã Tả Ngảo", "xã Minh Họa 2"]),
        ("UBND huyện Mường Tè", ["thị trấn Mường Tè", "xã Bum Tở", "xã Bum Nưa", "xã Ka Lăng", "xã Thu Lũm", "xã Pa Ủ", "xã Mù Cả",
            "xã Tà Tổng", "xã Kan Hồ", "xã Vàng San", "xã Pa Vệ Sủ", "xã Tá Bạ", "xã Nậm Khao", "xã Mường Tè", "xã Minh Họa 1"]),
        ("UBND huyện Than Uyên", ["thị trấn Than Uyên", "xã Mường Kim", "xã Mường Than", "xã Phúc Than", "xã Mường Cang", "xã Hua Nà",
            "xã Tà Hừa", "xã Pha Mu", "xã Tà Mung", "xã Khoen On", "xã Ta Gia", "xã Mường Mít"]),
        ("UBND huyện Tân Uyên", ["thị trấn Tân Uyên", "xã Mường Khoa", "xã Thân Thuộc", "xã Trung Đồng", "xã Hố Mít", "xã Nậm Cần",
            "xã Nậm Sỏ", "xã Pắc Ta", "xã Phúc Khoa", "xã Tà Mít"]),
        ("UBND huyện Nậm Nhùn", ["thị trấn Nậm Nhùn", "xã Lê Lợi", "xã Nậm Pì", "xã Nậm Hàng", "xã Nậm Manh", "xã Mường Mô", "xã Nậm Chà",
            "xã Hua Bum", "xã Pú Đao", "xã Trung Chải", "xã Nậm Ban"]),
    ];

    /// <summary>The communes generated to reach the source's 108 before the 2020 merger (no real names).</summary>
    public static readonly string[] GeneratedCommunes = ["xã Minh Họa 1", "xã Minh Họa 2"];

    public static readonly string[] DistrictUnits = Districts.Select(d => d.District).ToArray();

    /// <summary>Every commune-level People's Committee that existed in 2015–2020 (108).</summary>
    public static readonly string[] CommuneUnits = Districts.SelectMany(d => d.Communes).Select(c => "UBND " + c).ToArray();

    /// <summary>The commune-level committees after the 2020 merger (106).</summary>
    public static readonly string[] CommuneUnitsAfterMerger = CommuneUnits
        .Where(u => !Merged2020.Any(m => u == "UBND " + m.Merged)).ToArray();

    /// <summary>The commune-level People's Committees that exist on <paramref name="day"/> (the 2015 – 3/2020 demo range).</summary>
    public static string[] CommuneUnitsOn(DateOnly day) => day < Merger2020 ? CommuneUnits : CommuneUnitsAfterMerger;

    // The provincial bodies facts name (procedure catalogue's resolving units, legal drafting agencies): real names.
    public const string Justice = "Sở Tư pháp";
    public const string Environment = "Sở Tài nguyên và Môi trường";
    public const string Construction = "Sở Xây dựng";
    public const string Education = "Sở Giáo dục và Đào tạo";
    public const string Health = "Sở Y tế";
    public const string Planning = "Sở Kế hoạch và Đầu tư";
    public const string Trade = "Sở Công Thương";
    public const string Transport = "Sở Giao thông vận tải";
    public const string Labour = "Sở Lao động - Thương binh và Xã hội";
    public const string Agriculture = "Sở Nông nghiệp và Phát triển nông thôn";
    public const string Culture = "Sở Văn hóa, Thể thao và Du lịch";
    public const string Information = "Sở Thông tin và Truyền thông";
    public const string HomeAffairs = "Sở Nội vụ";
    public const string Finance = "Sở Tài chính";
    public const string Science = "Sở Khoa học và Công nghệ";
    public const string ForeignAffairs = "Sở Ngoại vụ";
    public const string Inspectorate = "Thanh tra tỉnh";
    public const string CommitteeOffice = "Văn phòng UBND tỉnh";
    public const string EthnicAffairs = "Ban Dân tộc tỉnh";

    /// <summary>Not a specialised agency: another body under the provincial committee.</summary>
    public const string EconomicZoneBoard = "Ban Quản lý Khu kinh tế cửa khẩu Ma Lù Thàng";

    /// <summary>The provincial committee's specialised agencies (cơ quan chuyên môn) with real names: 19 of the 22 in 2019.</summary>
    public static readonly string[] RealAgencies =
    [
        Justice, Finance, HomeAffairs, Planning, Agriculture, Environment, Education, Health, Construction, Transport, Trade, Culture, Labour,
        Information, Science, ForeignAffairs, Inspectorate, CommitteeOffice, EthnicAffairs,
    ];
}
