using System.CommandLine;
using Cchc.Cli.Auth;

namespace Cchc.Cli.Commands;

/// <summary>The options every command that obtains a token shares: token URL, client id, secret, clients file, scope.</summary>
internal sealed class TokenOptions
{
    public const string DefaultTokenUrl = "http://127.0.0.1:7401/connect/token";

    public TokenOptions(string defaultClientId, bool clientIdRequired)
    {
        TokenUrl = new Option<string>("--token-url")
        {
            Description = "The token endpoint (OAuth2 client credentials), normally the gateway's.",
            DefaultValueFactory = _ => DefaultTokenUrl,
        };
        ClientId = new Option<string>("--client-id")
        {
            Description = "The client to authenticate as.",
            Required = clientIdRequired,
        };
        if (!clientIdRequired)
        {
            ClientId.DefaultValueFactory = _ => defaultClientId;
        }
        ClientSecret = new Option<string?>("--client-secret")
        {
            Description = $"The client's secret (or the environment variable {ClientCredentials.SecretVariable}, or --clients-file).",
        };
        ClientsFile = new Option<string?>("--clients-file")
        {
            Description = "The clients file the platform generated ($CCHC_DATA_DIR/identity/clients.json): the secret is read from it.",
        };
        Scope = new Option<string?>("--scope")
        {
            Description = "Space-separated scopes to ask for (default: every scope of the client).",
        };
    }

    public Option<string> TokenUrl { get; }
    public Option<string> ClientId { get; }
    public Option<string?> ClientSecret { get; }
    public Option<string?> ClientsFile { get; }
    public Option<string?> Scope { get; }

    public IEnumerable<Option> All => [TokenUrl, ClientId, ClientSecret, ClientsFile, Scope];

    /// <summary>The token request, or null when no secret was given (nor found in the environment or a clients file).</summary>
    public TokenRequest? Resolve(ParseResult parse) => ClientCredentials.Resolve(
        Addresses.Parse(parse.GetValue(TokenUrl), "--token-url"),
        parse.GetValue(ClientId) ?? string.Empty,
        parse.GetValue(ClientSecret),
        parse.GetValue(ClientsFile),
        parse.GetValue(Scope));
}

internal static class Addresses
{
    public static Uri Parse(string? value, string option) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CommandFailedException($"{option}: expected an http:// or https:// address, got '{value}'.");
}
