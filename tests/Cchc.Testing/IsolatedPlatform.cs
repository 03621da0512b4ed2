using System.Text.Json;

namespace Cchc.Testing;

/// <summary>
/// The AppHost settings of a whole platform started by a test (Aspire.Hosting.Testing): local PostgreSQL and RabbitMQ
/// on free ports, a throwaway data folder under /tmp and the gateway on free ports, so it runs beside a developer's
/// platform and beside another test project's (aspire/Cchc.AppHost/AppHostSettings.cs names the settings).
/// </summary>
public sealed class IsolatedPlatform
{
    private readonly string name;

    /// <param name="name">Names the data folder (/tmp/cchc-NAME-…) and the RabbitMQ node (cchc-NAME-PORT@localhost).</param>
    public IsolatedPlatform(string name)
    {
        this.name = name;
        DataDirectory = Path.Combine("/tmp", $"cchc-{name}-{Guid.NewGuid():N}");
    }

    public string DataDirectory { get; }

    public int GatewayGrpcPort { get; } = FreePort.Next();

    public int GatewayHttpPort { get; } = FreePort.Next();

    public Uri GrpcAddress => new($"http://127.0.0.1:{GatewayGrpcPort}");

    public Uri HttpAddress => new($"http://127.0.0.1:{GatewayHttpPort}");

    /// <summary>The demo clients' secrets the token service's migrator generates at the first start.</summary>
    public string ClientsFile => Path.Combine(DataDirectory, "identity", "clients.json");

    /// <summary>A demo client's secret, as the token service's migrator generated it for this platform.</summary>
    public string SecretOf(string clientId) =>
        JsonDocument.Parse(File.ReadAllText(ClientsFile)).RootElement.GetProperty("clients").EnumerateArray()
            .Single(c => c.GetProperty("clientId").GetString() == clientId).GetProperty("clientSecret").GetString()!;

    /// <summary>An access token of a demo client from the real token service, through the gateway (client credentials).</summary>
    public async Task<string> TokenForAsync(string clientId)
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = SecretOf(clientId),
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The token service refused {clientId}: {(int)response.StatusCode} {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Creates the data folder and returns the AppHost's arguments (KEY=VALUE configuration), <paramref name="more"/> last.</summary>
    public string[] Arguments(params string[] more)
    {
        Directory.CreateDirectory(DataDirectory);
        var rabbitPort = FreePort.Next();
        return
        [
            $"CCHC_DATA_DIR={DataDirectory}",
            "CCHC_INFRASTRUCTURE=local",
            $"CCHC_POSTGRES_PORT={FreePort.Next()}",
            $"CCHC_RABBITMQ_PORT={rabbitPort}",
            $"CCHC_RABBITMQ_DIST_PORT={FreePort.Next()}",
            $"CCHC_RABBITMQ_NODENAME=cchc-{name}-{rabbitPort}@localhost",
            $"CCHC_GATEWAY_GRPC_PORT={GatewayGrpcPort}",
            $"CCHC_GATEWAY_HTTP_PORT={GatewayHttpPort}",
            .. more,
        ];
    }

    /// <summary>Removes the data folder (after the platform stopped).</summary>
    public void DeleteData()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing its files: the folder is under /tmp and harmless.
        }
    }
}
