using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cchc.Integration.Api.Exchange;

/// <summary>
/// Where and as whom the adapter obtains an OAuth2 client-credentials token: the suite's token service (to call the
/// procedures service) or an LGSP/NGSP token endpoint. The secret is given, or read from a secrets file of the token
/// service's shape (<c>{"clients":[{"clientId","clientSecret"}]}</c>, what the AppHost's identity migrator writes).
/// </summary>
public sealed class TokenClientOptions
{
    public Uri? TokenEndpoint { get; set; }
    public string ClientId { get; set; } = string.Empty;
    public string? ClientSecret { get; set; }
    public string? SecretsFile { get; set; }
    public string? Scope { get; set; }

    public string Secret()
    {
        if (!string.IsNullOrEmpty(ClientSecret))
        {
            return ClientSecret;
        }
        if (string.IsNullOrEmpty(SecretsFile))
        {
            throw new InvalidOperationException($"No secret for client {ClientId}: set ClientSecret or SecretsFile.");
        }
        using var document = JsonDocument.Parse(File.ReadAllText(SecretsFile));
        return document.RootElement.GetProperty("clients").EnumerateArray()
            .Where(c => c.GetProperty("clientId").GetString() == ClientId)
            .Select(c => c.GetProperty("clientSecret").GetString())
            .FirstOrDefault() ?? throw new InvalidOperationException($"Client {ClientId} is not in {SecretsFile}.");
    }
}

/// <summary>
/// A cached client-credentials access token, obtained again shortly before it expires (after 80 % of its lifetime, at
/// the latest 30 s before the end) or at once when a call was refused with it (<see cref="Invalidate"/>). One request
/// for a new token at a time, however many calls wait for it.
/// </summary>
public sealed class ClientCredentialTokens(HttpClient http, TokenClientOptions options, TimeProvider clock)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (string Value, DateTimeOffset RenewAfter)? _current;

    /// <summary>How many tokens were obtained so far.</summary>
    public int Obtained { get; private set; }

    public async ValueTask<string> GetAsync(CancellationToken ct)
    {
        if (Valid() is { } token)
        {
            return token;
        }
        await _refresh.WaitAsync(ct);
        try
        {
            if (Valid() is { } fresh)
            {
                return fresh;
            }
            var requestedAt = clock.GetUtcNow();
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.Secret(),
            };
            if (!string.IsNullOrEmpty(options.Scope))
            {
                form["scope"] = options.Scope;
            }
            var endpoint = options.TokenEndpoint ?? throw new InvalidOperationException($"No token endpoint for client {options.ClientId}.");
            using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(form), ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"The token endpoint {endpoint} refused client {options.ClientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}",
                    null, response.StatusCode);
            }
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(ct)
                ?? throw new HttpRequestException($"The token endpoint {endpoint} answered no token.");
            var lifetime = TimeSpan.FromSeconds(Math.Max(1, body.ExpiresIn ?? 300));
            var margin = TimeSpan.FromTicks(Math.Max(lifetime.Ticks / 5, Math.Min(TimeSpan.FromSeconds(30).Ticks, lifetime.Ticks / 2)));
            _current = (body.AccessToken, requestedAt + lifetime - margin);
            Obtained++;
            return body.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> (a call was refused with it as expired or revoked): the next call obtains a new one.</summary>
    public void Invalidate(string token)
    {
        if (_current is { } current && current.Value == token)
        {
            _current = null;
        }
    }

    private string? Valid() => _current is { } c && clock.GetUtcNow() < c.RenewAfter ? c.Value : null;

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);
}
