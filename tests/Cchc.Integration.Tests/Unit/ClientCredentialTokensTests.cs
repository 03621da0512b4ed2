using System.Net;
using System.Text;
using Cchc.Client;
using Cchc.Integration.Api.Exchange;

namespace Cchc.Integration.Tests.Unit;

/// <summary>The token cache: one token while it is fresh, a new one before it expires or once refused, one request for many waiting calls.</summary>
public sealed class ClientCredentialTokensTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A token endpoint in memory (unit test): token-1, token-2, … each valid <see cref="Lifetime"/> seconds.</summary>
    private sealed class TokenEndpoint : HttpMessageHandler
    {
        public int Lifetime { get; init; } = 900;
        public int Requests;
        public List<string> Forms { get; } = [];
        public TaskCompletionSource? Gate { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Forms.Add(await request.Content!.ReadAsStringAsync(ct));
            var n = Interlocked.Increment(ref Requests);
            if (Gate is { } gate)
            {
                await gate.Task;
            }
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"access_token":"token-{{n}}","token_type":"Bearer","expires_in":{{Lifetime}}}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    private static TokenClientOptions Options => new()
    {
        TokenEndpoint = new Uri("http://lgsp.example/oauth2/token"), ClientId = "cchc-laichau", ClientSecret = "s3cret", Scope = "dvcqg",
    };

    [Fact]
    public async Task AFreshToken_IsReused_AndRenewedBeforeItExpires()
    {
        var endpoint = new TokenEndpoint { Lifetime = 900 };
        var clock = new FixedClock(Start);
        var tokens = new ClientCredentialTokens(new HttpClient(endpoint), Options.ToRequest(), clock);

        var first = await tokens.GetAsync(default);
        clock.Now = Start.AddSeconds(700);
        var stillFresh = await tokens.GetAsync(default);
        clock.Now = Start.AddSeconds(721); // past 80 % of 15 minutes: renewed while the old one still works
        var renewed = await tokens.GetAsync(default);

        Assert.Equal(("token-1", "token-1", "token-2"), (first, stillFresh, renewed));
        Assert.Equal(2, endpoint.Requests);
        Assert.Contains("grant_type=client_credentials", endpoint.Forms[0]);
        Assert.Contains("client_id=cchc-laichau", endpoint.Forms[0]);
        Assert.Contains("scope=dvcqg", endpoint.Forms[0]);
    }

    [Fact]
    public async Task ATokenRefused_IsReplacedAtOnce()
    {
        var endpoint = new TokenEndpoint();
        var tokens = new ClientCredentialTokens(new HttpClient(endpoint), Options.ToRequest(), new FixedClock(Start));

        var first = await tokens.GetAsync(default);
        tokens.Invalidate("token-other"); // not the current one: nothing happens
        Assert.Equal(first, await tokens.GetAsync(default));
        tokens.Invalidate(first);

        Assert.Equal("token-2", await tokens.GetAsync(default));
        Assert.Equal(2, tokens.Obtained);
    }

    [Fact]
    public async Task ManyWaitingCalls_ShareOneRequest()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var endpoint = new TokenEndpoint { Gate = gate };
        var tokens = new ClientCredentialTokens(new HttpClient(endpoint), Options.ToRequest(), new FixedClock(Start));

        var calls = Enumerable.Range(0, 20).Select(_ => tokens.GetAsync(default).AsTask()).ToList();
        gate.SetResult();
        var all = await Task.WhenAll(calls);

        Assert.All(all, t => Assert.Equal("token-1", t));
        Assert.Equal(1, endpoint.Requests);
    }

    [Fact]
    public async Task ARefusal_IsAnError_NamingTheClient()
    {
        var refusing = new Refusing();
        var tokens = new ClientCredentialTokens(new HttpClient(refusing), Options.ToRequest(), new FixedClock(Start));

        var error = await Assert.ThrowsAsync<TokenRequestException>(async () => await tokens.GetAsync(default));

        Assert.Contains("cchc-laichau", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    private sealed class Refusing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"error":"invalid_client"}""") });
    }
}
