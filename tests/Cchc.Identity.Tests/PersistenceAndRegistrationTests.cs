using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Cchc.Identity.Tests;

/// <summary>Keys that survive restarts, and the `migrate` verb's registration: idempotent, follows the file, refuses bad files.</summary>
[Collection(IdentityServiceCollection.Name)]
public sealed class PersistenceAndRegistrationTests(IdentityService identity)
{
    [Fact]
    public async Task TokenIssuedBeforeARestart_ValidatesAgainstTheJwksAfterIt_AndTheKeyFilesAreOwnerOnly()
    {
        var database = await identity.NewDatabaseAsync("identity_restart");
        var keys = Path.Combine(identity.Folder, "restart-keys");
        var secrets = Path.Combine(identity.Folder, "restart-clients.json");
        Assert.Equal(0, await IdentityService.MigrateAsync(database, secrets));

        string token;
        using (var before = identity.Start(database, keys))
        using (var client = before.CreateClient())
        {
            token = await IdentityService.TokenAsync(client, "tam-duong", IdentityService.SecretOf(secrets, "tam-duong"));
        }

        using var after = identity.Start(database, keys);
        using var afterClient = after.CreateClient();
        var result = await Validate(token, await IdentityService.JwksAsync(afterClient));
        Assert.True(result.IsValid, result.Exception?.Message);

        // A service with other keys (another data folder) does not accept it: the validation above really checked the key.
        using var stranger = identity.Start(database, Path.Combine(identity.Folder, "other-keys"));
        using var strangerClient = stranger.CreateClient();
        Assert.False((await Validate(token, await IdentityService.JwksAsync(strangerClient))).IsValid);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys, "signing-key.pem")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secrets));
        }
    }

    [Fact]
    public async Task MigrateAgain_ChangesNothing_NeitherClientsNorSecrets()
    {
        var database = await identity.NewDatabaseAsync("identity_rerun");
        var secrets = Path.Combine(identity.Folder, "rerun-clients.json");
        Assert.Equal(0, await IdentityService.MigrateAsync(database, secrets));
        var rows = await ApplicationsAsync(database);
        var secretsText = await File.ReadAllTextAsync(secrets);

        Assert.Equal(0, await IdentityService.MigrateAsync(database, secrets));

        Assert.Equal(16, rows.Count); // loader, report reader, auditor, operator, approver, 8 districts, the LGSP, the integration adapter and its operator
        Assert.Equal(rows, await ApplicationsAsync(database)); // same rows, same concurrency tokens: nothing was updated
        Assert.Equal(secretsText, await File.ReadAllTextAsync(secrets));
        Assert.All(JsonNode.Parse(secretsText)!["clients"]!.AsArray(), c => Assert.Equal(43, c!["clientSecret"]!.GetValue<string>().Length));
    }

    [Fact]
    public async Task MigrateWithAChangedFile_UpdatesScopes_AndRemovesClientsNoLongerListed()
    {
        var database = await identity.NewDatabaseAsync("identity_change");
        var secrets = Path.Combine(identity.Folder, "change-clients.json");
        Assert.Equal(0, await IdentityService.MigrateAsync(database, secrets));

        var registration = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "clients.demo.json")))!;
        var clients = registration["clients"]!.AsArray();
        clients.First(c => c!["clientId"]!.GetValue<string>() == "tam-duong")!["scopes"] = new JsonArray("procedures.read");
        clients.Remove(clients.First(c => c!["clientId"]!.GetValue<string>() == "phong-tho"));
        var changed = Path.Combine(identity.Folder, "changed-registration.json");
        await File.WriteAllTextAsync(changed, registration.ToJsonString());
        Assert.Equal(0, await IdentityService.MigrateAsync(database, secrets, changed));

        using var host = identity.Start(database, identity.KeysPath);
        using var client = host.CreateClient();
        var token = await IdentityService.TokenAsync(client, "tam-duong", IdentityService.SecretOf(secrets, "tam-duong"));
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(token).EncodedPayload)).RootElement;
        Assert.Equal("procedures.read", payload.GetProperty("scope").GetString());

        using var write = await IdentityService.RequestTokenAsync(client, "tam-duong", IdentityService.SecretOf(secrets, "tam-duong"), "procedures.write");
        Assert.Contains("invalid_scope", await write.Content.ReadAsStringAsync());
        using var removed = await IdentityService.RequestTokenAsync(client, "phong-tho", IdentityService.SecretOf(secrets, "phong-tho"));
        Assert.Contains("invalid_client", await removed.Content.ReadAsStringAsync());
        Assert.Equal(15, (await ApplicationsAsync(database)).Count);
    }

    [Fact]
    public async Task MigrateWithAnUnknownUnit_Fails_AndRegistersNothing()
    {
        var database = await identity.NewDatabaseAsync("identity_bad_unit");
        var registration = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "clients.demo.json")))!;
        registration["clients"]!.AsArray()[3]!["unitSubtrees"] = new JsonArray("UBND huyện Không Có");
        var bad = Path.Combine(identity.Folder, "bad-registration.json");
        await File.WriteAllTextAsync(bad, registration.ToJsonString());

        Assert.Equal(1, await IdentityService.MigrateAsync(database, Path.Combine(identity.Folder, "bad-clients.json"), bad));
        Assert.False(File.Exists(Path.Combine(identity.Folder, "bad-clients.json")));
        Assert.False(await TableExistsAsync(database));
    }

    [Fact]
    public async Task MigrateWithoutSecretsAndWithoutGeneration_Fails_NamingTheClients()
    {
        var database = await identity.NewDatabaseAsync("identity_no_secrets");
        var secrets = Path.Combine(identity.Folder, "none-clients.json");

        Assert.Equal(1, await IdentityService.MigrateAsync(database, secrets, generate: false));
        Assert.False(File.Exists(secrets));
        Assert.Empty(await ApplicationsAsync(database));
    }

    private static Task<TokenValidationResult> Validate(string token, JsonWebKeySet keys) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IdentityService.Issuer,
            ValidAudience = "cchc-api",
            IssuerSigningKeys = keys.GetSigningKeys(),
        });

    private static async Task<List<string>> ApplicationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "ClientId" || ' ' || "ConcurrencyToken" || ' ' || "Permissions" FROM "OpenIddictApplications" ORDER BY "ClientId" """, connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    private static async Task<bool> TableExistsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT to_regclass('"OpenIddictApplications"') IS NOT NULL""", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
