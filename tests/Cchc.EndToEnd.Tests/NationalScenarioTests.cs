using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts;
using Cchc.Integration.Api.Grpc;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Xunit.Abstractions;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The national side, through the simulator the AppHost starts: a report submission survives the Government reporting
/// system failing for a while (the HTTP retries, the circuit opening and closing, the submission's own retries; the
/// receipt is kept); an expired token is obtained again; the catalogue sync applies new, amended and abolished
/// procedures and reports what it could not apply. Driven through the gateway as the operator (integration.write).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class NationalScenarioTests(SuiteFixture suite, ITestOutputHelper output)
{
    private HttpClient Simulator() => new() { BaseAddress = suite.ServiceHttpAddress(ResourceNames.NationalSimulator) };

    private async Task<Grpc.Net.Client.GrpcChannel> OperatorAsync() => suite.ChannelFor(await suite.TokenForAsync("cchc-integration-operator"));

    [Fact]
    public async Task AReport_SurvivesTheReportingSystemFailingForAWhile_AndKeepsItsReceipt()
    {
        using var simulator = Simulator();
        var channel = await OperatorAsync();
        var reports = new ReportSubmissionService.ReportSubmissionServiceClient(channel);
        var log = new MessageLogService.MessageLogServiceClient(channel);

        // Three failures: the HTTP client's own retries carry the one attempt through.
        await simulator.PostAsJsonAsync("/simulator/reporting/outage", new { failures = 3 });
        var quick = await reports.SubmitReportAsync(new SubmitReportRequest { Period = "2024" });
        Assert.Equal(("acknowledged", 1), (quick.Status, quick.Attempts));
        Assert.StartsWith("BN-2024-", quick.Receipt, StringComparison.Ordinal);
        Assert.True(quick.Indicators > 10, $"{quick.Indicators} indicators");
        // The same period again: the same submission, not a second report.
        Assert.Equal(quick.Receipt, (await reports.SubmitReportAsync(new SubmitReportRequest { Period = "2024" })).Receipt);

        // A longer outage: the attempt fails, the circuit opens, the submission is retried until the system is back.
        await simulator.PostAsJsonAsync("/simulator/reporting/outage", new { failures = 9 });
        var slow = await reports.SubmitReportAsync(new SubmitReportRequest { Period = "2024-01-01..2024-06-30" });
        Assert.Equal("pending", slow.Status);
        ReportSubmission? done = null;
        await Eventually.AssertAsync(async () =>
        {
            done = await reports.GetReportSubmissionAsync(new GetReportSubmissionRequest { Period = slow.Period });
            return done.Status == "acknowledged";
        }, TimeSpan.FromMinutes(3), "the half-year report is acknowledged once the reporting system is back");
        output.WriteLine($"GetReportSubmission → {done}");
        Assert.True(done!.Attempts > 1, $"{done.Attempts} attempts");
        Assert.StartsWith("BN-2024-01-01..2024-06-30-", done.Receipt, StringComparison.Ordinal);

        var outbound = (await log.ListMessagesAsync(new ListMessagesRequest { PageSize = 200 })).Messages
            .Where(m => m.Direction == "out" && m.Operation == "GuiBaoCao").ToList();
        Assert.Contains(outbound, m => m.Status.Contains("BrokenCircuit", StringComparison.Ordinal)); // the circuit opened…
        Assert.StartsWith("delivered", outbound[0].Status, StringComparison.Ordinal);                   // …and closed again
        Assert.True((await log.VerifyMessageLogAsync(new VerifyMessageLogRequest())).Ok);
    }

    private static object National(string code, string change, string level, string name, string updated, string effective) => new
    {
        maTTHC = code, tenTTHC = name, maLinhVuc = "HT", tenLinhVuc = "Hộ tịch", capThucHien = level, coQuanThucHien = "Sở Tư pháp",
        trangThai = change, ngayCapNhat = updated, soQuyetDinh = "1/QĐ-BTP", ngayQuyetDinh = effective[..4] + "0101000000", ngayHieuLuc = effective,
    };

    [Fact]
    public async Task TheCatalogueSync_AppliesNewAmendedAndAbolished_AndReportsWhatItCannot_AfterTheTokenExpired()
    {
        using var simulator = Simulator();
        var channel = await OperatorAsync();
        var sync = new CatalogueSyncService.CatalogueSyncServiceClient(channel);
        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        static string Stamp(int minutesAhead) =>
            DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddMinutes(minutesAhead).ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var later = Stamp(1);

        // In force only during 2024 once the last sync has run: the other scenarios' counts (other years) do not see them.
        (await simulator.PostAsJsonAsync("/simulator/procedures", new[]
        {
            National("E2E.NAT.1", "MOI", "Cấp Tỉnh", "Cấp bản sao trích lục hộ tịch", "20250101000000", "20240201000000"),
            National("E2E.NAT.2", "MOI", "Cấp Huyện", "Đăng ký kết hôn", "20250101000000", "20240201000000"),
            National("E2E.NAT.3", "MOI", "Cấp Xã", "Đăng ký khai tử", "20250101000000", "20240201000000"),
        })).EnsureSuccessStatusCode();
        var first = await sync.SyncCatalogueAsync(new SyncCatalogueRequest { ChangedSince = "20250101000000" });
        Assert.Equal((3, 0, 0), (first.Created, first.Amended, first.Abolished));
        Assert.Empty(first.Problems);

        // The national side's tokens expire: the next call is refused once, a new token is obtained, the call goes through.
        var expired = await (await simulator.PostAsync("/simulator/tokens/expire", null)).Content.ReadFromJsonAsync<JsonElement>();
        (await simulator.PostAsJsonAsync("/simulator/procedures", new[]
        {
            National("E2E.NAT.2", "SUADOI", "Cấp Huyện", "Đăng ký kết hôn có yếu tố nước ngoài", later, "20240601000000"),
            National("E2E.NAT.3", "BAIBO", "Cấp Xã", "Đăng ký khai tử", later, "20240901000000"),
            National("E2E.NAT.1", "BAIBO", "Cấp Tỉnh", "Cấp bản sao trích lục hộ tịch", later, "20241231000000"),
            National("E2E.NAT.9", "BAIBO", "Cấp Tỉnh", "Không có trong danh mục của tỉnh", later, "20241231000000"),
            National("E2E.NAT.4", "MOI", "Cấp Trung ương", "Thủ tục cấp trung ương", later, "20240201000000"),
        })).EnsureSuccessStatusCode();
        var second = await sync.SyncCatalogueAsync(new SyncCatalogueRequest());
        output.WriteLine($"SyncCatalogue → {second}");

        Assert.Equal((0, 1, 2), (second.Created, second.Amended, second.Abolished));
        Assert.Equal(["E2E.NAT.4", "E2E.NAT.9"], second.Problems.Select(p => p.ProcedureCode).Order());
        Assert.Contains("CAPTHUCHIEN", second.Problems.Single(p => p.ProcedureCode == "E2E.NAT.4").Reason);
        var afterExpiry = await (await simulator.PostAsync("/simulator/tokens/expire", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(afterExpiry.GetProperty("issued").GetInt32() > expired.GetProperty("issued").GetInt32(), "a new token was obtained");

        var amended = await catalogue.GetProcedureHistoryAsync(new GetProcedureHistoryRequest { Code = "E2E.NAT.2" });
        Assert.Equal(["Đăng ký kết hôn", "Đăng ký kết hôn có yếu tố nước ngoài"], amended.Versions.Select(v => v.Attributes.Name));
        Assert.Equal("2024-09-01", (await catalogue.GetProcedureAsync(new GetProcedureRequest { Code = "E2E.NAT.3" })).AbolishedOn);

        // The amended one leaves the catalogue at the end of 2024 as well.
        (await simulator.PostAsJsonAsync("/simulator/procedures", new[]
        {
            National("E2E.NAT.2", "BAIBO", "Cấp Huyện", "Đăng ký kết hôn có yếu tố nước ngoài", Stamp(3), "20241231000000"),
        })).EnsureSuccessStatusCode();
        var third = await sync.SyncCatalogueAsync(new SyncCatalogueRequest { ChangedSince = Stamp(2) });
        Assert.Equal((0, 0, 1), (third.Created, third.Amended, third.Abolished));
    }

    [Fact]
    public async Task TheSimulatedOneStopShop_PushesADay_RepeatsIt_AndSendsProgressOutOfOrder_AndTheReportCountsEachDossierOnce()
    {
        const string procedure = "E2E.LGSP.X2";
        const string period = "2024-05-01..2024-05-31";
        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        await catalogue.CreateProcedureAsync(new CreateProcedureRequest
        {
            Code = procedure, InForceFrom = "2024-01-01", Publication = new Publication { DecisionNumber = "17/QĐ-UBND", DecisionDate = "2023-12-20" },
            Attributes = new ProcedureAttributes
            {
                Name = "Thủ tục mô phỏng một cửa", Field = "Hộ tịch", Level = GovernmentLevel.Commune, ResolvingUnit = "UBND xã Bản Giang",
                ReceivingPlace = ReceivingPlace.CommuneOneStop,
            },
        });
        await catalogue.AbolishProcedureAsync(new AbolishProcedureRequest
        {
            Code = procedure, AbolishedOn = "2025-01-01", Publication = new Publication { DecisionNumber = "18/QĐ-UBND", DecisionDate = "2024-12-20" },
        });
        using var simulator = Simulator();

        using var response = await simulator.PostAsJsonAsync("/simulator/one-stop-shop/push-day",
            new { day = "2024-05-06", count = 9, procedureCode = procedure, unit = "UBND xã Bản Giang" });
        var answers = await response.Content.ReadFromJsonAsync<JsonElement>();
        output.WriteLine(answers.ToString());

        int Count(int call, string what) => answers[call].GetProperty("result").GetProperty(what).GetInt32();
        Assert.All(answers.EnumerateArray(), a => Assert.Equal(0, a.GetProperty("error_code").GetInt32()));
        Assert.Equal((9, 0), (Count(0, "applied"), Count(0, "unchanged")));
        Assert.Equal((0, 9), (Count(1, "applied"), Count(1, "unchanged")));
        Assert.Equal((6, 6), (Count(2, "applied"), Count(2, "unchanged"))); // six resolved, six stale "đang xử lý"

        // Of the six resolved, three on time: 50 %, however often each was sent.
        const string onTime = "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)";
        await Eventually.AssertAsync(async () =>
        {
            var json = await suite.Http.GetStringAsync($"/api/reports/appendices/3?periods={period}");
            var value = JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray()
                .Single(r => r.GetProperty("label").GetString() == onTime).GetProperty("values").GetProperty(period);
            return value.ValueKind == JsonValueKind.Number && Math.Round(value.GetDouble(), 2) == 50.0;
        }, TimeSpan.FromMinutes(1), "Appendix 3's commune on-time rate for May 2024 reaches 3 of 6");
    }
}
