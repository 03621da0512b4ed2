using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;
using OrgApi = Cchc.Organisation.Api.Grpc;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// A district's own report and its drill-down through the gateway: units registered in the organisation registry, dossiers
/// recorded by a department, two district committees and a commune, then Appendix 3 read for one district
/// (scope=unit:…), its on-time cell drilled down to the district's units and on to a dossier. Years 1990–1991 and units of
/// a province of their own keep the scenario apart from everything else the suite holds.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ScopeDrillDownScenarioTests(SuiteFixture suite)
{
    private const string Prefix = "E2E-SCOPE";

    private static readonly (string Code, string Name, OrgApi.UnitKind Kind, string Parent, OrgApi.PublicServiceSector Sector)[] Units =
    [
        ("P", "tỉnh Phạm Vi", OrgApi.UnitKind.Province, "", OrgApi.PublicServiceSector.Unspecified),
        ("P-UBND", "UBND tỉnh Phạm Vi", OrgApi.UnitKind.PeoplesCommittee, "P", OrgApi.PublicServiceSector.Unspecified),
        ("S", "Sở Phạm Vi", OrgApi.UnitKind.SpecialisedAgency, "P-UBND", OrgApi.PublicServiceSector.Unspecified),
        ("D1", "huyện Phạm Vi Một", OrgApi.UnitKind.DistrictLevel, "P", OrgApi.PublicServiceSector.Unspecified),
        ("D1-UBND", "UBND huyện Phạm Vi Một", OrgApi.UnitKind.PeoplesCommittee, "D1", OrgApi.PublicServiceSector.Unspecified),
        ("C1", "xã Phạm Vi Một", OrgApi.UnitKind.CommuneLevel, "D1", OrgApi.PublicServiceSector.Unspecified),
        ("C1-UBND", "UBND xã Phạm Vi Một", OrgApi.UnitKind.PeoplesCommittee, "C1", OrgApi.PublicServiceSector.Unspecified),
        ("D2", "huyện Phạm Vi Hai", OrgApi.UnitKind.DistrictLevel, "P", OrgApi.PublicServiceSector.Unspecified),
        ("D2-UBND", "UBND huyện Phạm Vi Hai", OrgApi.UnitKind.PeoplesCommittee, "D2", OrgApi.PublicServiceSector.Unspecified),
    ];

    /// <summary>(id, receiving unit, level, on time): every dossier received in March 1991 and resolved in April or May.</summary>
    private static readonly (string Id, string Unit, GovernmentLevel Level, bool OnTime)[] Dossiers =
    [
        ("E2E-SCOPE-1", "Sở Phạm Vi", GovernmentLevel.Province, true),
        ("E2E-SCOPE-2", "UBND huyện Phạm Vi Một", GovernmentLevel.District, true),
        ("E2E-SCOPE-3", "UBND huyện Phạm Vi Một", GovernmentLevel.District, false),
        ("E2E-SCOPE-4", "UBND huyện Phạm Vi Một", GovernmentLevel.District, true),
        ("E2E-SCOPE-5", "UBND huyện Phạm Vi Hai", GovernmentLevel.District, false),
        ("E2E-SCOPE-6", "UBND xã Phạm Vi Một", GovernmentLevel.Commune, true),
    ];

    [Fact]
    public async Task ADistrictsReport_ThroughTheGateway_DrillsDownToItsDossiers()
    {
        await suite.RegisterUnitsAsync(Prefix, "1990-01-01", Units);
        // The dossiers' procedure: in the catalogue in 1990–1991 only, so no other scenario's years count it.
        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        await catalogue.CreateProcedureAsync(new CreateProcedureRequest
        {
            Code = "E2E.SCOPE.1", InForceFrom = "1990-01-01",
            Publication = new Publication { DecisionNumber = "20/QĐ-UBND", DecisionDate = "1989-12-20" },
            Attributes = new ProcedureAttributes
            {
                Name = "Thủ tục thử nghiệm phạm vi báo cáo", Field = "Hộ tịch", Level = GovernmentLevel.District, ResolvingUnit = "UBND huyện Phạm Vi Một",
                ReceivingPlace = ReceivingPlace.DistrictOneStop,
            },
        });
        await catalogue.AbolishProcedureAsync(new AbolishProcedureRequest
        {
            Code = "E2E.SCOPE.1", AbolishedOn = "1992-01-01", Publication = new Publication { DecisionNumber = "21/QĐ-UBND", DecisionDate = "1991-12-20" },
        });
        var client = new DossierService.DossierServiceClient(suite.Channel);
        var received = new DateTimeOffset(1991, 3, 4, 9, 0, 0, TimeSpan.FromHours(7));
        foreach (var (id, unit, level, onTime) in Dossiers)
        {
            await client.ReceiveDossierAsync(new ReceiveDossierRequest
            {
                DossierId = id, ProcedureCode = "E2E.SCOPE.1", ReceivingUnit = unit, UnitLevel = level, Channel = DossierChannel.InPerson,
                ReceivedAt = Timestamp.FromDateTimeOffset(received), DueAt = Timestamp.FromDateTimeOffset(received.AddDays(40)),
            });
            await client.ResolveDossierAsync(new CloseDossierRequest
            {
                DossierId = id, ClosedAt = Timestamp.FromDateTimeOffset(received.AddDays(onTime ? 35 : 60)),
            });
        }

        // District one's report: its committee's 3 dossiers (2 on time) and its commune's 1; the province's department and the
        // other district are not in it; the catalogue's total (province-wide) reads "-". Named by its committee, as a
        // district's systems are bound to it.
        var scope = Uri.EscapeDataString("unit:UBND huyện Phạm Vi Một");
        JsonElement report = default;
        await Cchc.Testing.Eventually.AssertAsync(async () =>
        {
            report = await suite.Http.GetFromJsonAsync<JsonElement>($"/api/reports/appendices/3?periods=1991&scope={scope}");
            return Cell(report, "dossiers.on_time_rate.district") is JsonElement { ValueKind: JsonValueKind.Number } rate && rate.GetDecimal() == 66.6667m
                && Cell(report, "dossiers.on_time_rate.commune")?.GetDecimal() == 100m;
        }, TimeSpan.FromSeconds(120), "district one's report of 1991 never showed its dossiers");
        Assert.Equal($"unit:{Prefix}-D1", report.GetProperty("scope").GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, Cell(report, "dossiers.on_time_rate.province")!.Value.ValueKind);
        Assert.Equal("-", Cell(report, "procedures.in_force.total")!.Value.GetString());

        // The district cell's units: the committee, 2 of 3 on time, adding up to the cell.
        var units = await suite.Http.GetFromJsonAsync<JsonElement>(
            $"/api/reports/appendices/3/rows/dossiers.on_time_rate.district/units?period=1991&scope={scope}");
        var share = Assert.Single(units.GetProperty("units").EnumerateArray());
        Assert.Equal("UBND huyện Phạm Vi Một", share.GetProperty("unit").GetString());
        Assert.Equal((2m, 3m), (share.GetProperty("numerator").GetDecimal(), share.GetProperty("denominator").GetDecimal()));
        Assert.Equal(66.6667m, units.GetProperty("value").GetDecimal());

        // And on to its dossiers, two a page, with the report reader's token (reporting.read, every unit).
        var reader = await suite.TokenForAsync("cchc-report-reader");
        using var http = new HttpClient(new Cchc.Testing.BearerTokenHandler(reader, new SocketsHttpHandler())) { BaseAddress = suite.HttpAddress };
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/reports/appendices/3/rows/dossiers.on_time_rate.district/facts?period=1991&scope={scope}"
                + $"&unit={Uri.EscapeDataString("UBND huyện Phạm Vi Một")}&pageSize=2" + (token is null ? string.Empty : "&pageToken=" + token));
            ids.AddRange(page.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        Assert.Equal(["E2E-SCOPE-2", "E2E-SCOPE-3", "E2E-SCOPE-4"], ids);
        // The facts are not published: without a token the reporting service refuses them.
        using var anonymous = new HttpClient { BaseAddress = suite.HttpAddress };
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.GetAsync($"/api/reports/appendices/3/rows/dossiers.on_time_rate.district/facts?period=1991&scope={scope}")).StatusCode);
    }

    private static JsonElement? Cell(JsonElement report, string indicator) =>
        report.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("indicator").GetString() == indicator)
            .Select(r => r.GetProperty("values").GetProperty("1991")).Cast<JsonElement?>().FirstOrDefault();
}
