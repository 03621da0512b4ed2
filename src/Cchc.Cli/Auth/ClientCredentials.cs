using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Cli.Commands;

namespace Cchc.Cli.Auth;

/// <summary>
/// Finds a client's secret: the <c>--client-secret</c> option, else the environment variable
/// <see cref="SecretVariable"/>, else the clients file that the platform generates at its first run
/// (<c>$CCHC_DATA_DIR/identity/clients.json</c>: <c>{"clients": [{"clientId": ..., "clientSecret": ...}]}</c>).
/// </summary>
internal static class ClientCredentials
{
    public const string SecretVariable = "CCHC_CLIENT_SECRET";

    /// <summary>The request, or null when no secret was given anywhere.</summary>
    public static TokenRequest? Resolve(Uri tokenUrl, string clientId, string? secret, string? clientsFile, string? scope,
        Func<string, string?>? environment = null)
    {
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new CommandFailedException("--client-id: a client id is required.");
        }
        secret = NonEmpty(secret) ?? NonEmpty((environment ?? Environment.GetEnvironmentVariable)(SecretVariable));
        if (secret is null && NonEmpty(clientsFile) is { } file)
        {
            secret = FromFile(file, clientId);
        }
        return secret is null ? null : new TokenRequest(tokenUrl, clientId, secret, NonEmpty(scope));
    }

    public static string FromFile(string path, string clientId)
    {
        if (!File.Exists(path))
        {
            throw new CommandFailedException($"--clients-file: {path} does not exist (the platform writes it at its first run: $CCHC_DATA_DIR/identity/clients.json).");
        }
        ClientsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ClientsFile>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new CommandFailedException($"--clients-file: {path} is not a clients file: {e.Message}");
        }
        var entry = file?.Clients?.FirstOrDefault(c => c.ClientId == clientId);
        return NonEmpty(entry?.ClientSecret)
            ?? throw new CommandFailedException($"--clients-file: {path} has no secret for client '{clientId}' "
                + $"(it has: {string.Join(", ", file?.Clients?.Select(c => c.ClientId) ?? [])}).");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record ClientsFile([property: JsonPropertyName("clients")] IReadOnlyList<Entry>? Clients);

    private sealed record Entry(
        [property: JsonPropertyName("clientId")] string? ClientId,
        [property: JsonPropertyName("clientSecret")] string? ClientSecret);
}
