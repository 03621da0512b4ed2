using System.Globalization;
using Cchc.Organisation.Api.Grpc;

namespace Cchc.Cli.Demo.Organisation;

/// <summary>The demo registry and staffing facts: changes in date order (the import applies them in order) and staffing items.</summary>
public sealed record DemoOrganisation(IReadOnlyList<UnitChange> Changes, IReadOnlyList<StaffingItem> Staffing)
{
    public int UnitsFounded => Changes.Count(c => c.ChangeCase == UnitChange.ChangeOneofCase.Found);
}

/// <summary>
/// Generates the organisation demo: Lai Châu's real province and 8 district-level units (Tân Uyên founded 2008, Nậm
/// Nhùn 2013 with communes moved from Mường Tè and Sìn Hồ, Lai Châu town renamed city at the end of 2013), the
/// communes of <see cref="LaiChauUnits"/>, every administrative unit's HĐND and UBND, the provincial agencies (19 real
/// names, 4 GENERATED "Cơ quan chuyên môn Minh Họa n", one merged into another in 2014), sub-departments with real
/// names, and GENERATED agency divisions, district divisions and offices, public service units ("… Minh Họa nnn") so
/// that Appendix 4 at 2010-12-31 and 2019-12-31 equals the reference; the 2020 commune merger and the 2025 two-tier
/// reform (38 commune-level units: the grouping of communes is generated). Staffing facts reproduce Appendix 5 and the
/// body's figures. Everything is deterministic.
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
            RecordMerger2020();
            RecordReform2025();
            var ordered = changes.OrderBy(c => c.On).ThenBy(c => c.Seq).Select(c => c.Change).ToList();
            return new DemoOrganisation(ordered, StaffingDemo.Generate(this.agencyCode));
        }

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
            foreach (var (sector, column, at2010, at2019) in ServiceUnitCells)
            {
                var codes = new List<(string Code, string Parent)>();
                for (var i = 0; i < Math.Max(at2010, at2019); i++)
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
                    else
                    {
                        // Founded after 2010: at the provincial committee in 2016, or in Nậm Nhùn after its founding.
                        parent = column == 2 ? Body("112", false) : committee;
                        founded = column == 2 ? new DateOnly(2013, 6, 1) : new DateOnly(2016, 1, 1);
                    }
                    Found(founded, code, name, UnitKind.PublicServiceUnit, parent, sector);
                    codes.Add((code, parent));
                }
                // Schools of Mường Tè and Sìn Hồ moved to Nậm Nhùn when it was founded (every 8th of them).
                var moved = new HashSet<string>(StringComparer.Ordinal);
                if (column == 2 && sector == PublicServiceSector.EducationTraining)
                {
                    var movable = codes.Where(c => c.Parent == Body("107", false) || c.Parent == Body("108", false)).Where((_, k) => k % 8 == 0).ToList();
                    foreach (var (code, _) in movable)
                    {
                        Move(NamNhunFounded, code, Body("112", false));
                        moved.Add(code);
                    }
                }
                // Fewer units in 2019: the last ones (not those moved to Nậm Nhùn) merged into the first unit of their
                // parent during 2011–2016.
                var merged = codes.Take(at2010).Reverse().Where(c => !moved.Contains(c.Code)).Take(Math.Max(0, at2010 - at2019)).ToList();
                for (var k = 0; k < merged.Count; k++)
                {
                    var target = codes.First(c => c.Parent == merged[k].Parent);
                    var on = new DateOnly(2011, 3, 1).AddDays(37 * k);
                    Merge(on, $"merge-{merged[k].Code}", [merged[k].Code], target.Code == merged[k].Code ? codes[0].Code : target.Code);
                }
            }
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

        private void Rename(DateOnly on, string code, string name) =>
            Add(on, new UnitChange { Rename = new RenameUnitRequest { ChangeId = $"rename-{code}-{Iso(on)}", EffectiveOn = Iso(on), UnitCode = code, NewName = name } });

        private void Move(DateOnly on, string code, string parent)
        {
            Add(on, new UnitChange { Move = new MoveUnitRequest { ChangeId = $"move-{code}-{Iso(on)}", EffectiveOn = Iso(on), UnitCode = code, NewParentCode = parent } });
            var index = districtServiceUnits.FindIndex(u => u.Code == code);
            if (index >= 0 && parent.EndsWith("-UBND", StringComparison.Ordinal))
            {
                districtServiceUnits[index] = (code, parent[..^"-UBND".Length]);
            }
        }

        private void Dissolve(DateOnly on, string code) =>
            Add(on, new UnitChange { Dissolve = new DissolveUnitRequest { ChangeId = $"dissolve-{code}", EffectiveOn = Iso(on), UnitCode = code } });

        private void Merge(DateOnly on, string id, string[] sources, string target)
        {
            var change = new UnitChange { Merge = new MergeUnitsRequest { ChangeId = id, EffectiveOn = Iso(on), ExistingTargetCode = target } };
            change.Merge.SourceCodes.AddRange(sources);
            Add(on, change);
            districtServiceUnits.RemoveAll(u => sources.Contains(u.Code));
        }

        private void Add(DateOnly on, UnitChange change) => changes.Add((on, changes.Count, change));
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
