extern alias cli;

using System.Text.Json;
using cli::Cchc.Cli.Demo;
using cli::Cchc.Cli.Demo.Legal;
using cli::Cchc.Cli.Demo.Organisation;
using Cchc.Contracts.Events.Organisation;
using Google.Protobuf;
using OrgDomain = Cchc.Organisation.Api.Domain;
using OrgWire = Cchc.Organisation.Api.Grpc;

namespace Cchc.Organisation.Tests.Unit;

/// <summary>
/// The generated organisation demo, applied change by change with the organisation service's own validation and
/// registry rules (any refused change fails here), then counted here independently: Appendix 4 at the reference's two
/// dates, the commune counts around the 2020 merger and the 2025 reform, the names every other demo fact uses, and
/// Appendix 5 from the generated staffing facts.
/// </summary>
public sealed class DemoRegistryTests
{
    private static readonly DemoOrganisation Demo = OrganisationDemo.Generate();
    private static readonly Lazy<OrgDomain.Registry> Applied = new(Apply);

    private static OrgDomain.Registry Apply()
    {
        var registry = new OrgDomain.Registry([]);
        for (var i = 0; i < Demo.Changes.Count; i++)
        {
            var wire = OrgWire.UnitChange.Parser.ParseFrom(Demo.Changes[i].ToByteArray());
            registry.Apply(OrgDomain.RegistryValidation.Change(wire, i), OrgDomain.RegistryValidation.Prefix(wire, i));
        }
        return registry;
    }

    private static JsonElement Reference(int number)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference/lai-chau-cchc-2015-2020.json")));
        return document.RootElement.GetProperty("appendices").EnumerateArray().Single(a => a.GetProperty("no").GetInt32() == number).Clone();
    }

    private static List<OrgDomain.PeriodState> LiveOn(DateOnly day) => Applied.Value.Units.Select(u => u.On(day)).OfType<OrgDomain.PeriodState>().ToList();

    private static OrgDomain.PeriodState? State(string code, DateOnly day) => Applied.Value.Find(code)?.On(day);

    /// <summary>Section III's column, found here by walking up: 0 provincial committee, 1 provincial agency, 2 district committee.</summary>
    private static int? Column(OrgDomain.PeriodState unit, DateOnly day)
    {
        for (var parent = unit.ParentCode is { } p ? State(p, day) : null; parent is not null; parent = parent.ParentCode is { } q ? State(q, day) : null)
        {
            switch (parent.Kind)
            {
                case UnitKind.PeoplesCommittee:
                    return State(parent.ParentCode!, day)!.Kind switch { UnitKind.Province => 0, UnitKind.DistrictLevel => 2, _ => null };
                case UnitKind.SpecialisedAgency or UnitKind.SubDepartment or UnitKind.AgencyDivision:
                    return 1;
            }
        }
        return null;
    }

    [Fact]
    public void EveryChange_IsAcceptedByTheServiceRules()
    {
        Assert.True(Applied.Value.Units.Count > 1000, $"{Applied.Value.Units.Count} units");
    }

    [Fact]
    public void Appendix4_OnBothDates_EqualsTheReference()
    {
        var appendix = Reference(4);
        var keys = appendix.GetProperty("periods").EnumerateArray().Select(p => (p.GetProperty("key").GetString()!, DateOnly.Parse(p.GetProperty("asOf").GetString()!))).ToList();
        var rows = appendix.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("rows").EnumerateArray())
            .ToDictionary(r => r.GetProperty("label").GetString()!, r => r.GetProperty("values"));
        foreach (var (key, day) in keys)
        {
            var live = LiveOn(day);
            int Count(UnitKind kind) => live.Count(u => u.Kind == kind);
            var serviceUnits = live.Where(u => u.Kind == UnitKind.PublicServiceUnit).Select(u => (u.Sector, Column: Column(u, day))).ToList();
            int Cell(PublicServiceSector sector, int column) => serviceUnits.Count(u => u.Sector == sector && u.Column == column);
            int Value(string label) => rows[label].GetProperty(key).GetInt32();
            int[] Cells(string label) => rows[label].GetProperty(key).EnumerateArray().Select(v => v.GetInt32()).ToArray();

            Assert.Equal(Value("Số cơ quan chuyên môn thuộc UBND cấp tỉnh"), Count(UnitKind.SpecialisedAgency));
            Assert.Equal(Value("Số Chi cục thuộc Sở"), Count(UnitKind.SubDepartment));
            Assert.Equal(Value("Số phòng, văn phòng, thanh tra thuộc Sở"), Count(UnitKind.AgencyDivision));
            Assert.Equal(Value("Số đơn vị sự nghiệp thuộc UBND cấp tỉnh"), serviceUnits.Count(u => u.Column is 0 or 1));
            Assert.Equal(Value("Số UBND cấp huyện"), live.Count(u => u.Kind == UnitKind.PeoplesCommittee && State(u.ParentCode!, day)!.Kind == UnitKind.DistrictLevel));
            Assert.Equal(Value("Số phòng chuyên môn thuộc UBND cấp huyện"), Count(UnitKind.DistrictDivision));
            Assert.Equal(Value("Số văn phòng, thanh tra thuộc UBND cấp huyện"), Count(UnitKind.DistrictOfficeOrInspectorate));
            Assert.Equal(Value("Số đơn vị sự nghiệp thuộc UBND cấp huyện"), serviceUnits.Count(u => u.Column == 2));
            foreach (var (label, sector) in new[]
            {
                ("Sự nghiệp GD-ĐT", PublicServiceSector.EducationTraining), ("Sự nghiệp y tế", PublicServiceSector.Health),
                ("Sự nghiệp VH,TDTT", PublicServiceSector.CultureSports), ("Sự nghiệp khác", PublicServiceSector.Other),
            })
            {
                Assert.Equal(Cells(label), new[] { Cell(sector, 0), Cell(sector, 1), Cell(sector, 2) });
            }
        }
    }

    [Fact]
    public void Communes_Are108BeforeThe2020Merger_106After_38AfterThe2025Reform_AndDistrictsEnd()
    {
        int Communes(DateOnly day) => LiveOn(day).Count(u => u.Kind == UnitKind.CommuneLevel);
        Assert.Equal(108, Communes(LaiChauUnits.Merger2020.AddDays(-1)));
        Assert.Equal(106, Communes(LaiChauUnits.Merger2020));
        Assert.Equal(106, Communes(OrganisationDemo.Reform2025.AddDays(-1)));
        Assert.Equal(38, Communes(OrganisationDemo.Reform2025));
        Assert.Equal(2, LiveOn(OrganisationDemo.Reform2025).Count(u => u.Kind == UnitKind.CommuneLevel && u.Name.StartsWith("phường ", StringComparison.Ordinal)));
        Assert.Equal(8, LiveOn(new DateOnly(2019, 12, 31)).Count(u => u.Kind == UnitKind.DistrictLevel));
        Assert.Equal(7, LiveOn(new DateOnly(2010, 12, 31)).Count(u => u.Kind == UnitKind.DistrictLevel));
        Assert.Equal(0, LiveOn(new DateOnly(2026, 1, 1)).Count(u => u.Kind == UnitKind.DistrictLevel));
        var sungPhai = Applied.Value.Units.Single(u => u.On(LaiChauUnits.Merger2020)?.Name == "xã Sùng Phài");
        Assert.Equal("105", sungPhai.On(LaiChauUnits.Merger2020)!.ParentCode);
        var namLoong = Applied.Value.Units.Single(u => u.History[0].Name == "xã Nậm Loỏng");
        Assert.Equal(LaiChauUnits.Merger2020.AddDays(-1), namLoong.Last.To);
        Assert.Equal([sungPhai.Code], namLoong.Last.Successors);
    }

    [Fact]
    public void EveryUnitNameTheOtherDemoFactsUse_ExistsOnTheDaysOfThoseFacts()
    {
        bool LiveNamed(string name, DateOnly day) => Applied.Value.Units.Any(u => u.On(day)?.Name == name);
        var first = new DateOnly(2015, 1, 1);
        var beforeMerger = LaiChauUnits.Merger2020.AddDays(-1);
        var last = new DateOnly(2020, 3, 31);
        foreach (var unit in LaiChauUnits.CommuneUnits.Concat(LaiChauUnits.DistrictUnits).Concat(LaiChauUnits.RealAgencies)
            .Append(LaiChauUnits.EconomicZoneBoard).Append(LaiChauUnits.ProvinceCommittee).Append(LaiChauUnits.ProvinceCouncil))
        {
            Assert.True(LiveNamed(unit, first) && LiveNamed(unit, beforeMerger), $"{unit} is not registered for 2015 – 31/01/2020");
        }
        foreach (var unit in LaiChauUnits.CommuneUnitsAfterMerger.Concat(LaiChauUnits.DistrictUnits))
        {
            Assert.True(LiveNamed(unit, LaiChauUnits.Merger2020) && LiveNamed(unit, last), $"{unit} is not registered for 01/02/2020 – 31/03/2020");
        }
        Assert.DoesNotContain("UBND xã Nậm Loỏng", LaiChauUnits.CommuneUnitsOn(LaiChauUnits.Merger2020));

        var legal = LegalGenerator.Generate();
        foreach (var document in legal.Documents)
        {
            Assert.True(LiveNamed(document.IssuerUnit, document.SignedOn), $"{document.IssuerUnit} did not exist on {document.SignedOn} ({document.Id})");
        }
        foreach (var check in legal.Checks)
        {
            Assert.True(LiveNamed(check.CheckingUnit, check.CheckedOn), $"{check.CheckingUnit} did not exist on {check.CheckedOn}");
        }
    }

    private static OrgDomain.PeriodState? Named(string name, DateOnly day) =>
        Applied.Value.Units.Select(u => u.On(day)).OfType<OrgDomain.PeriodState>().SingleOrDefault(p => p.Name == name);

    /// <summary>The kind of the administrative unit a unit belongs to on the day, walking up the registry's tree.</summary>
    private static UnitKind? AdministrativeLevel(string name, DateOnly day)
    {
        for (var state = Named(name, day); state is not null; state = state.ParentCode is { } p ? State(p, day) : null)
        {
            if (state.Kind is UnitKind.Province or UnitKind.DistrictLevel or UnitKind.CommuneLevel)
            {
                return state.Kind;
            }
        }
        return null;
    }

    private static readonly Lazy<cli::Cchc.Cli.Demo.DemoDataSet> Data = new(cli::Cchc.Cli.Demo.DemoDataSet.Create);

    [Fact]
    public void EveryFinanceStatus_NamesARegistryUnitThatExistedOnItsDay_AndItsParentToo()
    {
        var statuses = Data.Value.Finance.Statuses;
        Assert.True(statuses.Count > 1000, $"{statuses.Count} statuses");
        foreach (var status in statuses)
        {
            // Leaving every regime is a fact of the last day under the previous status (the service's rule).
            var day = status.Regime == Cchc.Contracts.Events.Finance.AutonomyRegime.None ? status.From.AddDays(-1) : status.From;
            Assert.True(Named(status.Unit, day) is not null, $"{status.Unit} did not exist on {day} ({status.Regime} from {status.From})");
            Assert.True(status.ParentUnit is null || Named(status.ParentUnit, day) is not null, $"{status.ParentUnit}, parent of {status.Unit}, did not exist on {day}");
        }
    }

    [Fact]
    public void OnEachReportDay_Appendix6CountsOnlyUnitsThatExistThatDay_OfTheKindItsRowSays()
    {
        var statuses = Data.Value.Finance.Statuses;
        foreach (var period in DemoPeriod.All)
        {
            var inForce = statuses.Where(s => s.From <= period.To).GroupBy(s => s.Unit).Select(g => g.MaxBy(s => s.From)!)
                .Where(s => s.Regime != Cchc.Contracts.Events.Finance.AutonomyRegime.None).ToList();
            Assert.NotEmpty(inForce);
            foreach (var status in inForce)
            {
                var unit = Named(status.Unit, period.To);
                Assert.True(unit is not null, $"{status.Unit} is counted on {period.To} but did not exist then");
                var expected = status.Regime switch
                {
                    Cchc.Contracts.Events.Finance.AutonomyRegime.PublicServiceUnit => [UnitKind.PublicServiceUnit],
                    Cchc.Contracts.Events.Finance.AutonomyRegime.ScienceTechnology => [UnitKind.PublicScienceTechnologyOrganisation],
                    _ => new[]
                    {
                        UnitKind.SpecialisedAgency, UnitKind.OtherProvincialAgency, UnitKind.SubDepartment, UnitKind.DistrictDivision,
                        UnitKind.DistrictOfficeOrInspectorate, UnitKind.PartyOrMassOrganisation, UnitKind.PeoplesCouncil, UnitKind.PeoplesCommittee,
                    },
                };
                Assert.Contains(unit.Kind, expected);
            }
        }
    }

    [Fact]
    public void EveryEgovFact_NamesARegistryUnitThatExistedOnItsDay_AtTheLevelTheRegistryGives()
    {
        var egov = Data.Value.Egov;
        var facts = egov.Metrics.Select(m => (m.Unit, Day: m.To, Level: (int)m.Level))
            .Concat(egov.Capabilities.Select(c => (c.Unit, Day: c.EffectiveFrom, Level: (int)c.Level)))
            // A state counts on every later report day: its unit must still exist on the last one.
            .Concat(egov.Capabilities.Select(c => (c.Unit, Day: DemoPeriod.All[^1].To, Level: (int)c.Level)));
        foreach (var (unit, day, level) in facts)
        {
            var registered = AdministrativeLevel(unit, day);
            Assert.True(registered is not null, $"{unit} did not exist on {day}");
            Assert.True(level == (int)registered!.Value, $"{unit} on {day}: generated level {level}, registry {registered}");
        }
    }

    [Fact]
    public void Appendix5_FromTheGeneratedStaffingFacts_EqualsTheReference()
    {
        var rows = Reference(5).GetProperty("rows").EnumerateArray().Where(r => r.TryGetProperty("values", out _)).ToList();
        string[] keys = ["2015", "2016", "2017", "2018", "2019", "2020Q1"];
        var figures = Demo.Staffing.Where(i => i.Figure is not null).Select(i => i.Figure).ToList();
        var records = Demo.Staffing.Where(i => i.Record is not null).Select(i => i.Record).ToList();
        for (var p = 0; p < keys.Length; p++)
        {
            var (from, to) = StaffingDemo.Periods[p];
            long Stock(OrgWire.StaffingMetric metric) => figures.Where(f => (int)f.Metric == (int)metric && DateOnly.Parse(f.To) >= from && DateOnly.Parse(f.To) <= to)
                .GroupBy(f => f.UnitCode).Sum(g => g.OrderByDescending(f => f.To, StringComparer.Ordinal).First().Value);
            long Flow(OrgWire.StaffingMetric metric) => figures.Where(f => (int)f.Metric == (int)metric && DateOnly.Parse(f.From) >= from && DateOnly.Parse(f.To) <= to).Sum(f => f.Value);
            long Records(OrgWire.StaffRecordKind kind) => records.Count(r => (int)r.Kind == (int)kind && DateOnly.Parse(r.On) >= from && DateOnly.Parse(r.On) <= to);
            long[] expected = rows.Select(r => r.GetProperty("values").GetProperty(keys[p]).GetInt64()).ToArray();
            long[] actual =
            [
                Stock(OrgWire.StaffingMetric.CivilServantQuota), Stock(OrgWire.StaffingMetric.CivilServantsEmployed),
                Stock(OrgWire.StaffingMetric.PublicEmployeeQuota), Stock(OrgWire.StaffingMetric.PublicEmployeesEmployed),
                Records(OrgWire.StaffRecordKind.CompetitiveRecruitment), Flow(OrgWire.StaffingMetric.AppointedThroughCompetition),
                Records(OrgWire.StaffRecordKind.Streamlining), Flow(OrgWire.StaffingMetric.CivilServantsTrained),
                Flow(OrgWire.StaffingMetric.PublicEmployeesTrained), Flow(OrgWire.StaffingMetric.TrainingClasses),
            ];
            Assert.Equal(expected, actual);
        }
    }
}
