using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Identity.Clients;
using Cchc.Identity.Extensions;
using Cchc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Cchc.Identity.Tests;

[CollectionDefinition(Name)]
public sealed class IdentityServiceCollection : ICollectionFixture<IdentityService>
{
    public const string Name = "identity-service";
}

/// <summary>
/// A real PostgreSQL server, a database migrated and registered by <c>migrate</c> with the demo clients (secrets generated
/// into a temporary folder), and the token service hosted in-process on it. Tests that change the registration use
/// databases of their own (<see cref="NewDatabaseAsync"/>).
/// </summary>
public sealed class IdentityService : IAsyncLifetime
{
    public const string Issuer = "http://127.0.0.1:7401/";

    private readonly List<IDisposable> _hosts = [];

    public PostgresServer Postgres { get; } = new();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cchc-identity-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public string ConnectionString { get; private set; } = string.Empty;

    public string KeysPath => Path.Combine(Folder, "keys");

    public string SecretsFile => Path.Combine(Folder, "clients.json");

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Directory.CreateDirectory(Folder);
        ConnectionString = await Postgres.CreateDatabaseAsync("identity_tests");
        Assert.Equal(0, await MigrateAsync(ConnectionString, SecretsFile));
        Client = Start(ConnectionString, KeysPath).CreateClient();
    }

    public async Task<string> NewDatabaseAsync(string name) => await Postgres.CreateDatabaseAsync(name);

    /// <summary>The `migrate` verb with the demo registration (or <paramref name="registrationFile"/>), generating missing secrets.</summary>
    public static Task<int> MigrateAsync(string connectionString, string secretsFile, string? registrationFile = null, bool generate = true) =>
        MigrateCommand.RunAsync(
        [
            new("ConnectionStrings:identitydb", connectionString),
            new("Identity:Issuer", Issuer),
            new("Identity:Clients:SecretsFile", secretsFile),
            new("Identity:Clients:GenerateMissingSecrets", generate ? "true" : "false"),
            new("Identity:Clients:RegistrationFile", registrationFile ?? "clients.demo.json"),
            new("Logging:LogLevel:Default", "Warning"),
        ]);

    /// <summary>A token service instance (a new one per call: a "restart" is a second call with the same keys).</summary>
    public WebApplicationFactory<Program> Start(string connectionString, string keysPath)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseFreeKestrelPorts();
            web.UseEnvironment("Testing");
            web.UseSetting("ConnectionStrings:identitydb", connectionString);
            web.UseSetting("Identity:Issuer", Issuer);
            web.UseSetting("Identity:KeysPath", keysPath);
            web.UseSetting("Identity:AllowInsecureHttp", "true");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _hosts.Add(factory);
        return factory;
    }

    public string SecretOf(string clientId) => SecretOf(SecretsFile, clientId);

    public static string SecretOf(string secretsFile, string clientId) =>
        ClientSecretsFile.Load(secretsFile).TryGet(clientId, out var secret) ? secret : throw new InvalidOperationException($"No secret for {clientId}.");

    public static async Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string clientId, string secret, string? scope = null,
        string grantType = "client_credentials")
    {
        var form = new Dictionary<string, string> { ["grant_type"] = grantType, ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public static async Task<string> TokenAsync(HttpClient client, string clientId, string secret, string? scope = null)
    {
        using var response = await RequestTokenAsync(client, clientId, secret, scope);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<JsonWebKeySet> JwksAsync(HttpClient client) =>
        new(await client.GetStringAsync("/.well-known/jwks"));

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
        await Postgres.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
