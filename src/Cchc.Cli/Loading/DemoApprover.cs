using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Cli.Auth;

namespace Cchc.Cli.Loading;

/// <summary>
/// <c>demo approve</c>: approves the report of each period (POST /api/reports/approvals, as the Department's approver,
/// client cchc-approver) unless an approval of it is already in force, so running it again changes nothing.
/// </summary>
internal static class DemoApprover
{
    /// <summary>The demo's approved years: 2015–2019 (2020 to 31/3 stays open).</summary>
    public static readonly string[] DemoPeriods = ["2015", "2016", "2017", "2018", "2019"];

    public static async Task RunAsync(Uri httpAddress, TokenRequest token, IReadOnlyList<string> periods, TextWriter output, CancellationToken cancellation)
    {
        using var tokenHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var tokens = new ClientCredentialTokens(tokenHttp, token, TimeProvider.System);
        using var http = new HttpClient(DemoLoader.Authenticated(new SocketsHttpHandler(), tokens)) { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(120) };
        foreach (var period in periods)
        {
            using var existing = await http.GetAsync($"api/reports/approvals?period={Uri.EscapeDataString(period)}", cancellation);
            existing.EnsureSuccessStatusCode();
            var versions = JsonDocument.Parse(await existing.Content.ReadAsStringAsync(cancellation)).RootElement.GetProperty("versions");
            var latest = versions.GetArrayLength() == 0 ? (JsonElement?)null : versions[versions.GetArrayLength() - 1];
            if (latest is { } l && l.GetProperty("withdrawnAt").ValueKind == JsonValueKind.Null)
            {
                await output.WriteLineAsync($"Period {period}: already approved ({l.GetProperty("note").GetString()}).");
                continue;
            }
            using var approved = await http.PostAsJsonAsync("api/reports/approvals", new { period }, cancellation);
            var body = await approved.Content.ReadAsStringAsync(cancellation);
            if (!approved.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Approving {period} failed ({(int)approved.StatusCode}): {body}");
            }
            var approval = JsonDocument.Parse(body).RootElement;
            await output.WriteLineAsync($"Period {period}: {approval.GetProperty("note").GetString()}, SHA-256 {approval.GetProperty("contentHash").GetString()}.");
        }
    }
}
