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
        try
        {
            return ClientSecretsFile.Read(path, clientId);
        }
        catch (ClientSecretsFileException e)
        {
            throw new CommandFailedException($"--clients-file: {e.Message}");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
