namespace Cchc.Cli.Demo;

/// <summary>
/// Receiving units for GENERATED dossiers: Lai Châu's 8 district-level units and commune-level units
/// (names as in 2015–2020; the list is illustrative, not an official register).
/// </summary>
internal static class LaiChauUnits
{
    /// <summary>District-level People's Committees with their commune-level units.</summary>
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
            "xã Lùng Thàng", "xã Nậm Mạ", "xã Pa Khóa", "xã Sà Dề Phìn", "xã Tả Ngảo"]),
        ("UBND huyện Mường Tè", ["thị trấn Mường Tè", "xã Bum Tở", "xã Bum Nưa", "xã Ka Lăng", "xã Thu Lũm", "xã Pa Ủ", "xã Mù Cả",
            "xã Tà Tổng", "xã Kan Hồ", "xã Vàng San", "xã Pa Vệ Sủ", "xã Tá Bạ", "xã Nậm Khao", "xã Mường Tè"]),
        ("UBND huyện Than Uyên", ["thị trấn Than Uyên", "xã Mường Kim", "xã Mường Than", "xã Phúc Than", "xã Mường Cang", "xã Hua Nà",
            "xã Tà Hừa", "xã Pha Mu", "xã Tà Mung", "xã Khoen On", "xã Ta Gia", "xã Mường Mít"]),
        ("UBND huyện Tân Uyên", ["thị trấn Tân Uyên", "xã Mường Khoa", "xã Thân Thuộc", "xã Trung Đồng", "xã Hố Mít", "xã Nậm Cần",
            "xã Nậm Sỏ", "xã Pắc Ta", "xã Phúc Khoa", "xã Tà Mít"]),
        ("UBND huyện Nậm Nhùn", ["thị trấn Nậm Nhùn", "xã Lê Lợi", "xã Nậm Pì", "xã Nậm Hàng", "xã Nậm Manh", "xã Mường Mô", "xã Nậm Chà",
            "xã Hua Bum", "xã Pú Đao", "xã Trung Chải", "xã Nậm Ban"]),
    ];

    public static readonly string[] DistrictUnits = Districts.Select(d => d.District).ToArray();

    public static readonly string[] CommuneUnits = Districts.SelectMany(d => d.Communes).Select(c => "UBND " + c).ToArray();
}
