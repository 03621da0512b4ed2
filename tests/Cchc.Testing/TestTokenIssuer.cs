using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cchc.Testing;

/// <summary>
/// A stand-in OAuth2 token issuer for tests: an RSA key and a real local HTTP listener serving
/// /.well-known/openid-configuration and /.well-known/jwks, so the gateway and services validate its tokens with the very
/// code (JWT bearer by metadata) that validates the real token service's. Tokens follow the token contract: iss, aud
/// cchc-api, sub = client_id, space-separated scope, cchc_unit (one value, or a JSON array when several).
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    public const string Audience = "cchc-api";

    private readonly RsaSecurityKey key = NewKey("test-key-1");
    private WebApplication? app;

    public int Port { get; private set; }

    /// <summary>The issuer (iss) and base address, e.g. http://127.0.0.1:1234/.</summary>
    public string Issuer => $"http://127.0.0.1:{Port}/";

    public string MetadataAddress => $"{Issuer}.well-known/openid-configuration";

    /// <summary>How many times the keys were fetched (validators cache them).</summary>
    public int JwksRequests { get; private set; }

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var issuer = new TestTokenIssuer();
        await issuer.StartListenerAsync();
        return issuer;
    }

    /// <summary>Configuration for a validator (gateway or service) that trusts this issuer.</summary>
    public IReadOnlyDictionary<string, string?> ValidatorSettings() => new Dictionary<string, string?>
    {
        ["Security:Authentication:MetadataAddress"] = MetadataAddress,
        ["Security:Authentication:Issuer"] = Issuer,
        ["Security:Authentication:Audience"] = Audience,
        ["Security:Authentication:RequireHttpsMetadata"] = "false",
    };

    /// <summary>Environment variables with the same settings, for processes (AppHost resources).</summary>
    public IReadOnlyDictionary<string, string> ValidatorEnvironment() =>
        ValidatorSettings().ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value!);

    /// <summary>A signed access token; options make it expired, foreign-signed or for another audience.</summary>
    public string CreateToken(string clientId, IEnumerable<string> scopes, IEnumerable<string> units, TokenOptions? options = null) =>
        Mint(key, Issuer, clientId, scopes, units, options);

    /// <summary>
    /// A token in the platform's token contract signed with <paramref name="signingKey"/>: the tests' own key, or the real
    /// token service's key (read from its key folder) to make a token that is wrong in exactly one way (expired, another
    /// audience) and right in every other.
    /// </summary>
    public static string Mint(RsaSecurityKey signingKey, string issuer, string clientId, IEnumerable<string> scopes, IEnumerable<string> units,
        TokenOptions? options = null)
    {
        options ??= new TokenOptions();
        var now = DateTime.UtcNow;
        var unitList = units.ToArray();
        var claims = new Dictionary<string, object>
        {
            ["client_id"] = clientId,
            ["sub"] = clientId,
            ["scope"] = string.Join(' ', scopes),
        };
        if (unitList.Length == 1)
        {
            claims["cchc_unit"] = unitList[0];
        }
        else if (unitList.Length > 1)
        {
            claims["cchc_unit"] = unitList;
        }
        var lifetime = options.Lifetime ?? TimeSpan.FromMinutes(15);
        var issuedAt = options.Expired ? now.AddHours(-2) : now;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer ?? issuer,
            Audience = options.Audience ?? Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = options.Expired ? now.AddHours(-1) : issuedAt + lifetime,
            Claims = claims,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(options.ForeignKey ? NewKey(signingKey.KeyId ?? "foreign") : signingKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The demo loader's rights: read and write procedures, read reports, every unit.</summary>
    public string ProvinceWriter(string clientId = "test-province") =>
        CreateToken(clientId, ["procedures.read", "procedures.write", "reporting.read", "audit.read"], ["*"]);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        key.Rsa.Dispose();
    }

    private async Task StartListenerAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            var builder = WebApplication.CreateSlimBuilder();
            // Only the port below: not the Kestrel endpoints of the appsettings.json a service under test leaves in the test's
            // folder (the reporting service's 7421), which another test process or a standalone service may hold.
            builder.Configuration.Sources.Clear();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, Port));
            var web = builder.Build();
            web.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"{Issuer}.well-known/jwks",
                ["token_endpoint"] = $"{Issuer}connect/token",
                ["grant_types_supported"] = new[] { "client_credentials" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            }));
            web.MapGet("/.well-known/jwks", () =>
            {
                JwksRequests++;
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
                return Results.Json(new Dictionary<string, object>
                {
                    ["keys"] = new[]
                    {
                        new Dictionary<string, string> { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E },
                    },
                });
            });
            try
            {
                await web.StartAsync();
                app = web;
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                await web.DisposeAsync();
            }
        }
    }

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>Ways a test token can be wrong.</summary>
    public sealed record TokenOptions
    {
        public bool Expired { get; init; }

        /// <summary>Signed by another key with the same key id (a forgery).</summary>
        public bool ForeignKey { get; init; }

        public string? Audience { get; init; }

        public string? Issuer { get; init; }

        public TimeSpan? Lifetime { get; init; }
    }

}

/// <summary>Adds a bearer token to every request (for gRPC channels and HttpClients in tests).</summary>
public sealed class BearerTokenHandler(string? token, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
