using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cchc.Client;
using Microsoft.Extensions.Options;

namespace Cchc.NationalSimulator;

/// <summary>
/// Section <c>Simulator:OneStopShop</c>: where a simulated one-stop-shop system pushes its dossiers (the LGSP's target,
/// the platform's <c>POST /api/lgsp/dvcqg</c> through the gateway) and as whom (a client of the suite's token service
/// with <c>lgsp.sync</c>; its secret from the token service's secrets file).
/// </summary>
public sealed class OneStopShopOptions
{
    public const string Section = "Simulator:OneStopShop";

    public Uri? Target { get; set; }
    public Uri? TokenEndpoint { get; set; }
    public string ClientId { get; set; } = "lgsp-lai-chau";
    public string? ClientSecret { get; set; }
    public string? SecretsFile { get; set; }
}

/// <summary>A day of a commune's one-stop-shop desk to push.</summary>
public sealed record PushDayRequest(string Day, int Count, string ProcedureCode, string Unit);

/// <summary>
/// A one-stop-shop system pushing a day of dossiers the way the LGSP forwards them: every dossier received, then the
/// whole batch again (the LGSP retries), then the progress of the resolved ones latest first, with a stale "đang xử lý"
/// after each (out of order). Returns each call's answer.
/// </summary>
public sealed class OneStopShop(HttpClient http, IOptions<OneStopShopOptions> options)
{
    public async Task<JsonArray> PushDayAsync(PushDayRequest day, CancellationToken ct)
    {
        var o = options.Value;
        var target = o.Target ?? throw new InvalidOperationException("Simulator:OneStopShop:Target is not configured.");
        var token = await TokenAsync(o, ct);
        var date = DateOnly.ParseExact(day.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Stamp(DateOnly d, int hour, int minute) => d.ToDateTime(new TimeOnly(hour, minute)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

        var dossiers = new JsonArray();
        var progress = new List<JsonObject>();
        for (var i = 0; i < day.Count; i++)
        {
            var code = $"MC-{date:yyyyMMdd}-{i:D4}";
            dossiers.Add(new JsonObject
            {
                ["MaHoSo"] = code, ["MaTTHC"] = day.ProcedureCode, ["TenTTHC"] = "Thủ tục", ["MaLinhVuc"] = "HT", ["TenLinhVuc"] = "Hộ tịch",
                ["LoaiDoiTuong"] = "1", ["TrichYeuHoSo"] = "Hồ sơ mô phỏng", ["NgayTiepNhan"] = Stamp(date, 8, i % 60),
                ["NgayHenTra"] = Stamp(date.AddDays(3), 17, 0), ["TrangThaiHoSo"] = "1", ["NgayTra"] = "", ["NgayKetThucXuLy"] = "",
                ["DonViXuLy"] = day.Unit, ["HinhThuc"] = "0",
            });
            if (i % 3 != 2)
            {
                // Two in three resolved: on time (day + 2) or late (day + 5) alternately.
                progress.Add(new JsonObject { ["MaHoSo"] = code, ["NguoiXuLy"] = "Cán bộ một cửa", ["TrangThai"] = "5", ["NoiDungXuLy"] = "Trả kết quả",
                    ["ThoiDiemXuLy"] = Stamp(date.AddDays(i % 2 == 0 ? 2 : 5), 10, 0) });
                progress.Add(new JsonObject { ["MaHoSo"] = code, ["NguoiXuLy"] = "Cán bộ một cửa", ["TrangThai"] = "2", ["NoiDungXuLy"] = "Đang xử lý",
                    ["ThoiDiemXuLy"] = Stamp(date, 14, 0) });
            }
        }
        var answers = new JsonArray();
        var sync = new JsonObject { ["service"] = "DongBoHoSoMC", ["isUpdating"] = false, ["data"] = dossiers };
        answers.Add(await PostAsync(target, token, sync, ct));
        answers.Add(await PostAsync(target, token, sync, ct));
        answers.Add(await PostAsync(target, token,
            new JsonObject { ["service"] = "CapNhatTienDoHoSoMC", ["data"] = new JsonArray([.. progress.Select(p => p.DeepClone())]) }, ct));
        return answers;
    }

    private async Task<JsonNode?> PostAsync(Uri target, string token, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    private async Task<string> TokenAsync(OneStopShopOptions o, CancellationToken ct)
    {
        var request = new TokenRequest(
            o.TokenEndpoint ?? throw new InvalidOperationException("Simulator:OneStopShop:TokenEndpoint is not configured."),
            o.ClientId,
            !string.IsNullOrEmpty(o.ClientSecret) ? o.ClientSecret
                : o.SecretsFile is { } file ? ClientSecretsFile.Read(file, o.ClientId)
                : throw new InvalidOperationException("Simulator:OneStopShop: neither ClientSecret nor SecretsFile is configured."));
        using var tokens = new ClientCredentialTokens(http, request, TimeProvider.System);
        return await tokens.GetAsync(ct);
    }
}
