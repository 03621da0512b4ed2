using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Integration.Api.Grpc;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Xunit.Abstractions;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The provincial data-sharing platform (LGSP) pushes a day of one-stop-shop dossiers to POST /api/lgsp/dvcqg on the
/// gateway, in the portal's format, with its token from the suite's token service — again and again, and with progress
/// updates out of order. Each dossier lands in the procedures service once: Appendix 3 read through the gateway gives the
/// on-time rate of the dossiers, not of their copies.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class LgspScenarioTests(SuiteFixture suite, ITestOutputHelper output)
{
    private const string Procedure = "E2E.LGSP.X1";
    private const string Commune = "UBND xã Bản Giang";
    private const string Period = "2024-03-01..2024-03-31";
    private const string OnTimeCommune = "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)";

    private static JsonObject Dossier(string code, string status, string received, string due, string? finished = null) => new()
    {
        ["MaHoSo"] = code, ["MaTTHC"] = Procedure, ["TenTTHC"] = "Thủ tục thử nghiệm LGSP", ["MaLinhVuc"] = "HT", ["TenLinhVuc"] = "Hộ tịch",
        ["LoaiDoiTuong"] = "1", ["TrichYeuHoSo"] = "Đăng ký khai sinh", ["NgayTiepNhan"] = received, ["NgayHenTra"] = due,
        ["TrangThaiHoSo"] = status, ["NgayTra"] = "", ["NgayKetThucXuLy"] = finished ?? "", ["DonViXuLy"] = Commune, ["HinhThuc"] = "0",
    };

    /// <summary>A procedure code the catalogue does not have: the procedures service refuses it (FAILED_PRECONDITION).</summary>
    private static JsonObject Unknown(JsonObject dossier)
    {
        dossier["MaTTHC"] = "E2E.LGSP.NONE";
        return dossier;
    }

    private static JsonObject Progress(string code, string status, string at) => new()
    {
        ["MaHoSo"] = code, ["NguoiXuLy"] = "Nguyễn Văn A", ["ThoiDiemXuLy"] = at, ["NoiDungXuLy"] = "Trả kết quả", ["TrangThai"] = status,
    };

    private static JsonObject Call(string service, params JsonObject[] records) => new()
    {
        ["service"] = service, ["isUpdating"] = false, ["data"] = new JsonArray([.. records]),
    };

    private async Task<JsonElement> PostAsync(HttpClient lgsp, JsonObject body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await lgsp.PostAsJsonAsync("/api/lgsp/dvcqg", body);
        var text = await response.Content.ReadAsStringAsync();
        // The exchange as run (docs/integration.md shows these).
        output.WriteLine($"POST /api/lgsp/dvcqg {body.ToJsonString()}\n→ {(int)response.StatusCode} {text}");
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] Statuses(JsonElement answer) =>
        [.. answer.GetProperty("result").GetProperty("records").EnumerateArray().Select(r => r.GetProperty("status").GetString()!)];

    [Fact]
    public async Task ADayOfPushes_WithRepeatsAndLateUpdates_LandsOnceInAppendix3()
    {
        // In force only in 2024: the other scenarios' procedure counts (other years) do not see it.
        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        await catalogue.CreateProcedureAsync(new CreateProcedureRequest
        {
            Code = Procedure, InForceFrom = "2024-01-01",
            Publication = new Publication { DecisionNumber = "15/QĐ-UBND", DecisionDate = "2023-12-20" },
            Attributes = new ProcedureAttributes
            {
                Name = "Thủ tục thử nghiệm LGSP", Field = "Hộ tịch", Level = GovernmentLevel.Commune, ResolvingUnit = Commune,
                ReceivingPlace = ReceivingPlace.CommuneOneStop, OnlineLevel = OnlineServiceLevel._3,
            },
        });
        await catalogue.AbolishProcedureAsync(new AbolishProcedureRequest
        {
            Code = Procedure, AbolishedOn = "2025-01-01",
            Publication = new Publication { DecisionNumber = "16/QĐ-UBND", DecisionDate = "2024-12-20" },
        });

        var token = await suite.TokenForAsync("lgsp-lai-chau");
        using var lgsp = new HttpClient(new BearerTokenHandler(token, new SocketsHttpHandler())) { BaseAddress = suite.HttpAddress };

        // Morning: three dossiers received (A will be on time, B and C late).
        var morning = Call("DongBoHoSoMC",
            Dossier("E2E-LGSP-A", "1", "20240304080000", "20240308170000"),
            Dossier("E2E-LGSP-B", "2", "20240304090000", "20240306170000"),
            Dossier("E2E-LGSP-C", "1", "20240304100000", "20240305170000"));
        Assert.Equal(["applied", "applied", "applied"], Statuses(await PostAsync(lgsp, morning)));
        // The LGSP retries the same call: nothing changes.
        var again = await PostAsync(lgsp, morning);
        Assert.Equal(0, again.GetProperty("error_code").GetInt32());
        Assert.Equal(["unchanged", "unchanged", "unchanged"], Statuses(again));

        // Progress: A resolved on time, B late; the same updates twice.
        var progress = Call("CapNhatTienDoHoSoMC", Progress("E2E-LGSP-A", "5", "20240307100000"), Progress("E2E-LGSP-B", "5", "20240311100000"));
        Assert.Equal(["applied", "applied"], Statuses(await PostAsync(lgsp, progress)));
        Assert.Equal(["unchanged", "unchanged"], Statuses(await PostAsync(lgsp, progress)));
        // An update from earlier in the day arrives late (A "đang xử lý"), and A's full record again as resolved: no change.
        Assert.Equal(["unchanged"], Statuses(await PostAsync(lgsp, Call("CapNhatTienDoHoSoMC", Progress("E2E-LGSP-A", "2", "20240305090000")))));
        Assert.Equal(["unchanged", "applied"], Statuses(await PostAsync(lgsp, Call("DongBoHoSoMC",
            Dossier("E2E-LGSP-A", "5", "20240304080000", "20240308170000", "20240307100000"),
            // C first reported closed in a full record: one call to the procedures service closes it.
            Dossier("E2E-LGSP-C", "4", "20240304100000", "20240305170000", "20240312150000")))));

        // A batch with records that cannot be mapped or that the procedures service refuses: each refused, naming its
        // field, the good one applied.
        var mixed = await PostAsync(lgsp, Call("DongBoHoSoMC",
            Dossier("E2E-LGSP-BAD1", "1", "20240304080000", "20240301170000"),
            Dossier("E2E-LGSP-BAD2", "1", "19000101080000", "20240308170000"),
            Dossier("E2E-LGSP-BAD3", "9", "20240304080000", "20240308170000"),
            Unknown(Dossier("E2E-LGSP-BAD4", "1", "20240304080000", "20240308170000")),
            Dossier("E2E-LGSP-D", "1", "20240305080000", "20240315170000")));
        Assert.Equal(2, mixed.GetProperty("error_code").GetInt32());
        Assert.Equal(["refused", "refused", "refused", "refused", "applied"], Statuses(mixed));
        var fields = mixed.GetProperty("result").GetProperty("records").EnumerateArray().Take(4)
            .Select(r => r.GetProperty("errors")[0].GetProperty("field").GetString()!).ToArray();
        Assert.Equal(["NgayHenTra", "NgayTiepNhan", "TrangThaiHoSo", "MaTTHC"], fields);
        Assert.Contains("ngày hẹn trả phải sau ngày tiếp nhận", mixed.GetProperty("result").GetProperty("records")[0].GetProperty("message").GetString());

        // What the procedures service holds: one dossier each, in its final state; nothing of the refused ones.
        var dossiers = new DossierService.DossierServiceClient(suite.Channel);
        var a = await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = "E2E-LGSP-A" });
        Assert.Equal((DossierStatus.Resolved, true, 2), (a.Record.Status, a.OnTime, a.Version));
        Assert.Equal(DossierStatus.Resolved, (await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = "E2E-LGSP-C" })).Record.Status);
        var bad = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = "E2E-LGSP-BAD4" }));
        Assert.Equal(Grpc.Core.StatusCode.NotFound, bad.StatusCode);

        // Appendix 3: of the three commune dossiers resolved in March 2024, one on time — 33.33 %, however often each was sent.
        double? rate = null;
        await Eventually.AssertAsync(async () =>
        {
            var json = await suite.Http.GetStringAsync($"/api/reports/appendices/3?periods={Period}");
            var row = JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray()
                .Single(r => r.GetProperty("label").GetString() == OnTimeCommune);
            var value = row.GetProperty("values").GetProperty(Period);
            rate = value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
            return rate is not null && Math.Round(rate.Value, 2) == 33.33;
        }, TimeSpan.FromMinutes(1), "Appendix 3's commune on-time rate for March 2024 reaches 1 of 3");
    }

    [Fact]
    public async Task TheEndpoint_NeedsTheLgspScope_AndLogsEveryCall_InAChainThatVerifies()
    {
        using var anonymous = new HttpClient { BaseAddress = suite.HttpAddress };
        using (var response = await anonymous.PostAsJsonAsync("/api/lgsp/dvcqg", Call("DongBoHoSoMC")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        // The demo loader may write dossiers through the gRPC API, but it is not the LGSP.
        using (var response = await suite.Http.PostAsJsonAsync("/api/lgsp/dvcqg", Call("DongBoHoSoMC")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        var token = await suite.TokenForAsync("lgsp-lai-chau");
        using var lgsp = new HttpClient(new BearerTokenHandler(token, new SocketsHttpHandler())) { BaseAddress = suite.HttpAddress };
        var refused = await PostAsync(lgsp, new JsonObject { ["service"] = "LayThuTuc", ["maTTHC"] = "1.000001" }, HttpStatusCode.BadRequest);
        Assert.Equal(1, refused.GetProperty("error_code").GetInt32());
        Assert.Contains("LayThuTuc", refused.GetProperty("message").GetString());

        var log = new MessageLogService.MessageLogServiceClient(suite.ChannelFor(await suite.TokenForAsync("cchc-auditor")));
        var newest = (await log.ListMessagesAsync(new ListMessagesRequest { PageSize = 1 })).Messages.Single();
        Assert.Equal(("in", "LayThuTuc", "refused"), (newest.Direction, newest.Operation, newest.Status));
        Assert.Contains("lgsp", newest.Client, StringComparison.OrdinalIgnoreCase);
        var verification = await log.VerifyMessageLogAsync(new VerifyMessageLogRequest());
        Assert.True(verification.Ok, verification.Problem);
        Assert.True(verification.Entries >= 1);
    }
}
