using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cchc.Integration.Api.Grpc;

namespace Cchc.Integration.Tests.Integration;

/// <summary>POST /api/lgsp/dvcqg on its own: who may call it, calls refused as a whole, and the message log of every call.</summary>
[Collection(IntegrationServiceCollection.Name)]
public sealed class InboundEndpointTests(IntegrationService service)
{
    private const string Path = "/api/lgsp/dvcqg";

    private HttpClient Lgsp() => service.HttpFor(service.Issuer.CreateToken("lgsp-lai-chau", ["lgsp.sync"], ["*"]));

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task WithoutTheLgspScope_TheCallIsRefused_AndNothingIsLogged()
    {
        var before = await service.ScalarAsync("SELECT count(*) FROM message_log");
        using var anonymous = service.HttpFor(null);
        using var writer = service.HttpFor(service.Issuer.CreateToken("tam-duong", ["procedures.write"], ["UBND huyện Tam Đường"]));

        using var none = await anonymous.PostAsync(Path, Json("""{"service":"DongBoHoSoMC","data":[]}"""));
        using var other = await writer.PostAsync(Path, Json("""{"service":"DongBoHoSoMC","data":[]}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("lgsp.sync", await other.Content.ReadAsStringAsync());
        Assert.Equal(before, await service.ScalarAsync("SELECT count(*) FROM message_log"));
    }

    [Theory]
    [InlineData("not json", "JSON")]
    [InlineData("""{"service":"LayThuTuc","maTTHC":"1.000001"}""", "service: dịch vụ \"LayThuTuc\" không được hỗ trợ")]
    [InlineData("""{"service":"DongBoHoSoMC","isUpdating":false}""", "data: thiếu danh sách hồ sơ")]
    public async Task ACallThatIsNotADossierSync_IsRefusedAsAWhole_InVietnamese(string body, string message)
    {
        using var lgsp = Lgsp();

        using var response = await lgsp.PostAsync(Path, Json(body));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, answer.GetProperty("error_code").GetInt32());
        Assert.Contains(message, answer.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TooManyRecords_AreRefusedAsAWhole()
    {
        using var lgsp = Lgsp();
        var records = Enumerable.Range(0, 1001).Select(i => new { MaHoSo = $"HS-{i}" });

        using var response = await lgsp.PostAsJsonAsync(Path, new { service = "DongBoHoSoMC", data = records });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tối đa 1000 hồ sơ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RecordsThatCannotBeMapped_AreRefusedEach_WithoutCallingTheProceduresService()
    {
        using var lgsp = Lgsp();
        const string body = """
            {"service":"DongBoHoSoMC","isUpdating":false,"data":[
              {"MaHoSo":"HS-X1","MaTTHC":"1.0001","DonViXuLy":"Sở Tư pháp","TrangThaiHoSo":"1","NgayTiepNhan":"20240304080000","NgayHenTra":"20240301080000"},
              "not a record"]}
            """;

        using var response = await lgsp.PostAsync(Path, Json(body));
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, answer.GetProperty("error_code").GetInt32());
        var records = answer.GetProperty("result").GetProperty("records");
        Assert.Equal(("HS-X1", "refused", "NgayHenTra"), (records[0].GetProperty("MaHoSo").GetString(), records[0].GetProperty("status").GetString(),
            records[0].GetProperty("errors")[0].GetProperty("field").GetString()));
        Assert.Equal("data", records[1].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM synced_dossiers WHERE dossier_code = 'HS-X1'"));
    }

    [Fact]
    public async Task EveryCall_IsLogged_WithItsDigest_AndTheChainVerifies_UntilAnEntryIsTampered()
    {
        using var lgsp = Lgsp();
        const string body = """{"service":"CapNhatTienDoHoSoMC","data":[{"MaHoSo":"HS-LOG","TrangThai":"77","ThoiDiemXuLy":"20240304080000"}]}""";
        using (await lgsp.PostAsync(Path, Json(body)))
        {
        }

        var entry = (await service.Log.ListMessagesAsync(new ListMessagesRequest { PageSize = 1 })).Messages.Single();
        Assert.Equal(("in", "CapNhatTienDoHoSoMC", "client:lgsp-lai-chau"), (entry.Direction, entry.Operation, entry.Client));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body))), entry.PayloadDigest);
        Assert.Equal(body, entry.Payload);
        Assert.Contains("refused=1", entry.Status);
        Assert.True((await service.Log.VerifyMessageLogAsync(new VerifyMessageLogRequest())).Ok);

        // Someone with database access rewrites what the call was answered.
        await service.ScalarAsync("WITH t AS (UPDATE message_log SET status = 'error_code=0' WHERE sequence = @s RETURNING 1) SELECT count(*) FROM t", ("s", entry.Sequence));
        try
        {
            var tampered = await service.Log.VerifyMessageLogAsync(new VerifyMessageLogRequest());
            Assert.False(tampered.Ok);
            Assert.Equal(entry.Sequence, tampered.FirstBrokenSequence);
        }
        finally
        {
            await service.ScalarAsync("WITH t AS (UPDATE message_log SET status = @v WHERE sequence = @s RETURNING 1) SELECT count(*) FROM t", ("v", entry.Status), ("s", entry.Sequence));
        }
        Assert.True((await service.Log.VerifyMessageLogAsync(new VerifyMessageLogRequest())).Ok);
    }

    [Fact]
    public async Task TheLog_IsReadOnlyWithIntegrationRead()
    {
        var reporter = new MessageLogService.MessageLogServiceClient(service.ChannelFor(service.Issuer.CreateToken("cchc-report-reader", ["reporting.read"], ["*"])));

        var denied = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await reporter.VerifyMessageLogAsync(new VerifyMessageLogRequest()));

        Assert.Equal(Grpc.Core.StatusCode.PermissionDenied, denied.StatusCode);
    }
}
