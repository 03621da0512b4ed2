using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Cli.Commands;

namespace Cchc.Cli.Auth;

/// <summary>Where and as whom to obtain tokens (OAuth2 client credentials).</summary>
public sealed record TokenRequest(Uri TokenUrl, string ClientId, string ClientSecret, string? Scope = null);

/// <summary>
/// Obtains access tokens by the OAuth2 client-credentials grant (RFC 6749 §4.4: form POST of grant_type, client_id,
/// client_secret, scope) and keeps the current one, obtaining a new one before it expires: once 80 % of its lifetime
/// has passed, or less than a minute is left. Safe to call from many concurrent calls: one request at a time.
/// </summary>
internal sealed class ClientCredentialsTokenSource(HttpClient http, TokenRequest request, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan MinimumMargin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _refreshAt;

    public TokenRequest Request => request;

    /// <summary>How many tokens were obtained (for the progress output and tests).</summary>
    public int Obtained { get; private set; }

    /// <summary>When the current token expires (as the token endpoint said: issue time + expires_in).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellation)
    {
        if (_token is { } current && time.GetUtcNow() < _refreshAt)
        {
            return current;
        }
        await _gate.WaitAsync(cancellation);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < _refreshAt)
            {
                return fresh;
            }
            var issuedAt = time.GetUtcNow();
            var response = await RequestAsync(cancellation);
            var lifetime = TimeSpan.FromSeconds(Math.Max(1, response.ExpiresIn ?? 300));
            var margin = TimeSpan.FromTicks(Math.Max(lifetime.Ticks / 5, Math.Min(MinimumMargin.Ticks, lifetime.Ticks / 2)));
            _refreshAt = issuedAt + lifetime - margin;
            ExpiresAt = issuedAt + lifetime;
            _token = response.AccessToken;
            Obtained++;
            return _token!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<TokenResponse> RequestAsync(CancellationToken cancellation)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", request.ClientId),
            new("client_secret", request.ClientSecret),
        };
        if (!string.IsNullOrWhiteSpace(request.Scope))
        {
            form.Add(new("scope", request.Scope));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(request.TokenUrl, new FormUrlEncodedContent(form), cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new CommandFailedException($"cannot reach the token endpoint {request.TokenUrl}: {e.Message}");
        }
        using (response)
        {
            TokenResponse? body = null;
            try
            {
                body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellation);
            }
            catch (JsonException)
            {
                // Not an OAuth2 JSON answer: reported below with the status code.
            }
            if (response.IsSuccessStatusCode && !string.IsNullOrEmpty(body?.AccessToken))
            {
                return body;
            }
            var reason = body?.Error is { } error ? $"{error}: {body.ErrorDescription}" : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            throw new CommandFailedException($"the token endpoint {request.TokenUrl} refused client '{request.ClientId}': {reason}");
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("token_type")] string? TokenType,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}

/// <summary>Adds <c>authorization: Bearer …</c> with a current token to every request (gRPC calls and HTTP requests alike).</summary>
internal sealed class BearerTokenHandler(ClientCredentialsTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
