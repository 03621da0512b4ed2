using System.Globalization;
using Cchc.Organisation.Api.Grpc;

namespace Cchc.Cli.Demo.Organisation;

/// <summary>
/// The demo registry and staffing facts: changes in date order (the import applies them in order), staffing items, and
/// the units the changes found (<see cref="Units"/>, from which the finance and e-government generators pick the units
/// their facts name).
/// </summary>
public sealed record DemoOrganisation(IReadOnlyList<UnitChange> Changes, IReadOnlyList<StaffingItem> Staffing, IReadOnlyList<DemoUnit> Units)
{
    public int UnitsFounded => Changes.Count(c => c.ChangeCase == UnitChange.ChangeOneofCase.Found);

    /// <summary>The unit registered under <paramref name="code"/>.</summary>
    public DemoUnit Unit(string code) => byCode.Value[code];

    /// <summary>Every unit of <paramref name="kind"/> that exists on every day of [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IEnumerable<DemoUnit> LiveThroughout(UnitKind kind, DateOnly from, DateOnly to) =>
        Units.Where(u => u.Kind == kind && u.LiveOn(from) && u.LiveOn(to));

    private readonly Lazy<Dictionary<string, DemoUnit>> byCode = new(() => Units.ToDictionary(u => u.Code, StringComparer.Ordinal));
}

/// <summary>
/// A unit the demo registry founds, as it stands in the report's periods (from <see cref="OrganisationDemo.CatalogAsOf"/> to
/// 31/3/2020): its name, kind, parent and sector on 1/1/2015 (or when founded later), the day it was founded and the last
/// day it existed if a merger or dissolution before 1/4/2020 ended it (the 2025 reform is after every generated fact and
/// not reflected here). Tests/Cchc.Organisation.Tests checks every generated fact against the registry the changes build.
/// </summary>
public sealed record DemoUnit(string Code, string Name, UnitKind Kind, string? ParentCode, PublicServiceSector Sector, DateOnly From, DateOnly? To)
{
    public bool LiveOn(DateOnly day) => From <= day && (To is null || day <= To);
}

/// <summary>
/// Generates the organisation demo: Lai Châu's real province and 8 district-level units (Tân Uyên founded 2008, Nậm
/// Nhùn 2013 with communes moved from Mường Tè and Sìn Hồ, Lai Châu town renamed city at the end of 2013), the
/// communes of <see cref="LaiChauUnits"/>, every administrative unit's HĐND and UBND, the provincial agencies (19 real
/// names, 4 GENERATED "Cơ quan chuyên môn Minh Họa n", one merged into another in 2014), sub-departments with real
/// names, and GENERATED agency divisions, district divisions and offices, public service units ("… Minh Họa nnn") so
/// that Appendix 4 at 2010-12-31 and 2019-12-31 equals the reference, with a history between those days (schools founded
/// 2011–2016, mergers 2011–2019) that leaves Appendix 6's units under autonomy alive on each report day; the bodies of the
/// Party, the Fatherland Front and the socio-political organisations with their public service units, and public S&amp;T
/// organisations — the budget units finance facts name that Appendix 4 does not count (docs/adr/0010-public-finance.md);
/// the 2020 commune merger and the 2025 two-tier reform (38 commune-level units: the grouping of communes is generated).
/// Staffing facts reproduce Appendix 5 and the body's figures. Everything is deterministic.
/// </summary>
public static class OrganisationDemo
{
    public const string ProvinceCode = "12";
    public static readonly DateOnly Founding = new(2004, 1, 1);
    public static readonly DateOnly TanUyenFounded = new(2008, 1, 1);
    public static readonly DateOnly NamNhunFounded = new(2013, 1, 1);
    public static readonly DateOnly CityRenamed = new(2013, 12, 27);
    public static readonly DateOnly AgencyMerger = new(2014, 7, 1);
    public static readonly DateOnly MarketSurveillanceTransferred = new(2018, 8, 1);
    public static readonly DateOnly Reform2025 = new(2025, 7, 1);

    /// <summary>The first day of the report's periods: the catalog's names and parents are the units' on this day.</summary>
    public static readonly DateOnly CatalogAsOf = new(2015, 1, 1);

    /// <summary>The last day of the generated facts (the report's 2020 column ends on 31 March).</summary>
    public static readonly DateOnly CatalogTo = new(2020, 3, 31);

    /// <summary>District committees' names (as in LaiChauUnits) → official code; the town's name before 2013-12-27.</summary>
    public static readonly (string Committee, string Code)[] DistrictCodes =
    [
        ("UBND thành phố Lai Châu", "105"), ("UBND huyện Tam Đường", "106"), ("UBND huyện Mường Tè", "107"), ("UBND huyện Sìn Hồ", "108"),
        ("UBND huyện Phong Thổ", "109"), ("UBND huyện Than Uyên", "110"), ("UBND huyện Tân Uyên", "111"), ("UBND huyện Nậm Nhùn", "112"),
    ];

    public const string TownName = "thị xã Lai Châu";

    public static readonly string[] GeneratedAgencies =
        ["Cơ quan chuyên môn Minh Họa 1", "Cơ quan chuyên môn Minh Họa 2", "Cơ quan chuyên môn Minh Họa 3", "Cơ quan chuyên môn Minh Họa 4"];

    public static readonly (string Name, string Agency)[] SubDepartments =
    [
        ("Chi cục Kiểm lâm", LaiChauUnits.Agriculture), ("Chi cục Thủy lợi", LaiChauUnits.Agriculture),
        ("Chi cục Phát triển nông thôn", LaiChauUnits.Agriculture), ("Chi cục Trồng trọt và Bảo vệ thực vật", LaiChauUnits.Agriculture),
        ("Chi cục Chăn nuôi và Thú y", LaiChauUnits.Agriculture), ("Chi cục Quản lý chất lượng Nông lâm sản và Thủy sản", LaiChauUnits.Agriculture),
        ("Chi cục Bảo vệ môi trường", LaiChauUnits.Environment), ("Chi cục Quản lý đất đai", LaiChauUnits.Environment),
        ("Chi cục Văn thư - Lưu trữ", LaiChauUnits.HomeAffairs), ("Chi cục Dân số - Kế hoạch hóa gia đình", LaiChauUnits.Health),
        ("Chi cục An toàn vệ sinh thực phẩm", LaiChauUnits.Health), ("Chi cục Tiêu chuẩn Đo lường Chất lượng", LaiChauUnits.Science),
        ("Chi cục Quản lý thị trường", LaiChauUnits.Trade),
    ];

    public static readonly string[] DistrictDivisionNames =
    [
        "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "Phòng Tài nguyên và Môi trường", "Phòng Lao động - Thương binh và Xã hội",
        "Phòng Văn hóa và Thông tin", "Phòng Giáo dục và Đào tạo", "Phòng Y tế", "Phòng Kinh tế và Hạ tầng", "Phòng Nông nghiệp và Phát triển nông thôn",
        "Phòng Dân tộc",
    ];

    /// <summary>Appendix 4's section III as the demo reproduces it: (sector, column) → (count at 2010-12-31, at 2019-12-31).</summary>
    public static readonly (PublicServiceSector Sector, int Column, int At2010, int At2019)[] ServiceUnitCells =
    [
        (PublicServiceSector.Other, 0, 6, 7),
        (PublicServiceSector.EducationTraining, 1, 25, 23), (PublicServiceSector.Health, 1, 28, 14),
        (PublicServiceSector.CultureSports, 1, 7, 4), (PublicServiceSector.Other, 1, 69, 32),
        (PublicServiceSector.EducationTraining, 2, 372, 322), (PublicServiceSector.Other, 2, 45, 48),
    ];

    /// <summary>District schools founded 2011–2016 (and as many older ones, plus Appendix 4's decrease, merged 2017–2019).</summary>
    public const int NewDistrictSchools = 45;

    /// <summary>
    /// When the service units of a column (1 provincial agencies, 2 district committees) fewer in 2019 than in 2010 merged:
    /// (year, count). Between Appendix 4's two dates the demo keeps enough units for Appendix 6's counts of units under
    /// autonomy on each year's last day (118, 119, 108, 98, 81 under agencies; 286, 479, 471, 427, 393 under districts,
    /// with the Party's and mass organisations' units the finance department counts in the same rows).
    /// </summary>
    public static readonly (int Column, (int Year, int Count)[] Schedule)[] MergerSchedules =
    [
        (1, [(2011, 2), (2012, 2), (2013, 2), (2014, 2), (2015, 2), (2016, 5), (2017, 12), (2018, 10), (2019, 19)]),
        (2, [(2017, 12), (2018, 45), (2019, 38)]),
    ];

    /// <summary>Public science and technology organisations (Decree 54/2016's row of Appendix 6: 3 until 2017, then 1).</summary>
    public static readonly string[] ScienceTechnologyOrganisations =
    [
        "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
        "Trung tâm Thông tin và Thống kê khoa học và công nghệ",
    ];

    /// <summary>The day the second and third science and technology organisations merged into the first.</summary>
    public static readonly DateOnly ScienceTechnologyMerger = new(2018, 1, 1);

    /// <summary>The province's Party committee, Fatherland Front committee and socio-political organisations.</summary>
    public static readonly string[] ProvinceBodies =
    [
        "Tỉnh ủy Lai Châu", "Ủy ban MTTQ Việt Nam tỉnh Lai Châu", "Hội Liên hiệp Phụ nữ tỉnh Lai Châu", "Hội Nông dân tỉnh Lai Châu",
        "Tỉnh đoàn Lai Châu", "Hội Cựu chiến binh tỉnh Lai Châu",
    ];

    /// <summary>Public service units of the province's Party and mass organisations (the political school, the newspaper, 6 generated).</summary>
    public const int ProvincePartyServiceUnits = 8;

    /// <summary>Public service units of the districts' Party and mass organisations (8 political training centres, 15 generated).</summary>
    public const int DistrictPartyServiceUnits = 23;

    /// <summary>Agency divisions at 2010-12-31 (128) and 2019-12-31 (108).</summary>
    public const int AgencyDivisions2010 = 128;
    public const int AgencyDivisionsMerged = 20;

    public static DemoOrganisation Generate() => new Builder().Build();

    public static string CommuneCode(string districtCode, int index) => string.Create(CultureInfo.InvariantCulture, $"{districtCode}-{index + 1:00}");

    public static string Body(string code, bool council) => code + (council ? "-HDND" : "-UBND");

    private sealed class Builder
    {
        private readonly List<(DateOnly On, int Seq, UnitChange Change)> changes = [];
        private readonly Dictionary<string, string> agencyCode = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> districtOf = new(StringComparer.Ordinal);

        public DemoOrganisation Build()
        {
            Province();
            Districts();
            Agencies();
            ServiceUnits();
            ScienceTechnology();
            PartyAndMassOrganisations();
            RecordMerger2020();
            RecordReform2025();
            var ordered = changes.OrderBy(c => c.On).ThenBy(c => c.Seq).Select(c => c.Change).ToList();
            return new DemoOrganisation(ordered, StaffingDemo.Generate(this.agencyCode), [.. catalog.Values]);
        }

        /// <summary>The units founded, as they stand from <see cref="CatalogAsOf"/> (see <see cref="DemoUnit"/>), in founding order.</summary>
        private readonly Dictionary<string, DemoUnit> catalog = new(StringComparer.Ordinal);

        private void Province()
        {
            Found(Founding, ProvinceCode, LaiChauUnits.Province, UnitKind.Province, null, official: "12");
            Bodies(Founding, ProvinceCode, LaiChauUnits.Province);
        }

        private void Districts()
        {
            foreach (var (committee, communes) in LaiChauUnits.Districts)
            {
                var code = DistrictCodes.Single(d => d.Committee == committee).Code;
                var name = committee["UBND ".Length..];
                var founded = code switch { "111" => TanUyenFounded, "112" => NamNhunFounded, _ => Founding };
                var firstName = code == "105" ? TownName : name;
                Found(founded, code, firstName, UnitKind.DistrictLevel, ProvinceCode, official: code);
                Bodies(founded, code, firstName);
                var divisions = code == "105" || code == "112" ? DistrictDivisionNames[..10] : DistrictDivisionNames;
                for (var i = 0; i < divisions.Length; i++)
                {
                    Found(founded, $"{code}-P{i + 1:00}", $"{divisions[i]} {firstName}", UnitKind.DistrictDivision, Body(code, false));
                }
                Found(founded, $"{code}-VP", $"Văn phòng HĐND và UBND {firstName}", UnitKind.DistrictOfficeOrInspectorate, Body(code, false));
                Found(founded, $"{code}-TT", $"Thanh tra {firstName}", UnitKind.DistrictOfficeOrInspectorate, Body(code, false));
                if (code == "105")
                {
                    // Lai Châu town became a city at the end of 2013: the unit, its bodies and its divisions are renamed.
                    Rename(CityRenamed, code, name);
                    Rename(CityRenamed, Body(code, true), "HĐND " + name);
                    Rename(CityRenamed, Body(code, false), "UBND " + name);
                    for (var i = 0; i < divisions.Length; i++)
                    {
                        Rename(CityRenamed, $"{code}-P{i + 1:00}", $"{divisions[i]} {name}");
                    }
                    Rename(CityRenamed, $"{code}-VP", $"Văn phòng HĐND và UBND {name}");
                    Rename(CityRenamed, $"{code}-TT", $"Thanh tra {name}");
                }
                for (var i = 0; i < communes.Length; i++)
                {
                    var communeCode = CommuneCode(code, i);
                    districtOf[communeCode] = code;
                    // Tân Uyên's and Nậm Nhùn's communes existed before their districts (in Than Uyên; in Mường Tè and Sìn
                    // Hồ) and moved to them when these were founded; their district towns were founded with them.
                    var (since, firstParent) = code switch
                    {
                        "111" when i > 0 => (Founding, "110"),
                        "112" when i > 0 => (Founding, i % 2 == 1 ? "107" : "108"),
                        _ => (founded, code),
                    };
                    Found(since, communeCode, communes[i], UnitKind.CommuneLevel, firstParent);
                    Bodies(since, communeCode, communes[i]);
                    if (firstParent != code)
                    {
                        Move(founded, communeCode, code);
                    }
                }
            }
        }

        private void Agencies()
        {
            var committee = Body(ProvinceCode, false);
            var all = LaiChauUnits.RealAgencies.Concat(GeneratedAgencies).ToArray();
            for (var i = 0; i < all.Length; i++)
            {
                var code = $"SO-{i + 1:00}";
                agencyCode[all[i]] = code;
                Found(Founding, code, all[i], UnitKind.SpecialisedAgency, committee);
            }
            Found(Founding, "BQL-KKT", LaiChauUnits.EconomicZoneBoard, UnitKind.OtherProvincialAgency, committee);
            for (var i = 0; i < SubDepartments.Length; i++)
            {
                Found(Founding, $"CC-{i + 1:00}", SubDepartments[i].Name, UnitKind.SubDepartment, agencyCode[SubDepartments[i].Agency]);
            }
            // Chi cục Quản lý thị trường was transferred to the Ministry of Industry and Trade in 2018: it leaves the province.
            Dissolve(MarketSurveillanceTransferred, $"CC-{SubDepartments.Length:00}");

            // Agency divisions: an office (văn phòng) and numbered divisions per agency, 128 in all by 2010; 20 divisions
            // merged into their agency's office in 2015–2016 (108 at 2019).
            var perAgency = new int[all.Length];
            for (var k = 0; k < AgencyDivisions2010; k++)
            {
                perAgency[k % all.Length]++;
            }
            for (var a = 0; a < all.Length; a++)
            {
                var agency = agencyCode[all[a]];
                Found(Founding, $"{agency}-VP", $"Văn phòng - {all[a]}", UnitKind.AgencyDivision, agency);
                for (var n = 1; n < perAgency[a]; n++)
                {
                    Found(Founding, $"{agency}-P{n:00}", $"Phòng Nghiệp vụ Minh Họa {n} - {all[a]}", UnitKind.AgencyDivision, agency);
                }
            }
            for (var a = 0; a < AgencyDivisionsMerged; a++)
            {
                var agency = agencyCode[all[a]];
                var on = new DateOnly(2015, 1, 1).AddDays(30 * a);
                Merge(on, $"merge-{agency}-P{perAgency[a] - 1:00}", [$"{agency}-P{perAgency[a] - 1:00}"], $"{agency}-VP");
            }
            // The fourth generated agency merged into the third in mid-2014 (23 agencies in 2010, 22 from then on).
            Merge(AgencyMerger, "merge-SO-23", [agencyCode[GeneratedAgencies[3]]], agencyCode[GeneratedAgencies[2]]);
        }

        private void ServiceUnits()
        {
            var committee = Body(ProvinceCode, false);
            var otherAgencies = LaiChauUnits.RealAgencies.Where(a => a is not (LaiChauUnits.Education or LaiChauUnits.Health or LaiChauUnits.Culture))
                .Select(a => agencyCode[a]).ToArray();
            var districts2010 = DistrictCodes.Where(d => d.Code != "112").Select(d => d.Code).ToArray();
            var number = 0;
            var mergers = new List<(int Column, string Code, string Target)>();
            foreach (var (sector, column, at2010, at2019) in ServiceUnitCells)
            {
                // The district schools founded 2011–2016 (semi-boarding schools, preschools split off) and merged away
                // 2017–2019 with more of the older ones (Resolution 19-NQ/TW): the counts between the two dates Appendix
                // 4 gives are the demo's, sized so that Appendix 6 counts live units (docs/adr/0010-public-finance.md).
                var newSchools = column == 2 && sector == PublicServiceSector.EducationTraining ? NewDistrictSchools : 0;
                var codes = new List<(string Code, string Parent)>();
                for (var i = 0; i < Math.Max(at2010, at2019) + newSchools; i++)
                {
                    var code = $"DV-{++number:0000}";
                    var name = $"{Prefix(sector)} Minh Họa {number:0000}";
                    string parent;
                    DateOnly founded;
                    if (i < at2010)
                    {
                        parent = column switch
                        {
                            0 => committee,
                            1 => sector switch
                            {
                                PublicServiceSector.EducationTraining => agencyCode[LaiChauUnits.Education],
                                PublicServiceSector.Health => agencyCode[LaiChauUnits.Health],
                                PublicServiceSector.CultureSports => agencyCode[LaiChauUnits.Culture],
                                _ => otherAgencies[i % otherAgencies.Length],
                            },
                            _ => Body(districts2010[i % districts2010.Length], false),
                        };
                        founded = column == 2 && parent == Body("111", false) ? TanUyenFounded : Founding;
                    }
                    else if (newSchools > 0)
                    {
                        // Eight a school year from August 2011, in the seven districts of 2010.
                        var k = i - at2010;
                        parent = Body(districts2010[k % districts2010.Length], false);
                        founded = new DateOnly(2011 + k / 8, 8, 15);
                    }
                    else
                    {
                        // Founded after 2010: at the provincial committee in 2016, or in Nậm Nhùn after its founding.
                        parent = column == 2 ? Body("112", false) : committee;
                        founded = column == 2 ? new DateOnly(2013, 6, 1) : new DateOnly(2016, 1, 1);
                    }
                    Found(founded, code, name, UnitKind.PublicServiceUnit, parent, sector);
                    codes.Add((code, parent));
                }
                // Schools of Mường Tè and Sìn Hồ moved to Nậm Nhùn when it was founded (every 8th of those of 2010).
                var moved = new HashSet<string>(StringComparer.Ordinal);
                if (column == 2 && sector == PublicServiceSector.EducationTraining)
                {
                    var movable = codes.Take(at2010).Where(c => c.Parent == Body("107", false) || c.Parent == Body("108", false)).Where((_, k) => k % 8 == 0).ToList();
                    foreach (var (code, _) in movable)
                    {
                        Move(NamNhunFounded, code, Body("112", false));
                        moved.Add(code);
                    }
                }
                // Fewer units in 2019: the last ones of 2010 (not those moved to Nậm Nhùn) merged into the first unit of
                // their parent, on the dates of the column's schedule.
                var merged = codes.Take(at2010).Reverse().Where(c => !moved.Contains(c.Code)).Take(Math.Max(0, at2010 + newSchools - at2019)).ToList();
                foreach (var unit in merged)
                {
                    var target = codes.First(c => c.Parent == unit.Parent);
                    mergers.Add((column, unit.Code, target.Code == unit.Code ? codes[0].Code : target.Code));
                }
            }
            foreach (var (column, schedule) in MergerSchedules)
            {
                var queue = new Queue<(int Column, string Code, string Target)>(mergers.Where(m => m.Column == column));
                foreach (var (year, count) in schedule)
                {
                    for (var k = 0; k < count; k++)
                    {
                        var (_, code, target) = queue.Dequeue();
                        // District schools merge when a school year starts; other units through the year.
                        var on = column == 2 ? new DateOnly(year, 8, 1).AddDays(k * 30 / count) : new DateOnly(year, 2, 1).AddDays(k * 300 / count);
                        Merge(on, $"merge-{code}", [code], target);
                    }
                }
                if (queue.Count > 0)
                {
                    throw new InvalidOperationException($"The merger schedule of column {column} leaves {queue.Count} units unmerged.");
                }
            }
        }

        /// <summary>Public science and technology organisations of the Department of Science and Technology: two merged into the first in 2018.</summary>
        private void ScienceTechnology()
        {
            var science = agencyCode[LaiChauUnits.Science];
            for (var i = 0; i < ScienceTechnologyOrganisations.Length; i++)
            {
                Found(Founding, $"KHCN-{i + 1:00}", ScienceTechnologyOrganisations[i], UnitKind.PublicScienceTechnologyOrganisation, science);
            }
            Merge(ScienceTechnologyMerger, "merge-KHCN-02-03", ["KHCN-02", "KHCN-03"], "KHCN-01");
        }

        /// <summary>
        /// The bodies of the Party, the Fatherland Front and the socio-political organisations at the province and in each
        /// district (budget units of the province and districts beside the People's Committees' own organisations), and
        /// their public service units. Names of real kinds of bodies; the service units beyond the political training
        /// centres, the school and the newspaper, and the veterans' associations merged in 2017–2018, are GENERATED.
        /// </summary>
        private void PartyAndMassOrganisations()
        {
            var bodies = new List<string>();
            for (var i = 0; i < ProvinceBodies.Length; i++)
            {
                var code = $"{ProvinceCode}-DT{i + 1}";
                Found(Founding, code, ProvinceBodies[i], UnitKind.PartyOrMassOrganisation, ProvinceCode);
                bodies.Add(code);
            }
            var number = 0;
            void ServiceUnit(string parent, string? name, PublicServiceSector sector, DateOnly founded) =>
                Found(founded, $"DV-DT-{++number:00}", name ?? $"Đơn vị sự nghiệp đoàn thể Minh Họa {number:00}", UnitKind.PublicServiceUnit, parent, sector);
            ServiceUnit(bodies[0], "Trường Chính trị tỉnh Lai Châu", PublicServiceSector.EducationTraining, Founding);
            ServiceUnit(bodies[0], "Báo Lai Châu", PublicServiceSector.CultureSports, Founding);
            for (var k = 0; k < ProvincePartyServiceUnits - 2; k++)
            {
                ServiceUnit(bodies[1 + k % (bodies.Count - 1)], null, PublicServiceSector.Other, Founding);
            }

            var districtBodies = new List<(string Code, DateOnly Founded)>();
            foreach (var (committee, code) in DistrictCodes)
            {
                var name = committee["UBND ".Length..];
                var founded = code switch { "111" => TanUyenFounded, "112" => NamNhunFounded, _ => Founding };
                var firstName = code == "105" ? TownName : name;
                var names = DistrictBodyNames(firstName);
                var count = code == "112" ? names.Length - 1 : names.Length; // Nậm Nhùn (2013) without a veterans' association of its own
                for (var i = 0; i < count; i++)
                {
                    Found(founded, $"{code}-DT{i + 1}", names[i], UnitKind.PartyOrMassOrganisation, code);
                    if (code == "105")
                    {
                        Rename(CityRenamed, $"{code}-DT{i + 1}", DistrictBodyNames(name)[i]);
                    }
                }
                ServiceUnit($"{code}-DT1", $"Trung tâm Bồi dưỡng chính trị {firstName}", PublicServiceSector.EducationTraining, founded);
                if (code == "105")
                {
                    Rename(CityRenamed, $"DV-DT-{number:00}", $"Trung tâm Bồi dưỡng chính trị {name}");
                }
                districtBodies.AddRange(Enumerable.Range(2, 4).Select(i => ($"{code}-DT{i}", founded)));
            }
            for (var k = 0; k < DistrictPartyServiceUnits - DistrictCodes.Length; k++)
            {
                var (parent, founded) = districtBodies[k * 7 % districtBodies.Count];
                ServiceUnit(parent, null, PublicServiceSector.Other, founded);
            }
            // The veterans' associations of seven districts merged into their district's Fatherland Front committee (generated).
            var veterans = DistrictCodes.Where(d => d.Code != "112").Select(d => d.Code).ToList();
            for (var i = 0; i < veterans.Count; i++)
            {
                var on = i < 3 ? new DateOnly(2017, 7, 1) : new DateOnly(2018, 7, 1);
                Merge(on, $"merge-{veterans[i]}-DT6", [$"{veterans[i]}-DT6"], $"{veterans[i]}-DT2");
            }
        }

        /// <summary>A district's Party committee, Fatherland Front committee, women's and farmers' unions, youth union and veterans' association.</summary>
        private static string[] DistrictBodyNames(string district)
        {
            var space = district.StartsWith("thành phố ", StringComparison.Ordinal) ? "thành phố ".Length
                : district.StartsWith("thị xã ", StringComparison.Ordinal) ? "thị xã ".Length : "huyện ".Length;
            var (party, youth) = district[..space] switch { "thành phố " => ("Thành ủy ", "Thành đoàn "), "thị xã " => ("Thị ủy ", "Thị đoàn "), _ => ("Huyện ủy ", "Huyện đoàn ") };
            var bare = district[space..];
            return [party + bare, "Ủy ban MTTQ Việt Nam " + district, "Hội Liên hiệp Phụ nữ " + district, "Hội Nông dân " + district, youth + bare,
                "Hội Cựu chiến binh " + district];
        }

        private static string Prefix(PublicServiceSector sector) => sector switch
        {
            PublicServiceSector.EducationTraining => "Trường",
            PublicServiceSector.Health => "Cơ sở y tế",
            PublicServiceSector.CultureSports => "Trung tâm Văn hóa - Thể thao",
            _ => "Đơn vị sự nghiệp",
        };

        private void RecordMerger2020()
        {
            var code = CodeOf;
            var on = LaiChauUnits.Merger2020;
            Move(on, code("xã Sùng Phài"), "105");
            foreach (var (merged, into) in LaiChauUnits.Merged2020)
            {
                Merge(on, $"merge-{code(merged)}", [code(merged)], code(into));
            }
        }

        private void RecordReform2025()
        {
            var on = Reform2025;
            var code = CodeOf;
            var groups = new List<(string Name, string[] Sources)>
            {
                ("phường Tân Phong", [code("phường Tân Phong"), code("phường Quyết Thắng"), code("phường Đông Phong"), code("xã San Thàng")]),
                ("phường Đoàn Kết", [code("phường Đoàn Kết"), code("phường Quyết Tiến"), code("xã Sùng Phài")]),
            };
            var merged2020 = LaiChauUnits.Merged2020.Select(m => m.Merged).ToHashSet(StringComparer.Ordinal);
            var rest = LaiChauUnits.Districts.Skip(1)
                .SelectMany(d => d.Communes.Where(c => c != "xã Sùng Phài" && !merged2020.Contains(c)))
                .ToList();
            // 99 communes into 36: 27 groups of three, then 9 of two (a generated grouping, not the real one).
            // A new commune takes the name of one of its communes ("thị trấn Tam Đường" → "xã Tam Đường"), never the name of
            // another group's commune (still live when the new one is founded the same day) nor of another new commune.
            var used = new HashSet<string>(groups.Select(g => g.Name), StringComparer.Ordinal);
            var oldNames = LaiChauUnits.Districts.SelectMany(d => d.Communes).ToHashSet(StringComparer.Ordinal);
            var start = 0;
            for (var g = 0; g < 36; g++)
            {
                var size = g < 27 ? 3 : 2;
                var members = rest.Skip(start).Take(size).ToList();
                start += size;
                var name = members.Select(m => "xã " + m[(m.IndexOf(' ', m.StartsWith("thị trấn", StringComparison.Ordinal) ? 4 : 0) + 1)..])
                    .First(n => (!oldNames.Contains(n) || members.Contains(n)) && used.Add(n));
                groups.Add((name, members.Select(code).ToArray()));
            }
            if (start != rest.Count)
            {
                throw new InvalidOperationException($"The 2025 grouping covers {start} of {rest.Count} communes.");
            }
            var newCodes = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var g = 0; g < groups.Count; g++)
            {
                var newCode = $"N25-{g + 1:00}";
                foreach (var source in groups[g].Sources)
                {
                    newCodes[source] = newCode;
                }
                var change = new UnitChange
                {
                    Merge = new MergeUnitsRequest
                    {
                        ChangeId = $"reform-2025-{newCode}",
                        EffectiveOn = Iso(on),
                        NewTarget = new UnitSpec
                        {
                            UnitCode = newCode, Name = groups[g].Name, Kind = UnitKind.CommuneLevel, ParentCode = ProvinceCode,
                        },
                    },
                };
                change.Merge.SourceCodes.AddRange(groups[g].Sources);
                Add(on, change);
            }
            // Service units of the district committees go to the commune that took the district's first commune (its town).
            foreach (var (committee, communes) in LaiChauUnits.Districts)
            {
                var district = DistrictCodes.Single(d => d.Committee == committee).Code;
                var town = newCodes[CommuneCode(district, 0)];
                var target = Body(town, false);
                foreach (var unit in districtServiceUnits.Where(u => u.District == district).Select(u => u.Code))
                {
                    Add(on, new UnitChange { Move = new MoveUnitRequest { ChangeId = $"reform-2025-move-{unit}", EffectiveOn = Iso(on), UnitCode = unit, NewParentCode = target } });
                }
            }
            Add(on, new UnitChange
            {
                AbolishLevel = new AbolishLevelRequest
                {
                    ChangeId = "reform-2025-district-level", EffectiveOn = Iso(on), Level = UnitKind.DistrictLevel, NewParentCode = ProvinceCode,
                },
            });
        }

        private readonly List<(string Code, string District)> districtServiceUnits = [];

        private string CodeOf(string commune)
        {
            foreach (var (committee, communes) in LaiChauUnits.Districts)
            {
                var i = Array.IndexOf(communes, commune);
                if (i >= 0)
                {
                    return CommuneCode(DistrictCodes.Single(d => d.Committee == committee).Code, i);
                }
            }
            throw new InvalidOperationException($"Unknown commune {commune}.");
        }

        private void Bodies(DateOnly on, string code, string name)
        {
            Found(on, Body(code, true), "HĐND " + name, UnitKind.PeoplesCouncil, code);
            Found(on, Body(code, false), "UBND " + name, UnitKind.PeoplesCommittee, code);
        }

        private void Found(DateOnly on, string code, string name, UnitKind kind, string? parent, PublicServiceSector sector = PublicServiceSector.Unspecified,
            string? official = null)
        {
            if (kind == UnitKind.PublicServiceUnit && parent is { } p && p.EndsWith("-UBND", StringComparison.Ordinal) && p != Body(ProvinceCode, false))
            {
                districtServiceUnits.Add((code, p[..^"-UBND".Length]));
            }
            catalog.Add(code, new DemoUnit(code, name, kind, parent, sector, on, null));
            Add(on, new UnitChange
            {
                Found = new FoundUnitRequest
                {
                    ChangeId = $"found-{code}",
                    EffectiveOn = Iso(on),
                    Unit = new UnitSpec { UnitCode = code, Name = name, Kind = kind, ParentCode = parent ?? "", Sector = sector, OfficialCode = official ?? "" },
                },
            });
        }

        private void Rename(DateOnly on, string code, string name)
        {
            Catalogue(on, code, u => u with { Name = name });
            Add(on, new UnitChange { Rename = new RenameUnitRequest { ChangeId = $"rename-{code}-{Iso(on)}", EffectiveOn = Iso(on), UnitCode = code, NewName = name } });
        }

        /// <summary>A rename or move before <see cref="CatalogAsOf"/> is the catalog's state; none happens inside the facts' range but Sùng Phài's move to the city (2020), which no generator reads.</summary>
        private void Catalogue(DateOnly on, string code, Func<DemoUnit, DemoUnit> change)
        {
            if (on < CatalogAsOf && catalog.TryGetValue(code, out var unit))
            {
                catalog[code] = change(unit);
            }
        }

        /// <summary>A unit ended by a change dated inside the facts' range exists up to the day before; an administrative unit's bodies end with it.</summary>
        private void Ended(DateOnly on, string code)
        {
            if (on > CatalogTo)
            {
                return;
            }
            foreach (var ended in new[] { code, Body(code, true), Body(code, false) })
            {
                if (catalog.TryGetValue(ended, out var unit) && (ended == code || unit.ParentCode == code))
                {
                    catalog[ended] = unit with { To = on.AddDays(-1) };
                }
            }
        }

        private void Move(DateOnly on, string code, string parent)
        {
            Catalogue(on, code, u => u with { ParentCode = parent });
            Add(on, new UnitChange { Move = new MoveUnitRequest { ChangeId = $"move-{code}-{Iso(on)}", EffectiveOn = Iso(on), UnitCode = code, NewParentCode = parent } });
            var index = districtServiceUnits.FindIndex(u => u.Code == code);
            if (index >= 0 && parent.EndsWith("-UBND", StringComparison.Ordinal))
            {
                districtServiceUnits[index] = (code, parent[..^"-UBND".Length]);
            }
        }

        private void Dissolve(DateOnly on, string code)
        {
            Ended(on, code);
            Add(on, new UnitChange { Dissolve = new DissolveUnitRequest { ChangeId = $"dissolve-{code}", EffectiveOn = Iso(on), UnitCode = code } });
        }

        private void Merge(DateOnly on, string id, string[] sources, string target)
        {
            var change = new UnitChange { Merge = new MergeUnitsRequest { ChangeId = id, EffectiveOn = Iso(on), ExistingTargetCode = target } };
            change.Merge.SourceCodes.AddRange(sources);
            Add(on, change);
            districtServiceUnits.RemoveAll(u => sources.Contains(u.Code));
            foreach (var source in sources)
            {
                Ended(on, source);
                // What a merged organisation held moves to the target (a merged administrative unit's bodies end with it).
                foreach (var child in catalog.Values.Where(u => u.ParentCode == source && u.LiveOn(on)).ToList())
                {
                    Catalogue(on, child.Code, u => u with { ParentCode = target });
                }
            }
        }

        private void Add(DateOnly on, UnitChange change) => changes.Add((on, changes.Count, change));
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
