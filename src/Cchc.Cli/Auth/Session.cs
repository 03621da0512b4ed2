using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Cli.Commands;

namespace Cchc.Cli.Auth;

/// <summary>
/// What <c>login</c> leaves for the other commands: the gateway's addresses, the token endpoint, the client and its
/// current access token with its expiry, and — when login read the secret from the platform's clients file — that
/// file's path, so a long import can obtain a new token itself. The secret itself is never stored.
/// </summary>
internal sealed record Session(
    [property: JsonPropertyName("tokenUrl")] string TokenUrl,
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("grpc")] string Grpc,
    [property: JsonPropertyName("http")] string Http,
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("clientsFile")] string? ClientsFile = null,
    [property: JsonPropertyName("scope")] string? Scope = null);

/// <summary>
/// The session file: <c>session.json</c> in <c>--config-dir</c>, else <c>$CCHC_CONFIG_DIR</c>, else
/// <c>$XDG_CONFIG_HOME/cchc</c> or <c>~/.config/cchc</c>. The folder is created 0700 and the file written 0600
/// (owner only): it holds a bearer token.
/// </summary>
internal static class SessionStore
{
    public const string ConfigVariable = "CCHC_CONFIG_DIR";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string Directory(string? configured, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        if (environment(ConfigVariable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }
        var xdg = environment("XDG_CONFIG_HOME");
        var home = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config") : xdg;
        return Path.Combine(home, "cchc");
    }

    public static string FileIn(string directory) => Path.Combine(directory, "session.json");

    public static Session? Load(string directory)
    {
        var path = FileIn(directory);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Session>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Save(string directory, Session session)
    {
        if (!OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        var path = FileIn(directory);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(session, Json)));
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}

/// <summary>
/// The token the commands send: the session's while it has more than a minute left; otherwise a new one by client
/// credentials when a secret can be found (<c>CCHC_CLIENT_SECRET</c>, or the clients file login used), saved back to
/// the session; otherwise "log in again" (exit code 3).
/// </summary>
internal sealed class SessionTokens(string directory, Session session, TimeProvider time, HttpClient http) : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim gate = new(1, 1);
    private Session current = session;

    public Session Session => current;

    public async ValueTask<string> GetAsync(CancellationToken cancellation)
    {
        if (time.GetUtcNow() + Margin < current.ExpiresAt)
        {
            return current.AccessToken;
        }
        await gate.WaitAsync(cancellation);
        try
        {
            if (time.GetUtcNow() + Margin < current.ExpiresAt)
            {
                return current.AccessToken;
            }
            var secret = Environment.GetEnvironmentVariable(ClientCredentials.SecretVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : current.ClientsFile is { Length: > 0 } file && File.Exists(file) ? ClientCredentials.FromFile(file, current.ClientId) : null;
            if (secret is null)
            {
                if (time.GetUtcNow() < current.ExpiresAt)
                {
                    return current.AccessToken;
                }
                throw new NotLoggedInException($"phiên đăng nhập của {current.ClientId} đã hết hạn lúc {current.ExpiresAt.ToOffset(TimeSpan.FromHours(7)):HH:mm dd/MM/yyyy}: "
                    + "chạy \"cchc login\" rồi chạy lại lệnh");
            }
            using var source = new ClientCredentialTokens(http, new TokenRequest(new Uri(current.TokenUrl), current.ClientId, secret, current.Scope), time);
            var token = await source.GetAsync(cancellation);
            current = current with { AccessToken = token, ExpiresAt = source.ExpiresAt };
            SessionStore.Save(directory, current);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();
}

/// <summary>No usable session: the user must run <c>login</c> (exit code 3).</summary>
internal sealed class NotLoggedInException(string message) : Exception(message);

/// <summary>Adds <c>authorization: Bearer</c> with the session's current token to every request.</summary>
internal sealed class SessionTokenHandler(SessionTokens tokens, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The claims of an access token people care about (read from its payload, not verified: the services verify).</summary>
internal static class TokenClaims
{
    public static (string Scopes, string Units) Read(string token)
    {
        try
        {
            var parts = token.Split('.');
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
            return (Join(json.RootElement, "scope"), Join(json.RootElement, "cchc_unit"));
        }
        catch (Exception e) when (e is FormatException or JsonException or IndexOutOfRangeException)
        {
            return (string.Empty, string.Empty);
        }
    }

    private static string Join(JsonElement root, string name) => !root.TryGetProperty(name, out var value) ? string.Empty : value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.GetString())),
        JsonValueKind.String => value.GetString()!.Replace(' ', ',').Replace(",", ", "),
        _ => value.ToString(),
    };
}
