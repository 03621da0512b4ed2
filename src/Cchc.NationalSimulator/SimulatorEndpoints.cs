using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cchc.NationalSimulator;

/// <summary>
/// The simulator's HTTP surface (docs/integration.md, "The simulator"):
/// <list type="bullet">
/// <item><c>POST /oauth2/token</c> — client credentials (form), <c>{"access_token","token_type","expires_in"}</c>.</item>
/// <item><c>POST /ngsp/dvcqg</c> — the named services, bearer token required: <c>LayThuTuc</c> {maTTHC},
/// <c>LayDanhSachTTHCThayDoi</c> {tuNgay}, <c>GuiBaoCao</c> {kyBaoCao, donVi, chiTieu}; answered <c>{"error_code", "message", "result"}</c>.</item>
/// <item><c>/simulator/*</c> — the test's controls: put procedures, make the reporting system fail, expire the tokens, read the
/// reports, and a one-stop-shop system's day of dossiers pushed to the platform (<c>/simulator/one-stop-shop/push-day</c>).</item>
/// </list>
/// </summary>
public static class SimulatorEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/oauth2/token", async (HttpRequest request, NationalSide side) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "client_credentials")
            {
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
            }
            return side.Issue(form["client_id"].ToString(), form["client_secret"].ToString()) is { } issued
                ? Results.Json(new { access_token = issued.Token, token_type = "Bearer", expires_in = issued.Lifetime })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });

        app.MapPost("/ngsp/dvcqg", async (HttpRequest request, NationalSide side, TimeProvider clock) =>
        {
            var header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !side.IsValid(header["Bearer ".Length..]))
            {
                return Results.Json(new { error = "invalid_token" }, statusCode: 401);
            }
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            return body?["service"]?.GetValue<string>() switch
            {
                "LayThuTuc" => side.Find(body["maTTHC"]?.GetValue<string>() ?? "") is { } p
                    ? Answer(0, "", new JsonArray(Procedure(p)))
                    : Answer(1, "không tìm thấy thủ tục", new JsonArray()),
                "LayDanhSachTTHCThayDoi" => Answer(0, "", new JsonArray([.. side.ChangedSince(body["tuNgay"]?.GetValue<string>() ?? "").Select(Procedure)])),
                "GuiBaoCao" => side.Receive(body["kyBaoCao"]?.GetValue<string>() ?? "", body["donVi"]?.GetValue<string>() ?? "", body) is { } receipt
                    ? Answer(0, "đã nhận báo cáo", new JsonObject { ["maBienNhan"] = receipt.MaBienNhan, ["thoiGianNhan"] = NationalSide.Stamp(receipt.ThoiGianNhan) })
                    : Results.Json(new { error_code = 99, message = "hệ thống báo cáo tạm ngừng" }, statusCode: 503),
                var other => Answer(1, $"dịch vụ {other} không có", null),
            };
        });

        var control = app.MapGroup("/simulator");
        control.MapPost("/procedures", (NationalProcedure[] procedures, NationalSide side) =>
        {
            foreach (var p in procedures)
            {
                side.Put(p);
            }
            return Results.Ok(new { stored = procedures.Length });
        });
        control.MapPost("/reporting/outage", (OutageRequest outage, NationalSide side) =>
        {
            side.FailReports(outage.Failures);
            return Results.Ok(outage);
        });
        control.MapGet("/reporting/reports", (NationalSide side) => Results.Json(side.Reports.Select(r => new { r.KyBaoCao, r.DonVi, r.MaBienNhan, calls = side.ReportCalls })));
        control.MapPost("/one-stop-shop/push-day", async (PushDayRequest day, OneStopShop shop, CancellationToken ct) =>
            Results.Json(await shop.PushDayAsync(day, ct)));
        control.MapPost("/tokens/expire", (NationalSide side) =>
        {
            side.ExpireTokens();
            return Results.Ok(new { issued = side.TokensIssued });
        });
    }

    public sealed record OutageRequest(int Failures);

    private static IResult Answer(int code, string message, JsonNode? result) =>
        Results.Json(new JsonObject { ["error_code"] = code, ["message"] = message, ["result"] = result });

    private static JsonObject Procedure(NationalProcedure p) => new()
    {
        ["MATTHC"] = p.MaTTHC, ["TENTTHC"] = p.TenTTHC, ["CAPTHUCHIEN"] = p.CapThucHien, ["COQUANTHUCHIEN"] = p.CoQuanThucHien,
        ["TRANGTHAI"] = p.TrangThai, ["NGAYCAPNHAT"] = p.NgayCapNhat, ["SOQUYETDINH"] = p.SoQuyetDinh, ["NGAYQUYETDINH"] = p.NgayQuyetDinh,
        ["NGAYHIEULUC"] = p.NgayHieuLuc,
        ["LINHVUCTHUCHIEN"] = new JsonArray(new JsonObject { ["MALINHVUC"] = p.MaLinhVuc, ["TENLINHVUC"] = p.TenLinhVuc }),
    };
}

/// <summary>The simulator's entry assembly, for in-process hosts (WebApplicationFactory&lt;SimulatorEntryPoint&gt;).</summary>
public sealed class SimulatorEntryPoint;
