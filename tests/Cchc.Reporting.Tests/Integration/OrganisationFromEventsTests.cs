using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.CivilService;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Organisation;
using Cchc.Testing;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// Appendices 4 and 5, the organisation key figures and staffing by unit (with roll-up to successors), computed from
/// consumed UnitsChanged and StaffingRecorded events and compared with what the test's own facts imply.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OrganisationFromEventsTests(PostgresServer postgres)
{
    private static readonly DateOnly Start = new(2004, 1, 1);
    private static readonly DateOnly Reform = new(2025, 7, 1);

    private static UnitHistory Unit(string code, string name, UnitKind kind, string? parent, DateOnly? from = null, DateOnly? to = null,
        PublicServiceSector sector = PublicServiceSector.Unspecified, string[]? successors = null, long revision = 1) => new()
    {
        UnitCode = code,
        Revision = revision,
        Periods = [new UnitPeriod { From = from ?? Start, To = to, Name = name, Kind = kind, ParentCode = parent, Sector = sector, SuccessorCodes = successors ?? [] }],
    };

    /// <summary>A province, one district abolished in 2025 and one founded in 2013, agencies, service units in each column, two communes merged in 2025.</summary>
    private static List<UnitHistory> Structure()
    {
        var endOfDistricts = Reform.AddDays(-1);
        var units = new List<UnitHistory>
        {
            Unit("P", "tỉnh T", UnitKind.Province, null),
            Unit("P-UBND", "UBND tỉnh T", UnitKind.PeoplesCommittee, "P"),
            Unit("D1", "huyện Một", UnitKind.DistrictLevel, "P", to: endOfDistricts),
            Unit("D1-UBND", "UBND huyện Một", UnitKind.PeoplesCommittee, "D1", to: endOfDistricts),
            Unit("D2", "huyện Hai", UnitKind.DistrictLevel, "P", from: new DateOnly(2013, 1, 1), to: endOfDistricts),
            Unit("D2-UBND", "UBND huyện Hai", UnitKind.PeoplesCommittee, "D2", from: new DateOnly(2013, 1, 1), to: endOfDistricts),
            Unit("D1-P1", "Phòng Tư pháp huyện Một", UnitKind.DistrictDivision, "D1-UBND", to: endOfDistricts),
            Unit("D1-VP", "Văn phòng huyện Một", UnitKind.DistrictOfficeOrInspectorate, "D1-UBND", to: endOfDistricts),
            Unit("S1", "Sở Một", UnitKind.SpecialisedAgency, "P-UBND"),
            Unit("S2", "Sở Hai", UnitKind.SpecialisedAgency, "P-UBND", to: new DateOnly(2014, 6, 30), successors: ["S1"]),
            Unit("S1-CC", "Chi cục Một", UnitKind.SubDepartment, "S1"),
            Unit("S1-P1", "Phòng Một", UnitKind.AgencyDivision, "S1"),
            Unit("V1", "Trường tỉnh", UnitKind.PublicServiceUnit, "S1", sector: PublicServiceSector.EducationTraining),
            Unit("V2", "Bệnh viện", UnitKind.PublicServiceUnit, "S1-CC", sector: PublicServiceSector.Health),
            Unit("V3", "Trung tâm tỉnh", UnitKind.PublicServiceUnit, "P-UBND", sector: PublicServiceSector.Other),
            Unit("V4", "Trường huyện", UnitKind.PublicServiceUnit, "D1-UBND", sector: PublicServiceSector.EducationTraining, to: endOfDistricts),
            Unit("V5", "Trường huyện Hai", UnitKind.PublicServiceUnit, "D2-UBND", from: new DateOnly(2015, 1, 1), sector: PublicServiceSector.EducationTraining, to: endOfDistricts),
            Unit("V6", "Nhà văn hóa", UnitKind.PublicServiceUnit, "V1", sector: PublicServiceSector.CultureSports, to: new DateOnly(2012, 12, 31)),
            Unit("C1-UBND", "UBND xã Một", UnitKind.PeoplesCommittee, "C1", to: endOfDistricts, successors: ["N-UBND"]),
            Unit("C2-UBND", "UBND xã Hai", UnitKind.PeoplesCommittee, "C2", to: endOfDistricts, successors: ["N-UBND"]),
            Unit("N", "xã Mới", UnitKind.CommuneLevel, "P", from: Reform),
            Unit("N-UBND", "UBND xã Mới", UnitKind.PeoplesCommittee, "N", from: Reform),
        };
        foreach (var c in new[] { "C1", "C2" })
        {
            units.Add(Unit(c, "xã " + c, UnitKind.CommuneLevel, "D1", to: endOfDistricts, successors: ["N"]));
        }
        return units;
    }

    private static bool Live(UnitHistory u, DateOnly day) => u.Periods.Any(p => p.From <= day && (p.To is null || p.To >= day));

    [Fact]
    public async Task Appendix4_OnDays_CountsTheStructureOfThoseDays_InOneFlatListOfRows()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "org_app4");
        var units = Structure();
        var now = DateTimeOffset.UtcNow;
        await app.ConsumeAsync<UnitsChangedConsumer, UnitsChanged>(new() { Units = units.Take(10).ToList(), OccurredAt = now });
        await app.ConsumeAsync<UnitsChangedConsumer, UnitsChanged>(new() { Units = units.Skip(10).ToList(), OccurredAt = now });
        // A later revision of V3 (moved under S1 in 2016) arrives, then the old one again: the old one is ignored.
        var moved = units.Single(u => u.UnitCode == "V3") with
        {
            Revision = 5,
            Periods =
            [
                units.Single(u => u.UnitCode == "V3").Periods[0] with { To = new DateOnly(2015, 12, 31) },
                units.Single(u => u.UnitCode == "V3").Periods[0] with { From = new DateOnly(2016, 1, 1), ParentCode = "S1" },
            ],
        };
        await app.ConsumeAsync<UnitsChangedConsumer, UnitsChanged>(new() { Units = [moved], OccurredAt = now });
        await app.ConsumeAsync<UnitsChangedConsumer, UnitsChanged>(new() { Units = [units.Single(u => u.UnitCode == "V3")], OccurredAt = now });
        units[units.FindIndex(u => u.UnitCode == "V3")] = moved;

        using var http = app.CreateClient();
        string[] days = ["2010-12-31", "2019-12-31", "2026-01-01"];
        var json = await http.GetFromJsonAsync<JsonElement>($"/api/reports/appendices/4?asOf={string.Join(',', days)}");
        var rows = json.GetProperty("rows").EnumerateArray().Where(r => r.TryGetProperty("values", out _))
            .ToDictionary(r => r.GetProperty("label").GetString()!, r => r.GetProperty("values"));
        foreach (var key in days)
        {
            var day = DateOnly.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
            var live = units.Where(u => Live(u, day)).Select(u => u.Periods.Single(p => p.From <= day && (p.To is null || p.To >= day))).ToList();
            UnitPeriod? Of(string? code) => code is null ? null : units.Where(u => u.UnitCode == code && Live(u, day)).Select(u => u.Periods.Single(p => p.From <= day && (p.To is null || p.To >= day))).SingleOrDefault();
            int Column(UnitPeriod p)
            {
                var parent = Of(p.ParentCode);
                while (parent?.Kind == UnitKind.PublicServiceUnit) parent = Of(parent.ParentCode);
                return parent?.Kind switch
                {
                    UnitKind.PeoplesCommittee => Of(parent.ParentCode)!.Kind == UnitKind.Province ? 0 : 2,
                    UnitKind.SpecialisedAgency or UnitKind.SubDepartment or UnitKind.AgencyDivision => 1,
                    _ => -1,
                };
            }
            int Count(UnitKind kind) => live.Count(u => u.Kind == kind);
            int Value(string label) => rows[label].GetProperty(key).GetInt32();
            Assert.Equal(Count(UnitKind.SpecialisedAgency), Value("Số cơ quan chuyên môn thuộc UBND cấp tỉnh"));
            Assert.Equal(Count(UnitKind.SubDepartment), Value("Số Chi cục thuộc Sở"));
            Assert.Equal(Count(UnitKind.AgencyDivision), Value("Số phòng, văn phòng, thanh tra thuộc Sở"));
            Assert.Equal(live.Count(u => u.Kind == UnitKind.PeoplesCommittee && Of(u.ParentCode)!.Kind == UnitKind.DistrictLevel), Value("Số UBND cấp huyện"));
            Assert.Equal(Count(UnitKind.DistrictDivision), Value("Số phòng chuyên môn thuộc UBND cấp huyện"));
            Assert.Equal(Count(UnitKind.DistrictOfficeOrInspectorate), Value("Số văn phòng, thanh tra thuộc UBND cấp huyện"));
            var services = live.Where(u => u.Kind == UnitKind.PublicServiceUnit).ToList();
            Assert.Equal(services.Count(u => Column(u) is 0 or 1), Value("Số đơn vị sự nghiệp thuộc UBND cấp tỉnh"));
            Assert.Equal(services.Count(u => Column(u) == 2), Value("Số đơn vị sự nghiệp thuộc UBND cấp huyện"));
            foreach (var (label, sector) in new[] { ("Sự nghiệp GD-ĐT", PublicServiceSector.EducationTraining), ("Sự nghiệp y tế", PublicServiceSector.Health),
                ("Sự nghiệp VH,TDTT", PublicServiceSector.CultureSports), ("Sự nghiệp khác", PublicServiceSector.Other) })
            {
                var expected = Enumerable.Range(0, 3).Select(c => services.Count(u => u.Sector == sector && Column(u) == c)).ToArray();
                Assert.Equal(expected, rows[label].GetProperty(key).EnumerateArray().Select(v => v.GetInt32()).ToArray());
            }
        }
        // The values are keyed by the days in the order asked; 2019 has three tiers, 2026 two.
        Assert.Equal(days, rows["Số UBND cấp huyện"].EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, rows["Số UBND cấp huyện"].GetProperty("2019-12-31").GetInt32());
        Assert.Equal(0, rows["Số UBND cấp huyện"].GetProperty("2026-01-01").GetInt32());

        var figures = await http.GetFromJsonAsync<JsonElement>("/api/reports/key-figures/organisation?periods=2019-12-31,2026-01-01,2015-01-01..2026-01-01");
        var byLabel = figures.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!, r => r.GetProperty("values"));
        Assert.Equal(2, byLabel["Số đơn vị hành chính cấp xã (cuối kỳ)"].GetProperty("2019-12-31").GetInt32());
        Assert.Equal(1, byLabel["Số đơn vị hành chính cấp xã (cuối kỳ)"].GetProperty("2026-01-01").GetInt32());
        Assert.Equal(1, byLabel["Số đơn vị hành chính cấp xã giảm trong kỳ"].GetProperty("2015-01-01..2026-01-01").GetInt32());
        Assert.Equal(2, byLabel["Số đơn vị hành chính cấp huyện giảm trong kỳ"].GetProperty("2015-01-01..2026-01-01").GetInt32());
    }

    [Fact]
    public async Task Appendix5_AndStaffingByUnit_FromStaffingFacts_WithAFactOf2019RolledUpToTheCommuneMergedIn2025()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "org_app5");
        var now = DateTimeOffset.UtcNow;
        await app.ConsumeAsync<UnitsChangedConsumer, UnitsChanged>(new() { Units = Structure(), OccurredAt = now });
        StaffingFact Figure(string unit, StaffingMetric metric, DateOnly from, DateOnly to, long value, long revision = 1) => new()
        {
            Key = $"F|{unit}|{(int)metric}|{from:yyyy-MM-dd}|{to:yyyy-MM-dd}", Revision = revision, UnitCode = unit, Metric = metric, From = from, To = to, Value = value,
        };
        StaffingFact Record(string id, string unit, StaffingMetric metric, DateOnly on) => new()
        {
            Key = $"R|{id}|{(int)metric}", Revision = 1, UnitCode = unit, Metric = metric, From = on, To = on, Value = 1, Individual = true,
        };
        var y2019 = (From: new DateOnly(2019, 1, 1), To: new DateOnly(2019, 12, 31));
        var q2020 = (From: new DateOnly(2020, 1, 1), To: new DateOnly(2020, 3, 31));
        var facts = new List<StaffingFact>
        {
            Figure("S1", StaffingMetric.CivilServantQuota, y2019.From, y2019.To, 100),
            Figure("D1-UBND", StaffingMetric.CivilServantQuota, y2019.From, y2019.To, 50),
            Figure("S1", StaffingMetric.CivilServantQuota, q2020.From, q2020.To, 97),
            Figure("D1-UBND", StaffingMetric.CivilServantQuota, q2020.From, q2020.To, 48),
            Figure("S1", StaffingMetric.PublicEmployeesTrained, y2019.From, y2019.To, 30),
            Figure("C2-UBND", StaffingMetric.CommuneCivilServantsEmployed, y2019.From, y2019.To, 9),
            Figure("C1-UBND", StaffingMetric.CommuneCivilServantsEmployed, y2019.From, y2019.To, 8),
            Record("tg-1", "S1", StaffingMetric.Streamlined, new DateOnly(2019, 3, 1)),
            Record("tg-2", "D1-UBND", StaffingMetric.Streamlined, new DateOnly(2019, 4, 1)),
            Record("tg-3", "D1-UBND", StaffingMetric.Streamlined, new DateOnly(2020, 2, 1)),
        };
        await app.ConsumeAsync<StaffingRecordedConsumer, StaffingRecorded>(new() { Facts = facts, OccurredAt = now });
        // A restated figure (revision 2) replaces the first; a late copy of revision 1 changes nothing.
        var restated = Figure("S1", StaffingMetric.CivilServantQuota, y2019.From, y2019.To, 110, revision: 2);
        await app.ConsumeAsync<StaffingRecordedConsumer, StaffingRecorded>(new() { Facts = [restated], OccurredAt = now });
        await app.ConsumeAsync<StaffingRecordedConsumer, StaffingRecorded>(new() { Facts = [facts[0]], OccurredAt = now });
        facts[0] = restated;

        using var http = app.CreateClient();
        var json = await http.GetFromJsonAsync<JsonElement>("/api/reports/appendices/5?periods=2019,2020-01-01..2020-03-31");
        var rows = json.GetProperty("rows").EnumerateArray().Where(r => r.TryGetProperty("values", out _)).ToList();
        long Sum(StaffingMetric metric, (DateOnly From, DateOnly To) p) => facts.Where(f => f.Metric == metric && f.From >= p.From && f.To <= p.To).Sum(f => f.Value);
        Assert.Equal(Sum(StaffingMetric.CivilServantQuota, y2019), rows[0].GetProperty("values").GetProperty("2019").GetInt64());
        Assert.Equal(Sum(StaffingMetric.CivilServantQuota, q2020), rows[0].GetProperty("values").GetProperty("2020-01-01..2020-03-31").GetInt64());
        var streamlined = rows.Single(r => r.GetProperty("label").GetString() == "Số lượng cán bộ, công chức được tinh giản biên chế").GetProperty("values");
        Assert.Equal(Sum(StaffingMetric.Streamlined, y2019), streamlined.GetProperty("2019").GetInt64());
        Assert.Equal(Sum(StaffingMetric.Streamlined, q2020), streamlined.GetProperty("2020-01-01..2020-03-31").GetInt64());
        Assert.Equal(0, rows.Single(r => r.GetProperty("stt").GetString() == "4").GetProperty("values").GetProperty("2019").GetInt64());

        // As recorded: each commune keeps its own figure. Rolled up to 2026: both are the merged commune's.
        var asRecorded = await http.GetFromJsonAsync<JsonElement>("/api/reports/staffing/by-unit?period=2019");
        var rolledUp = await http.GetFromJsonAsync<JsonElement>("/api/reports/staffing/by-unit?period=2019&rollUpTo=2026-01-01");
        long Employed(JsonElement view, string unit) => view.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("unitCode").GetString() == unit)
            .Select(r => r.GetProperty("values").TryGetProperty(nameof(StaffingMetric.CommuneCivilServantsEmployed), out var v) ? v.GetInt64() : 0).SingleOrDefault();
        Assert.Equal(9, Employed(asRecorded, "C2-UBND"));
        Assert.Equal(0, Employed(asRecorded, "N-UBND"));
        Assert.Equal(0, Employed(rolledUp, "C2-UBND"));
        Assert.Equal(17, Employed(rolledUp, "N-UBND"));
        var merged = rolledUp.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitCode").GetString() == "N-UBND");
        Assert.Equal("UBND xã Mới", merged.GetProperty("name").GetString());
        Assert.Equal(["C1-UBND", "C2-UBND"], merged.GetProperty("rolledUpFrom").EnumerateArray().Select(e => e.GetString()));

        // The per-unit view is not the published report: it needs reporting.read.
        using var anonymous = app.CreateClient(null);
        using var refused = await anonymous.GetAsync("/api/reports/staffing/by-unit?period=2019");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
