using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cchc.EndToEnd.Tests;

/// <summary>The token service as department systems reach it: through the gateway's HTTP port, with the generated demo secrets.</summary>
[Collection(SuiteCollection.Name)]
public sealed class TokenServiceTests(SuiteFixture suite)
{
    [Fact]
    public async Task ReportReader_ObtainsATokenThroughTheGateway_IssuedByTheGatewaysPublicAddress()
    {
        using var response = await suite.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "cchc-report-reader",
            ["client_secret"] = suite.SecretOf("cchc-report-reader"),
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());

        var payload = Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal($"http://127.0.0.1:{suite.GatewayHttpPort}/", payload.GetProperty("iss").GetString());
        Assert.Equal("cchc-api", payload.GetProperty("aud").GetString());
        Assert.Equal("reporting.read programme.read", payload.GetProperty("scope").GetString());
        Assert.Equal("*", payload.GetProperty("cchc_unit").GetString());
    }

    [Fact]
    public async Task DiscoveryThroughTheGateway_NamesTheGatewaysEndpoints()
    {
        var document = await suite.Http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal($"http://127.0.0.1:{suite.GatewayHttpPort}/connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal($"http://127.0.0.1:{suite.GatewayHttpPort}/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
        using var keys = await suite.Http.GetAsync("/.well-known/jwks");
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ClientSecrets_AreOwnerOnly()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(suite.ClientsFile));
    }

    private static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement;
    }
}
