using Cchc.Client;

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

    /// <summary>The token request these options describe (the secrets file is read each time: a rotated secret is taken).</summary>
    public TokenRequest ToRequest() => new(
        TokenEndpoint ?? throw new InvalidOperationException($"No token endpoint for client {ClientId}."),
        ClientId,
        !string.IsNullOrEmpty(ClientSecret) ? ClientSecret
            : !string.IsNullOrEmpty(SecretsFile) ? ClientSecretsFile.Read(SecretsFile, ClientId)
            : throw new InvalidOperationException($"No secret for client {ClientId}: set ClientSecret or SecretsFile."),
        string.IsNullOrEmpty(Scope) ? null : Scope);
}
