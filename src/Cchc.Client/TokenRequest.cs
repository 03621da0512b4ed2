namespace Cchc.Client;

/// <summary>Where and as whom to obtain access tokens (OAuth2 client credentials, RFC 6749 §4.4).</summary>
public sealed record TokenRequest(Uri TokenUrl, string ClientId, string ClientSecret, string? Scope = null);

/// <summary>
/// The token endpoint could not be reached, refused the client, or answered no token. The message names the endpoint and
/// the client, and carries the OAuth2 <c>error</c> and <c>error_description</c> when the endpoint gave them.
/// </summary>
public sealed class TokenRequestException(string message, System.Net.HttpStatusCode? statusCode = null, Exception? inner = null)
    : HttpRequestException(message, inner, statusCode);
