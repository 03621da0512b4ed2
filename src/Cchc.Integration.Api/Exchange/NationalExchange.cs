using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Client;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Cchc.Integration.Api.Exchange;

/// <summary>
/// The national data-sharing platform (NGSP) as this adapter reaches it, section <c>Integration:Ngsp</c>: the address its
/// named services are posted to (<c>{"service":"LayThuTuc",…}</c>, the portal's style), its token endpoint and this
/// platform's client there, and the resilience of every call (<c>Integration:Ngsp:Resilience</c>, the
/// Microsoft.Extensions.Http.Resilience standard handler's options: timeouts, retries with back-off, circuit breaker).
/// In development the AppHost points it at the simulator (src/Cchc.NationalSimulator); a province's configuration names
/// the real endpoints.
/// </summary>
public sealed class NationalPlatformOptions
{
    public const string Section = "Integration:Ngsp";
    public const string HttpClientName = "ngsp";

    /// <summary>Where the named services are posted, e.g. <c>https://ngsp.gov.vn/api/dvcqg</c>.</summary>
    public Uri? ServiceAddress { get; set; }

    public TokenClientOptions Token { get; set; } = new();
}

/// <summary>A call to the national side that did not succeed: refused (<see cref="Refused"/>), or not delivered after its retries.</summary>
public sealed class ExchangeFailedException(string message, bool refused, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The other side answered and refused (a 4xx other than 401/408/429, or an error_code): sending again will not help.</summary>
    public bool Refused { get; } = refused;
}

/// <summary>
/// Posts named services to the NGSP with the platform's token (cached, renewed before expiry, obtained again once if a
/// call is refused with it) through the resilient HTTP client, and logs every exchange, delivered or not.
/// </summary>
public sealed class NationalExchange(
    IHttpClientFactory clients,
    [FromKeyedServices(NationalPlatformOptions.HttpClientName)] ClientCredentialTokens tokens,
    IOptions<NationalPlatformOptions> options,
    IOptions<ExchangeOptions> exchange,
    IServiceScopeFactory scopes,
    ILogger<NationalExchange> logger)
{
    public async Task<JsonElement> CallAsync(string service, JsonObject body, CancellationToken ct)
    {
        body["service"] = service;
        var payload = Encoding.UTF8.GetBytes(body.ToJsonString());
        var messageId = Guid.NewGuid().ToString("N");
        try
        {
            var answer = await SendAsync(payload, messageId, ct);
            await LogAsync(service, messageId, payload, $"delivered error_code={answer.GetProperty("error_code").GetInt32()}");
            return answer;
        }
        catch (ExchangeFailedException e)
        {
            await LogAsync(service, messageId, payload, (e.Refused ? "refused: " : "failed: ") + e.Message);
            throw;
        }
    }

    private async Task<JsonElement> SendAsync(byte[] payload, string messageId, CancellationToken ct)
    {
        var address = options.Value.ServiceAddress ?? throw new ExchangeFailedException("Integration:Ngsp:ServiceAddress is not configured.", refused: false);
        var http = clients.CreateClient(NationalPlatformOptions.HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            string token;
            HttpResponseMessage response;
            try
            {
                token = await tokens.GetAsync(ct);
                using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(payload) };
                request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                request.Headers.Authorization = new("Bearer", token);
                request.Headers.Add("X-Request-Id", messageId);
                request.Headers.Add("X-Road-Client", exchange.Value.Self);
                response = await http.SendAsync(request, ct);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                throw new ExchangeFailedException($"{address}: {e.GetType().Name}: {e.Message}", refused: false, e);
            }
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
                {
                    // Expired or revoked before its time: one new token, one more try.
                    tokens.Invalidate(token);
                    logger.LogInformation("The NGSP refused the token; obtaining a new one");
                    continue;
                }
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    var refused = (int)response.StatusCode is >= 400 and < 500 and not 408 and not 429;
                    throw new ExchangeFailedException($"{address}: {(int)response.StatusCode} {text}", refused);
                }
                var answer = JsonDocument.Parse(text).RootElement.Clone();
                if (!answer.TryGetProperty("error_code", out var code) || code.ValueKind != JsonValueKind.Number)
                {
                    throw new ExchangeFailedException($"{address}: an answer without error_code: {text}", refused: true);
                }
                return answer;
            }
        }
    }

    private async Task LogAsync(string service, string messageId, byte[] payload, string status)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MessageLog>().AppendAsync(
            new ExchangeRecord("out", exchange.Value.Self, exchange.Value.Ngsp, service, messageId, payload, status), CancellationToken.None);
    }
}
