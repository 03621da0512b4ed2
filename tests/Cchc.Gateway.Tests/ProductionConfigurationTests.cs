using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Cchc.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cchc.Gateway.Tests;

/// <summary>
/// The shipped executables with their real configuration (their own build output: Program, appsettings.json) in the
/// Production environment, given only what a deployment gives them (ports, backend addresses, the issuer): the gateway
/// accepts no unvalidated token, and neither the gateway nor a service starts with plain-HTTP issuer metadata, not
/// even the AppHost's own loopback settings. docs/adr/0023-no-security-switches.md.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ProductionConfigurationTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>What the AppHost gives every validator on a developer's machine (SuiteResourceExtensions.WithTokenValidation).</summary>
    private static Dictionary<string, string> AppHostTokenSettings(TestTokenIssuer issuer) => new()
    {
        ["Security__Authentication__MetadataAddress"] = issuer.MetadataAddress,
        ["Security__Authentication__Issuer"] = issuer.Issuer,
        ["Security__Authentication__Audience"] = TestTokenIssuer.Audience,
        ["Security__Authentication__RequireHttpsMetadata"] = "false",
    };

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")] // the environment name alone does not make a test host
    public async Task ShippedGateway_OutsideDevelopment_RefusesToStart_WithPlainHttpIssuerMetadata(string environment)
    {
        await using var issuer = await TestTokenIssuer.StartAsync();
        var settings = AppHostTokenSettings(issuer);
        settings["ASPNETCORE_ENVIRONMENT"] = environment;
        settings["Gateway__GrpcPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        settings["Gateway__HttpPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        await AssertRefusesToStartAsync("Cchc.Gateway", settings);
    }

    [Fact]
    public async Task ShippedService_InProduction_RefusesToStart_WithPlainHttpIssuerMetadata()
    {
        await using var issuer = await TestTokenIssuer.StartAsync();
        var settings = AppHostTokenSettings(issuer);
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Addresses nothing listens on: the service must stop at its security settings, before it needs either.
        settings["ConnectionStrings__proceduresdb"] = $"Host=127.0.0.1;Port={FreePort.Next()};Database=procedures;Username=x;Password=x";
        settings["ConnectionStrings__messaging"] = $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/";
        settings["Kestrel__Endpoints__grpc__Url"] = $"http://127.0.0.1:{FreePort.Next()}";
        settings["Kestrel__Endpoints__grpc__Protocols"] = "Http2";

        await AssertRefusesToStartAsync("Cchc.Procedures.Api", settings);
    }

    /// <summary>The shipped executable exits at start, with a failure, naming the plain-HTTP metadata rule.</summary>
    private static async Task AssertRefusesToStartAsync(string project, IReadOnlyDictionary<string, string> settings)
    {
        await using var process = ShippedProcess.Start(project, settings);

        Assert.True(await process.WaitForExitAsync(ExitTimeout), $"{project} kept running in {settings["ASPNETCORE_ENVIRONMENT"]}: {process.Output}");
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("RequireHttpsMetadata=false is allowed only in the Development environment or a test host", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedGateway_InProduction_AcceptsAValidToken_AndNoOtherKind()
    {
        await using var issuer = await TestTokenIssuer.StartAsync();
        var certificate = TestCertificate.Create();
        await using var front = await HttpsIssuerFront.StartAsync(issuer, certificate);
        await using var backend = new FakeBackend("procedures", "cchc.procedures.v1.DossierService");
        await backend.StartAsync();
        var grpcPort = FreePort.Next();
        var httpPort = FreePort.Next();

        await using var gateway = ShippedProcess.Start("Cchc.Gateway", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Gateway__GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
            ["Gateway__HttpPort"] = httpPort.ToString(CultureInfo.InvariantCulture),
            // Every backend is the one fake (service discovery needs an address for each).
            ["services__procedures-api__grpc__0"] = $"http://127.0.0.1:{backend.GrpcPort}",
            ["services__reporting-api__grpc__0"] = $"http://127.0.0.1:{backend.GrpcPort}",
            ["services__reporting-api__http__0"] = $"http://127.0.0.1:{backend.HttpPort}",
            ["services__legal-api__grpc__0"] = $"http://127.0.0.1:{backend.GrpcPort}",
            ["services__finance-api__grpc__0"] = $"http://127.0.0.1:{backend.GrpcPort}",
            ["services__organisation-api__grpc__0"] = $"http://127.0.0.1:{backend.GrpcPort}",
            ["services__egov-api__grpc__0"] = $"http://127.0.0.1:{backend.GrpcPort}",
            ["services__identity__http__0"] = $"http://127.0.0.1:{backend.HttpPort}",
            // The issuer as a cluster has it: metadata over https (its CA trusted by the host), the tokens' public issuer.
            ["Security__Authentication__MetadataAddress"] = front.MetadataAddress,
            ["Security__Authentication__Issuer"] = issuer.Issuer,
            ["Security__Authentication__Audience"] = TestTokenIssuer.Audience,
            ["SSL_CERT_FILE"] = Path.Combine(certificate.Directory, "gateway.crt"),
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        await Eventually.AssertAsync(async () =>
        {
            Assert.False(gateway.HasExited, gateway.Output);
            return (await http.GetAsync("/alive")).StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(60), "the shipped gateway answers /alive");
        var grpc = new Uri($"http://127.0.0.1:{grpcPort}");
        string[] scopes = ["procedures.read", "procedures.write"];

        // The positive control: the Production gateway validates (and accepts) a good token through https metadata.
        var accepted = GatewaySecurityTests.UniqueMethod("cchc.procedures.v1.DossierService");
        using (var valid = new HttpClient(new BearerTokenHandler(issuer.CreateToken("tam-duong", scopes, ["*"]), new SocketsHttpHandler())) { BaseAddress = grpc })
        {
            using var forwarded = await valid.SendAsync(GrpcCalls.RawRequest(accepted, [0, 0, 0, 0, 0]));
            Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        }
        Assert.Equal(1, backend.Hits(accepted));

        string?[] refusedTokens =
        [
            null,
            issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { Expired = true }),
            issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { ForeignKey = true }),
            issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { Audience = "another-api" }),
            issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { Issuer = "https://sso.example/" }),
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ0YW0tZHVvbmciLCJhdWQiOiJjY2hjLWFwaSIsInNjb3BlIjoicHJvY2VkdXJlcy53cml0ZSJ9.",
        ];
        foreach (var token in refusedTokens)
        {
            var path = GatewaySecurityTests.UniqueMethod("cchc.procedures.v1.DossierService");
            using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(grpc, new() { HttpHandler = new BearerTokenHandler(token, new SocketsHttpHandler()) });
            var error = await Assert.ThrowsAsync<RpcException>(() => GrpcCalls.CallAsync(channel, path, []));
            Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
            Assert.Equal(0, backend.Hits(path));
        }
        // Health stays open, and the gateway's own errors are problem+json here as in Development.
        using (var anonymous = Grpc.Net.Client.GrpcChannel.ForAddress(grpc))
        {
            var health = await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest { Service = "cchc.procedures.v1.DossierService" });
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }
        using var notFound = await http.GetAsync("/api/internal");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("application/problem+json", notFound.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>
/// The test issuer's metadata and keys served over https with a certificate the test makes (as a cluster's token
/// service would be, behind its CA), so the Production gateway can trust it without any plain-HTTP setting.
/// </summary>
internal sealed class HttpsIssuerFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _issuerClient;

    private HttpsIssuerFront(WebApplication app, HttpClient issuerClient, int port)
    {
        _app = app;
        _issuerClient = issuerClient;
        MetadataAddress = $"https://127.0.0.1:{port}/.well-known/openid-configuration";
    }

    public string MetadataAddress { get; }

    public static async Task<HttpsIssuerFront> StartAsync(TestTokenIssuer issuer, TestCertificate certificate)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var tls = X509Certificate2.CreateFromPemFile(Path.Combine(certificate.Directory, "gateway.crt"), Path.Combine(certificate.Directory, "gateway.key"));
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(tls)));
        var app = builder.Build();
        var issuerClient = new HttpClient { BaseAddress = new Uri(issuer.Issuer) };
        var self = $"https://127.0.0.1:{port}/";
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer.Issuer,
            ["jwks_uri"] = $"{self}.well-known/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/jwks", async () => Results.Content(await issuerClient.GetStringAsync(".well-known/jwks"), "application/json"));
        await app.StartAsync();
        return new HttpsIssuerFront(app, issuerClient, port);
    }

    public async ValueTask DisposeAsync()
    {
        _issuerClient.Dispose();
        await _app.DisposeAsync();
    }
}
