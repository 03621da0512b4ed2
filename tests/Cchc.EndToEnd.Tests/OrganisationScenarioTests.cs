using System.Text.Json;
using Cchc.Organisation.Api.Grpc;
using Grpc.Core;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The Department of Home Affairs records a small province's units and staffing through the gateway with a real token:
/// a province, one district with two communes, an agency with service units; in 2025 the communes merge and the district
/// level is abolished. Appendices 4 and 5 read back through the gateway change by exactly what these facts imply (the
/// suite's registry may hold other tests' units: the scenario compares before and after): a 2019 report counts three
/// tiers, a 2026 one two.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class OrganisationScenarioTests(SuiteFixture suite)
{
    private const string P = "E2E-ORG";

    private static UnitChange Found(string code, string name, UnitKind kind, string parent, PublicServiceSector sector = PublicServiceSector.Unspecified) => new()
    {
        Found = new FoundUnitRequest
        {
            ChangeId = $"{P}-found-{code}", EffectiveOn = "2004-01-01",
            Unit = new UnitSpec { UnitCode = $"{P}-{code}", Name = $"{name} (E2E)", Kind = kind, ParentCode = parent.Length == 0 ? "" : $"{P}-{parent}", Sector = sector },
        },
    };

    private static readonly UnitChange[] History =
    [
        Found("P", "tỉnh Thử", UnitKind.Province, ""),
        Found("P-UBND", "UBND tỉnh Thử", UnitKind.PeoplesCommittee, "P"),
        Found("D", "huyện Thử", UnitKind.DistrictLevel, "P"),
        Found("D-UBND", "UBND huyện Thử", UnitKind.PeoplesCommittee, "D"),
        Found("D-P1", "Phòng Nội vụ huyện Thử", UnitKind.DistrictDivision, "D-UBND"),
        Found("D-S1", "Trường huyện Thử", UnitKind.PublicServiceUnit, "D-UBND", PublicServiceSector.EducationTraining),
        Found("C1", "xã Một", UnitKind.CommuneLevel, "D"),
        Found("C1-UBND", "UBND xã Một", UnitKind.PeoplesCommittee, "C1"),
        Found("C2", "xã Hai", UnitKind.CommuneLevel, "D"),
        Found("C2-UBND", "UBND xã Hai", UnitKind.PeoplesCommittee, "C2"),
        Found("S", "Sở Thử", UnitKind.SpecialisedAgency, "P-UBND"),
        Found("S-V1", "Bệnh viện Thử", UnitKind.PublicServiceUnit, "S", PublicServiceSector.Health),
        new()
        {
            Merge = new MergeUnitsRequest
            {
                ChangeId = $"{P}-merge-2025", EffectiveOn = "2025-07-01", SourceCodes = { $"{P}-C1", $"{P}-C2" },
                NewTarget = new UnitSpec { UnitCode = $"{P}-N", Name = "xã Mới (E2E)", Kind = UnitKind.CommuneLevel, ParentCode = $"{P}-P" },
            },
        },
        new()
        {
            AbolishLevel = new AbolishLevelRequest
            {
                ChangeId = $"{P}-abolish-2025", EffectiveOn = "2025-07-01", Level = UnitKind.DistrictLevel, NewParentCode = $"{P}-P",
            },
        },
    ];

    private static readonly string[] Days = ["2019-12-31", "2026-01-01"];

    private async Task<Dictionary<string, JsonElement>> Appendix4Async()
    {
        var json = await suite.Http.GetStringAsync($"/api/reports/appendices/4?asOf={string.Join(',', Days)}");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("rows").EnumerateArray().Where(r => r.TryGetProperty("values", out _))
            .ToDictionary(r => r.GetProperty("label").GetString()!, r => r.GetProperty("values").Clone());
    }

    private async Task<long> QuotaAsync()
    {
        var json = await suite.Http.GetStringAsync("/api/reports/appendices/5?periods=2019");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("rows").EnumerateArray().First(r => r.TryGetProperty("values", out _)).GetProperty("values").GetProperty("2019").GetInt64();
    }

    [Fact]
    public async Task RecordedUnitsAndStaffing_GiveAppendices4And5_ThreeTiersIn2019_TwoIn2026()
    {
        var registry = new UnitRegistryService.UnitRegistryServiceClient(suite.Channel);
        var staffing = new StaffingService.StaffingServiceClient(suite.Channel);
        var before4 = await Appendix4Async();
        var beforeQuota = await QuotaAsync();
        var beforeStatus = await registry.GetRegistryStatusAsync(new GetRegistryStatusRequest());

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var import = registry.ImportChanges();
            foreach (var change in History)
            {
                await import.RequestStream.WriteAsync(change);
            }
            await import.RequestStream.CompleteAsync();
            var response = await import;
            Assert.Equal(attempt == 0 ? (History.Length, 0) : (0, History.Length), (response.Applied, response.AlreadyRecorded));
        }
        await staffing.RecordFigureAsync(new StaffingFigure { UnitCode = $"{P}-S", Metric = StaffingMetric.CivilServantQuota, From = "2019-01-01", To = "2019-12-31", Value = 40 });
        await staffing.RecordFigureAsync(new StaffingFigure { UnitCode = $"{P}-D-UBND", Metric = StaffingMetric.CivilServantQuota, From = "2019-01-01", To = "2019-12-31", Value = 25 });
        // A district that no longer exists cannot get a 2026 figure.
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await staffing.RecordFigureAsync(new StaffingFigure
        {
            UnitCode = $"{P}-D-UBND", Metric = StaffingMetric.CivilServantQuota, From = "2026-01-01", To = "2026-12-31", Value = 1,
        }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);

        var status = await registry.GetRegistryStatusAsync(new GetRegistryStatusRequest());
        Assert.True(status.Revision > beforeStatus.Revision);
        Assert.Equal(beforeStatus.Units + 14, status.Units); // 12 founded, the new commune and the committee the merger founds with it
        var tree2019 = await registry.GetTreeAsync(new GetTreeRequest { AsOf = "2019-12-31", RootCode = $"{P}-P" });
        var tree2026 = await registry.GetTreeAsync(new GetTreeRequest { AsOf = "2026-01-01", RootCode = $"{P}-P" });
        Assert.Contains(tree2019.Roots[0].Children, c => c.Kind == UnitKind.DistrictLevel);
        Assert.DoesNotContain(tree2026.Roots[0].Children, c => c.Kind == UnitKind.DistrictLevel);

        // What the facts imply, as differences from before: 2019 — one more district committee, division, district and
        // provincial service unit, agency; 2026 — none of the district's, the agency and its hospital still there.
        var expected = new Dictionary<string, (long At2019, long At2026)>
        {
            ["Số cơ quan chuyên môn thuộc UBND cấp tỉnh"] = (1, 1),
            ["Số UBND cấp huyện"] = (1, 0),
            ["Số phòng chuyên môn thuộc UBND cấp huyện"] = (1, 0),
            ["Số đơn vị sự nghiệp thuộc UBND cấp tỉnh"] = (1, 1),
            ["Số đơn vị sự nghiệp thuộc UBND cấp huyện"] = (1, 0),
        };
        List<string> mismatches = ["not read yet"];
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (mismatches.Count > 0 && DateTime.UtcNow < deadline)
        {
            var after4 = await Appendix4Async();
            mismatches = [];
            foreach (var (label, (at2019, at2026)) in expected)
            {
                foreach (var (day, delta) in new[] { (Days[0], at2019), (Days[1], at2026) })
                {
                    var got = after4[label].GetProperty(day).GetInt64() - before4[label].GetProperty(day).GetInt64();
                    if (got != delta) mismatches.Add($"{label} [{day}]: expected +{delta}, got +{got}");
                }
            }
            var quota = await QuotaAsync() - beforeQuota;
            if (quota != 65) mismatches.Add($"Appendix 5 quota 2019: expected +65, got +{quota}");
            if (mismatches.Count > 0) await Task.Delay(500);
        }
        Assert.True(mismatches.Count == 0, "cells that differ from the facts:\n" + string.Join("\n", mismatches));
    }
}
