using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cchc.Client;

/// <summary>
/// The token service's secrets file, which the platform writes at its first run (<c>$CCHC_DATA_DIR/identity/clients.json</c>):
/// <c>{"clients": [{"clientId": …, "clientSecret": …}, …]}</c>.
/// </summary>
public static class ClientSecretsFile
{
    /// <summary>The secret of <paramref name="clientId"/> in the file at <paramref name="path"/>.</summary>
    /// <exception cref="ClientSecretsFileException">The file is missing, is not a secrets file, or has no secret for the client.</exception>
    public static string Read(string path, string clientId)
    {
        if (!File.Exists(path))
        {
            throw new ClientSecretsFileException($"{path} does not exist (the platform writes it at its first run: $CCHC_DATA_DIR/identity/clients.json).");
        }
        Contents? contents;
        try
        {
            contents = JsonSerializer.Deserialize<Contents>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ClientSecretsFileException($"{path} is not a clients file: {e.Message}");
        }
        var secret = contents?.Clients?.FirstOrDefault(c => c.ClientId == clientId)?.ClientSecret;
        return string.IsNullOrWhiteSpace(secret)
            ? throw new ClientSecretsFileException($"{path} has no secret for client '{clientId}' "
                + $"(it has: {string.Join(", ", contents?.Clients?.Select(c => c.ClientId) ?? [])}).")
            : secret.Trim();
    }

    private sealed record Contents([property: JsonPropertyName("clients")] IReadOnlyList<Entry>? Clients);

    private sealed record Entry(
        [property: JsonPropertyName("clientId")] string? ClientId,
        [property: JsonPropertyName("clientSecret")] string? ClientSecret);
}

/// <summary>A secrets file that cannot give the secret asked for; the message says which file and why.</summary>
public sealed class ClientSecretsFileException(string message) : InvalidOperationException(message);
