using System.Globalization;
using System.Text.Json;
using Cchc.Finance.Api.Grpc;
using Grpc.Core;
using OrgApi = Cchc.Organisation.Api.Grpc;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The Department of Finance records units' autonomy statuses (one by one and by bulk import), a breakdown cell its
/// source did not report and a budget figure through the gateway with a real token; Appendix 6 and the public-finance
/// key figures read back through the gateway equal what the facts give, counted independently here on each period's
/// last day. Years 1994–1996 keep the scenario apart from anything else the suite holds (finance refuses future days);
/// its units are registered in the organisation registry first (a province of their own, founded 1990).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class Appendix6ScenarioTests(SuiteFixture suite)
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private const string Source = "Báo cáo của Sở Tài chính (kịch bản kiểm thử đầu cuối)";

    private static AutonomyStatus Status(string unit, string from, AutonomyRegime regime, AutonomyLevel level = AutonomyLevel.Unspecified,
        ParentKind parent = ParentKind.Unspecified) => new()
    {
        Unit = unit, Regime = regime, Level = level, ParentKind = parent, EffectiveFrom = from, SourceDocument = Source,
    };

    private static readonly AutonomyStatus[] OneByOne =
    [
        Status("E2E Trung tâm Y tế huyện", "1995-01-01", AutonomyRegime.PublicServiceUnit, AutonomyLevel.PartlyRecurrent, ParentKind.DistrictCommittee),
        Status("E2E Trung tâm Y tế huyện", "1996-03-01", AutonomyRegime.PublicServiceUnit, AutonomyLevel.Recurrent, ParentKind.DistrictCommittee),
        Status("E2E Chi cục", "1994-01-01", AutonomyRegime.AdministrativeAgency),
        Status("E2E Viện nghiên cứu", "1995-12-31", AutonomyRegime.ScienceTechnology),
    ];

    private static readonly AutonomyStatus[] Imported =
    [
        Status("E2E Trung tâm Giống", "1996-06-01", AutonomyRegime.None),
        Status("E2E Trung tâm Giống", "1995-05-01", AutonomyRegime.PublicServiceUnit, AutonomyLevel.StateFunded, ParentKind.ProvincialAgency),
        Status("E2E Ban Quản lý", "1996-12-31", AutonomyRegime.PublicServiceUnit, AutonomyLevel.RecurrentAndInvestment, ParentKind.ProvincialCommittee),
        Status("E2E Trường nghề", "1995-02-01", AutonomyRegime.PublicServiceUnit, AutonomyLevel.StateFunded, ParentKind.DistrictCommittee),
    ];

    private static readonly (string Key, DateOnly From, DateOnly To)[] Periods =
    [
        ("1995", D("1995-01-01"), D("1995-12-31")),
        ("1996", D("1996-01-01"), D("1996-12-31")),
        ("1995-07-01..1996-06-30", D("1995-07-01"), D("1996-06-30")),
    ];

    /// <summary>Appendix 6 as the facts give it on the period's last day: (indicator, value) by the rows' indicators.</summary>
    private static Dictionary<string, long> Expected(DateOnly day)
    {
        var current = OneByOne.Concat(Imported).GroupBy(s => s.Unit)
            .Select(g => g.Where(s => D(s.EffectiveFrom) <= day).MaxBy(s => D(s.EffectiveFrom)))
            .OfType<AutonomyStatus>().ToList();
        long Count(AutonomyRegime regime, ParentKind? parent = null, AutonomyLevel? level = null) =>
            current.Count(s => s.Regime == regime && (parent is null || s.ParentKind == parent) && (level is null || s.Level == level));
        string[] parents = ["provincial_committee", "provincial_agency", "district_committee"];
        string[] levels = ["recurrent_and_investment", "recurrent", "partly_recurrent", "state_funded"];
        var expected = new Dictionary<string, long>
        {
            ["finance.autonomy.administrative"] = Count(AutonomyRegime.AdministrativeAgency),
            ["finance.autonomy.science_technology"] = Count(AutonomyRegime.ScienceTechnology),
        };
        for (var p = 0; p < parents.Length; p++)
        {
            expected[$"finance.autonomy.psu.{parents[p]}.total"] = Count(AutonomyRegime.PublicServiceUnit, (ParentKind)(p + 1));
            for (var l = 0; l < levels.Length; l++)
            {
                expected[$"finance.autonomy.psu.{parents[p]}.{levels[l]}"] = Count(AutonomyRegime.PublicServiceUnit, (ParentKind)(p + 1), (AutonomyLevel)(l + 1));
            }
        }
        return expected;
    }

    /// <summary>
    /// The scenario's units, registered first (founded 1990-01-01, a province of their own): the finance service refuses
    /// statuses of units its copy of the registry does not know on the status's day.
    /// </summary>
    private static readonly (string Code, string Name, OrgApi.UnitKind Kind, string Parent, OrgApi.PublicServiceSector Sector)[] Units =
    [
        ("P", "tỉnh Kiểm Thử Phụ lục 6", OrgApi.UnitKind.Province, "", OrgApi.PublicServiceSector.Unspecified),
        ("P-UBND", "UBND tỉnh Kiểm Thử Phụ lục 6", OrgApi.UnitKind.PeoplesCommittee, "P", OrgApi.PublicServiceSector.Unspecified),
        ("S", "Sở Kiểm Thử Phụ lục 6", OrgApi.UnitKind.SpecialisedAgency, "P-UBND", OrgApi.PublicServiceSector.Unspecified),
        ("D", "huyện Kiểm Thử Phụ lục 6", OrgApi.UnitKind.DistrictLevel, "P", OrgApi.PublicServiceSector.Unspecified),
        ("D-UBND", "UBND huyện Kiểm Thử Phụ lục 6", OrgApi.UnitKind.PeoplesCommittee, "D", OrgApi.PublicServiceSector.Unspecified),
        ("YT", "E2E Trung tâm Y tế huyện", OrgApi.UnitKind.PublicServiceUnit, "D-UBND", OrgApi.PublicServiceSector.Health),
        ("CC", "E2E Chi cục", OrgApi.UnitKind.SubDepartment, "S", OrgApi.PublicServiceSector.Unspecified),
        ("VIEN", "E2E Viện nghiên cứu", OrgApi.UnitKind.PublicScienceTechnologyOrganisation, "S", OrgApi.PublicServiceSector.Unspecified),
        ("GIONG", "E2E Trung tâm Giống", OrgApi.UnitKind.PublicServiceUnit, "S", OrgApi.PublicServiceSector.Other),
        ("BQL", "E2E Ban Quản lý", OrgApi.UnitKind.PublicServiceUnit, "P-UBND", OrgApi.PublicServiceSector.Other),
        ("NGHE", "E2E Trường nghề", OrgApi.UnitKind.PublicServiceUnit, "D-UBND", OrgApi.PublicServiceSector.EducationTraining),
    ];

    [Fact]
    public async Task RecordedStatusesAndFigures_GiveAppendix6AndTheKeyFigures_ThroughTheGateway()
    {
        var autonomy = new AutonomyService.AutonomyServiceClient(suite.Channel);
        var budget = new BudgetService.BudgetServiceClient(suite.Channel);
        await suite.RegisterUnitsAsync("E2E-A6", "1990-01-01", Units);

        // A unit the registry does not know is refused, naming it and the day.
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await autonomy.RecordStatusAsync(new RecordStatusRequest
        {
            Status = Status("E2E Đơn vị chưa đăng ký", "1995-01-01", AutonomyRegime.AdministrativeAgency),
        }));
        Assert.Equal(StatusCode.FailedPrecondition, unknown.StatusCode);
        Assert.Contains("\"E2E Đơn vị chưa đăng ký\" không tồn tại vào ngày 1995-01-01", unknown.Status.Detail, StringComparison.Ordinal);

        foreach (var status in OneByOne)
        {
            await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = status });
        }
        // An overlapping status is refused with the field named, and a district system without finance rights is denied.
        var overlap = await Assert.ThrowsAsync<RpcException>(async () => await autonomy.RecordStatusAsync(new RecordStatusRequest
        {
            Status = Status("E2E Trung tâm Y tế huyện", "1995-06-01", AutonomyRegime.PublicServiceUnit, AutonomyLevel.StateFunded, ParentKind.DistrictCommittee),
        }));
        Assert.Equal(StatusCode.FailedPrecondition, overlap.StatusCode);
        Assert.Contains("status.effective_from", overlap.Status.Detail, StringComparison.Ordinal);
        var district = new AutonomyService.AutonomyServiceClient(suite.ChannelFor(await suite.TokenForAsync("tam-duong")));
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await district.RecordStatusAsync(new RecordStatusRequest { Status = OneByOne[0] }));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var import = autonomy.ImportStatuses();
            foreach (var record in Imported)
            {
                await import.RequestStream.WriteAsync(record);
            }
            await import.RequestStream.CompleteAsync();
            var response = await import;
            Assert.Equal(attempt == 0 ? (4L, 0L) : (0L, 4L), (response.Inserted, response.Unchanged));
        }
        var declare = new DeclareUnreportedBreakdownsRequest();
        declare.Items.Add(new UnreportedBreakdown { Year = 1996, ParentKind = ParentKind.DistrictCommittee, Level = AutonomyLevel.StateFunded, SourceDocument = Source });
        await autonomy.DeclareUnreportedBreakdownsAsync(declare);
        await budget.RecordBudgetFigureAsync(new RecordBudgetFigureRequest { Figure = new BudgetFigure
        {
            FigureId = "e2e-thu-nsnn-1995", Kind = BudgetFigureKind.StateBudgetRevenue, YearFrom = 1995, YearTo = 1995, Amount = "123456.7",
            MeasureUnit = MeasureUnit.MillionVnd, SourceDocument = Source,
        } });

        // The reporting side is eventually consistent: read until every cell equals the facts, or fail listing the cells that never did.
        List<string> mismatches = ["not read yet"];
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (mismatches.Count > 0 && DateTime.UtcNow < deadline)
        {
            mismatches = await CompareAsync();
            if (mismatches.Count > 0)
            {
                await Task.Delay(500);
            }
        }
        Assert.True(mismatches.Count == 0, "cells that differ from the facts:\n" + string.Join("\n", mismatches));
    }

    private async Task<List<string>> CompareAsync()
    {
        var mismatches = new List<string>();
        using var document = JsonDocument.Parse(await suite.Http.GetStringAsync($"/api/reports/appendices/6?periods={string.Join(',', Periods.Select(p => p.Key))}"));
        var rows = document.RootElement.GetProperty("rows").EnumerateArray().ToList();
        foreach (var period in Periods)
        {
            var expected = Expected(period.To);
            foreach (var row in rows)
            {
                var indicator = row.GetProperty("indicator").GetString()!;
                var value = row.GetProperty("values").GetProperty(period.Key);
                if (value.ValueKind != JsonValueKind.Number || value.GetInt64() != expected[indicator])
                {
                    mismatches.Add($"{row.GetProperty("label").GetString()} [{period.Key}]: expected {expected[indicator]}, got {value}");
                }
            }
        }
        Assert.Equal(expected: 17, rows.Count);
        var marked = rows.Where(r => r.TryGetProperty("notReportedBySource", out _))
            .Select(r => $"{r.GetProperty("indicator").GetString()}:{string.Join('|', r.GetProperty("notReportedBySource").EnumerateArray().Select(k => k.GetString()))}")
            .ToList();
        // The declared cell is marked in every period whose last day falls in its year.
        var markedPeriods = string.Join('|', Periods.Where(p => p.To.Year == 1996).Select(p => p.Key));
        if (!marked.SequenceEqual([$"finance.autonomy.psu.district_committee.state_funded:{markedPeriods}"]))
        {
            mismatches.Add($"cells marked not reported: {string.Join(", ", marked)}");
        }
        using var figures = JsonDocument.Parse(await suite.Http.GetStringAsync("/api/reports/key-figures/public-finance?periods=1995"));
        var revenue = figures.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == "finance.budget.revenue_billion")
            .GetProperty("values").GetProperty("1995");
        if (revenue.ValueKind != JsonValueKind.Number || revenue.GetDecimal() != 123.4567m)
        {
            mismatches.Add($"revenue 1995 in tỷ đồng: expected 123.4567, got {revenue}");
        }
        return mismatches;
    }
}
