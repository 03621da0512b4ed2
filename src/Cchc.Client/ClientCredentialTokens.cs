using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cchc.Client;

/// <summary>
/// Access tokens by the OAuth2 client-credentials grant (a form POST of grant_type, client_id, client_secret and scope),
/// cached: the current token is reused until 80 % of its lifetime has passed (at the latest a minute, or half a short
/// lifetime, before it ends), then a new one is obtained while the old one still works; a token a server refused is
/// dropped at once (<see cref="Invalidate"/>). One request at a time, however many calls wait for it.
/// </summary>
/// <param name="http">The client that posts to the token endpoint.</param>
/// <param name="request">The endpoint and client; read at each request, so a secret given late (options) is taken.</param>
/// <param name="time">The clock.</param>
public sealed class ClientCredentialTokens(HttpClient http, Func<TokenRequest> request, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan MaximumMargin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Value, DateTimeOffset RenewAt)? _current;

    public ClientCredentialTokens(HttpClient http, TokenRequest request, TimeProvider time)
        : this(http, () => request, time)
    {
    }

    /// <summary>How many tokens were obtained so far.</summary>
    public int Obtained { get; private set; }

    /// <summary>When the newest token expires (its issue time plus the endpoint's <c>expires_in</c>).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>A current token.</summary>
    /// <exception cref="TokenRequestException">The endpoint could not be reached or refused the client.</exception>
    public async ValueTask<string> GetAsync(CancellationToken cancellation)
    {
        if (Fresh() is { } token)
        {
            return token;
        }
        await _gate.WaitAsync(cancellation);
        try
        {
            if (Fresh() is { } fresh)
            {
                return fresh;
            }
            var issuedAt = time.GetUtcNow();
            var answer = await RequestAsync(request(), cancellation);
            var lifetime = TimeSpan.FromSeconds(Math.Max(1, answer.ExpiresIn ?? 300));
            var margin = TimeSpan.FromTicks(Math.Max(lifetime.Ticks / 5, Math.Min(MaximumMargin.Ticks, lifetime.Ticks / 2)));
            _current = (answer.AccessToken!, issuedAt + lifetime - margin);
            ExpiresAt = issuedAt + lifetime;
            Obtained++;
            return answer.AccessToken!;
        }
        finally
        {
            _gate.Release();
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

    public void Dispose() => _gate.Dispose();

    private string? Fresh() => _current is { } c && time.GetUtcNow() < c.RenewAt ? c.Value : null;

    private async Task<TokenResponse> RequestAsync(TokenRequest target, CancellationToken cancellation)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", target.ClientId),
            new("client_secret", target.ClientSecret),
        };
        if (!string.IsNullOrWhiteSpace(target.Scope))
        {
            form.Add(new("scope", target.Scope));
        }

        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(target.TokenUrl, new FormUrlEncodedContent(form), cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new TokenRequestException($"cannot reach the token endpoint {target.TokenUrl}: {e.Message}", e.StatusCode, e);
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
            var reason = body?.Error is not { } error ? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"
                : string.IsNullOrWhiteSpace(body.ErrorDescription) ? error
                : $"{error}: {body.ErrorDescription}";
            throw new TokenRequestException($"the token endpoint {target.TokenUrl} refused client '{target.ClientId}': {reason}", response.StatusCode);
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error")] string? Error,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);
}

/// <summary>Adds <c>authorization: Bearer …</c> with a current token to every request (gRPC calls and HTTP requests alike).</summary>
public sealed class BearerTokenHandler(ClientCredentialTokens tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
