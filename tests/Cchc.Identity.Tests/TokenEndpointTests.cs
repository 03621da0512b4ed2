using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cchc.Identity.Tests;

/// <summary>The token endpoint against the migrated demo registration: the contract's claims, and the OAuth2 errors.</summary>
[Collection(IdentityServiceCollection.Name)]
public sealed class TokenEndpointTests(IdentityService identity)
{
    /// <summary>The contract's claims, the JWT registered claims (exp, iat, jti) and OpenIddict's private presenter claim.</summary>
    private static readonly string[] ExpectedClaims = ["aud", "cchc_unit", "client_id", "exp", "iat", "iss", "jti", "oi_prst", "scope", "sub"];

    [Fact]
    public async Task DistrictClient_GetsAToken_WithExactlyTheContractsClaims_AndItsSubtreeExpanded()
    {
        var token = await IdentityService.TokenAsync(identity.Client, "tam-duong", identity.SecretOf("tam-duong"));
        var jwt = new JsonWebToken(token);
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload)).RootElement;

        Assert.Equal("RS256", jwt.Alg);
        Assert.Equal("at+jwt", jwt.Typ);
        Assert.Equal(ExpectedClaims, payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(IdentityService.Issuer, payload.GetProperty("iss").GetString());
        Assert.Equal("cchc-api", payload.GetProperty("aud").GetString());
        Assert.Equal("tam-duong", payload.GetProperty("sub").GetString());
        Assert.Equal("tam-duong", payload.GetProperty("client_id").GetString());
        Assert.Equal(["procedures.read", "procedures.write"], payload.GetProperty("scope").GetString()!.Split(' ').Order());
        Assert.Equal(TimeSpan.FromMinutes(15), jwt.ValidTo - jwt.IssuedAt);

        var units = payload.GetProperty("cchc_unit").EnumerateArray().Select(u => u.GetString()!).ToList();
        Assert.Equal(15, units.Count); // the district and its 14 communes
        Assert.Equal("UBND huyện Tam Đường", units[0]);
        Assert.Contains("UBND xã Bản Bo", units);
        Assert.Contains("UBND thị trấn Tam Đường", units);
        Assert.DoesNotContain("UBND huyện Phong Thổ", units);
        Assert.DoesNotContain("UBND xã Mường So", units); // a commune of Phong Thổ
    }

    [Fact]
    public async Task Token_ValidatesAgainstTheServicesJwks_WithIssuerAndAudience()
    {
        var token = await IdentityService.TokenAsync(identity.Client, "cchc-report-reader", identity.SecretOf("cchc-report-reader"));
        var keys = await IdentityService.JwksAsync(identity.Client);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(keys, "cchc-api"));
        var otherAudience = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(keys, "another-api"));

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(new JsonWebToken(token).Kid, Assert.Single(keys.Keys).Kid);
        Assert.False(otherAudience.IsValid);
    }

    [Fact]
    public async Task ProvinceWideClient_GetsTheSingleUnitStar_AndOnlyTheScopeItAskedFor()
    {
        var token = await IdentityService.TokenAsync(identity.Client, "cchc-demo-loader", identity.SecretOf("cchc-demo-loader"), "reporting.read");
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(token).EncodedPayload)).RootElement;

        Assert.Equal(JsonValueKind.String, payload.GetProperty("cchc_unit").ValueKind);
        Assert.Equal("*", payload.GetProperty("cchc_unit").GetString());
        Assert.Equal("reporting.read", payload.GetProperty("scope").GetString());
        Assert.Equal("cchc-demo-loader", payload.GetProperty("client_id").GetString());
    }

    [Fact]
    public async Task DiscoveryDocument_NamesTheIssuer_TheTokenEndpoint_AndOnlyClientCredentials()
    {
        var document = await identity.Client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(IdentityService.Issuer, document.GetProperty("issuer").GetString());
        Assert.EndsWith("/connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.EndsWith("/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(["client_credentials"], document.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task WrongSecret_IsInvalidClient_InVietnamese()
    {
        using var response = await IdentityService.RequestTokenAsync(identity.Client, "tam-duong", "not-the-secret");
        var error = await ErrorAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", error.Error);
        Assert.Contains("client_secret không đúng", error.Description);
    }

    [Fact]
    public async Task UnknownClient_IsInvalidClient()
    {
        using var response = await IdentityService.RequestTokenAsync(identity.Client, "no-such-system", "whatever");
        Assert.Equal("invalid_client", (await ErrorAsync(response)).Error);
    }

    [Theory]
    [InlineData("audit.read")] // registered, but not granted to a district
    [InlineData("procedures.read audit.read")]
    [InlineData("finance.write")] // not registered at all
    public async Task ScopeTheClientDoesNotHave_IsInvalidScope_InVietnamese(string scope)
    {
        using var response = await IdentityService.RequestTokenAsync(identity.Client, "tam-duong", identity.SecretOf("tam-duong"), scope);
        var error = await ErrorAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_scope", error.Error);
        Assert.Contains("Phạm vi (scope)", error.Description);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("authorization_code")]
    [InlineData("refresh_token")]
    [InlineData("urn:ietf:params:oauth:grant-type:device_code")]
    [InlineData("urn:ietf:params:oauth:grant-type:token-exchange")]
    public async Task OtherGrantTypes_AreUnsupported_InVietnamese(string grantType)
    {
        using var response = await IdentityService.RequestTokenAsync(identity.Client, "tam-duong", identity.SecretOf("tam-duong"), grantType: grantType);
        var error = await ErrorAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", error.Error);
        Assert.Contains("client_credentials", error.Description);
        Assert.Contains("không được hỗ trợ", error.Description);
    }

    [Fact]
    public async Task MissingClientId_IsInvalidRequest_NamingTheParameter()
    {
        using var response = await identity.Client.PostAsync("/connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));
        var error = await ErrorAsync(response);

        Assert.Equal("invalid_request", error.Error);
        Assert.Contains("'client_id'", error.Description);
    }

    [Fact]
    public async Task Health_IsServedLikeEveryService()
    {
        using var health = await identity.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static TokenValidationParameters Parameters(JsonWebKeySet keys, string audience) => new()
    {
        ValidIssuer = IdentityService.Issuer,
        ValidAudience = audience,
        IssuerSigningKeys = keys.GetSigningKeys(),
    };

    private static async Task<(string Error, string Description)> ErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("access_token", out _));
        return (body.GetProperty("error").GetString()!, body.GetProperty("error_description").GetString()!);
    }
}
