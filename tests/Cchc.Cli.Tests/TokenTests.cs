using System.CommandLine;
using System.Text.Json;
using Cchc.Cli.Auth;
using Cchc.Cli.Commands;
using Cchc.Cli.Loading;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Tests;

/// <summary>Client-credentials token acquisition, caching and renewal, and the bearer header on gRPC and HTTP calls.</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private readonly TokenServer _server = new();

    public Task InitializeAsync() => _server.StartAsync();

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Fact]
    public async Task TokenSource_PostsTheClientCredentialsForm_AndReusesTheTokenWhileItIsFresh()
    {
        using var http = new HttpClient();
        using var source = new ClientCredentialTokens(http,
            new TokenRequest(_server.TokenUrl, TokenServer.ClientId, TokenServer.Secret, "procedures.write procedures.read"), TimeProvider.System);

        var first = await source.GetAsync(CancellationToken.None);
        var second = await source.GetAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal(first, second);
        var form = Assert.Single(_server.TokenRequests);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TokenServer.ClientId, form["client_id"]);
        Assert.Equal(TokenServer.Secret, form["client_secret"]);
        Assert.Equal("procedures.write procedures.read", form["scope"]);
    }

    [Fact]
    public async Task TokenSource_ObtainsANewTokenBeforeTheCurrentOneExpires_NotAfter()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var http = new HttpClient();
        using var source = new ClientCredentialTokens(http, new TokenRequest(_server.TokenUrl, TokenServer.ClientId, TokenServer.Secret), clock);

        Assert.Equal("token-1", await source.GetAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(11)); // 15-minute token: still well within its life
        Assert.Equal("token-1", await source.GetAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2)); // 13 minutes: less than a fifth of its life left, renewed ahead of expiry
        Assert.Equal("token-2", await source.GetAsync(CancellationToken.None));
        Assert.Equal(2, source.Obtained);
        Assert.Equal(2, _server.TokenRequests.Count);
        Assert.DoesNotContain("scope", _server.TokenRequests.First().Keys);
    }

    [Fact]
    public async Task TokenSource_WhenTheServerRefuses_FailsWithTheOAuthErrorAndItsDescription()
    {
        _server.ErrorJson = """{"error":"invalid_scope","error_description":"Phạm vi (scope) yêu cầu không tồn tại hoặc chưa được cấp cho hệ thống này."}""";
        using var http = new HttpClient();
        using var source = new ClientCredentialTokens(http, new TokenRequest(_server.TokenUrl, TokenServer.ClientId, TokenServer.Secret, "audit.read"), TimeProvider.System);

        var error = await Assert.ThrowsAsync<TokenRequestException>(() => source.GetAsync(CancellationToken.None).AsTask());

        Assert.Contains("invalid_scope", error.Message);
        Assert.Contains("Phạm vi (scope)", error.Message);
        Assert.Contains(TokenServer.ClientId, error.Message);
    }

    [Fact]
    public async Task TokenSource_WhenTheEndpointIsDown_SaysWhichEndpoint()
    {
        var url = _server.TokenUrl;
        await _server.DisposeAsync();
        using var http = new HttpClient();
        using var source = new ClientCredentialTokens(http, new TokenRequest(url, TokenServer.ClientId, TokenServer.Secret), TimeProvider.System);

        var error = await Assert.ThrowsAsync<TokenRequestException>(() => source.GetAsync(CancellationToken.None).AsTask());
        Assert.Contains(url.ToString(), error.Message);
    }

    [Fact]
    public async Task EveryGrpcCallAndHttpRequest_CarriesTheBearerToken()
    {
        using var tokenHttp = new HttpClient();
        using var tokens = new ClientCredentialTokens(tokenHttp, new TokenRequest(_server.TokenUrl, TokenServer.ClientId, TokenServer.Secret), TimeProvider.System);
        using var channel = GrpcConnection.Open(_server.H2c, tokens);
        using var http = new HttpClient(DemoLoader.Authenticated(new SocketsHttpHandler(), tokens)) { BaseAddress = _server.Http };

        var call = Assert.ThrowsAsync<RpcException>(() => new DossierService.DossierServiceClient(channel)
            .GetDossierAsync(new GetDossierRequest { DossierId = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, (await call).StatusCode); // the server's recorded answer: the call reached it
        using (await http.GetAsync("api/reports/status"))
        {
        }

        Assert.Equal(new[] { "Bearer token-1", "Bearer token-1" }, _server.Authorizations.Select(a => a ?? "(none)").ToArray());
        Assert.Equal(1, tokens.Obtained);
    }

    [Fact]
    public void Credentials_ComeFromTheOption_ThenTheEnvironment_ThenTheClientsFile()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(new
            {
                tokenEndpoint = "http://127.0.0.1:7401/connect/token",
                clients = new[] { new { clientId = "cchc-demo-loader", clientSecret = "from-file" }, new { clientId = "tam-duong", clientSecret = "other" } },
            }));
            var url = new Uri("http://127.0.0.1:7401/connect/token");

            Assert.Equal("from-option", ClientCredentials.Resolve(url, "cchc-demo-loader", "from-option", file, null, _ => "from-env")!.ClientSecret);
            Assert.Equal("from-env", ClientCredentials.Resolve(url, "cchc-demo-loader", null, file, null, _ => "from-env")!.ClientSecret);
            Assert.Equal("from-file", ClientCredentials.Resolve(url, "cchc-demo-loader", null, file, null, _ => null)!.ClientSecret);
            Assert.Null(ClientCredentials.Resolve(url, "cchc-demo-loader", null, null, null, _ => null));

            var missing = Assert.Throws<CommandFailedException>(() => ClientCredentials.Resolve(url, "cchc-auditor", null, file, null, _ => null));
            Assert.Contains("cchc-auditor", missing.Message);
            Assert.Contains(file, missing.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TokenCommand_PrintsOnlyTheToken()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { TokenCommand.Create(output, error) };

        var exit = await root.Parse(["token", "--client-id", TokenServer.ClientId, "--client-secret", TokenServer.Secret,
            "--token-url", _server.TokenUrl.ToString()]).InvokeAsync();

        Assert.Equal(0, exit);
        Assert.Equal("token-1", output.ToString().Trim());
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task TokenCommand_WithAWrongSecret_FailsWithTheServersError()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { TokenCommand.Create(output, error) };

        var exit = await root.Parse(["token", "--client-id", TokenServer.ClientId, "--client-secret", "wrong",
            "--token-url", _server.TokenUrl.ToString()]).InvokeAsync();

        Assert.Equal(1, exit);
        Assert.Contains("invalid_client", error.ToString());
        Assert.Equal(string.Empty, output.ToString());
    }
}
