using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;

namespace Cchc.Identity.Clients;

/// <summary>One client's credentials as the file holds them (and as <c>cchc-cli --clients-file</c> reads them).</summary>
public sealed record ClientSecret(
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("clientSecret")] string Secret);

/// <summary>
/// The clients' secrets (<c>Identity:Clients:SecretsFile</c>; locally <c>$CCHC_DATA_DIR/identity/clients.json</c>),
/// JSON <c>{"tokenEndpoint": ..., "clients": [{"clientId": ..., "clientSecret": ...}]}</c>, mode 0600, outside the
/// repository. Secrets generated here are 32 random bytes, base64url (43 characters).
/// </summary>
public sealed class ClientSecretsFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly Dictionary<string, string> _secrets;

    private ClientSecretsFile(string path, Dictionary<string, string> secrets, string? tokenEndpoint)
    {
        Path = path;
        _secrets = secrets;
        TokenEndpoint = tokenEndpoint;
    }

    public string Path { get; }

    /// <summary>Where the clients obtain tokens (informative, written for the people and tools reading the file).</summary>
    public string? TokenEndpoint { get; set; }

    public IReadOnlyDictionary<string, string> Secrets => _secrets;

    public static ClientSecretsFile Load(string path)
    {
        if (!File.Exists(path))
        {
            return new ClientSecretsFile(path, new Dictionary<string, string>(StringComparer.Ordinal), null);
        }
        var content = JsonSerializer.Deserialize<Content>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"The client secrets file {path} is empty.");
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var client in content.Clients ?? [])
        {
            if (string.IsNullOrEmpty(client.ClientId) || string.IsNullOrEmpty(client.Secret))
            {
                throw new InvalidOperationException($"The client secrets file {path} has an entry without clientId or clientSecret.");
            }
            secrets[client.ClientId] = client.Secret;
        }
        return new ClientSecretsFile(path, secrets, content.TokenEndpoint);
    }

    public bool TryGet(string clientId, out string secret) => _secrets.TryGetValue(clientId, out secret!);

    /// <summary>A new random secret for <paramref name="clientId"/>, kept in memory until <see cref="Save"/>.</summary>
    public string Generate(string clientId)
    {
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _secrets[clientId] = secret;
        return secret;
    }

    /// <summary>Writes the file atomically (a 0600 temporary file renamed over it); its folder is created 0700.</summary>
    public void Save()
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var content = new Content(TokenEndpoint, _secrets.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new ClientSecret(p.Key, p.Value)).ToList());
        var temporary = Path + ".tmp-" + Environment.ProcessId;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, content, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path, overwrite: true);
    }

    private sealed record Content(
        [property: JsonPropertyName("tokenEndpoint"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TokenEndpoint,
        [property: JsonPropertyName("clients")] IReadOnlyList<ClientSecret>? Clients);
}
