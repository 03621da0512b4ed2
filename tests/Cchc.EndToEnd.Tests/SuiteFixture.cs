using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Cchc.Contracts;
using Cchc.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// One isolated platform for the whole test assembly: the real AppHost with local PostgreSQL and RabbitMQ on free
/// ports, a throwaway data folder and its own gateway ports, so it runs beside a developer's platform.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly string _dataDirectory = Path.Combine("/tmp", $"cchc-e2e-{Guid.NewGuid():N}");
    private DistributedApplication? _app;

    public int GatewayGrpcPort { get; } = FreePort.Next();
    public int GatewayHttpPort { get; } = FreePort.Next();
    public Uri GrpcAddress => new($"http://127.0.0.1:{GatewayGrpcPort}");
    public Uri HttpAddress => new($"http://127.0.0.1:{GatewayHttpPort}");
    public GrpcChannel Channel { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The demo clients' secrets the identity migrator generated for this platform.</summary>
    public string ClientsFile => Path.Combine(_dataDirectory, "identity", "clients.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var rabbitPort = FreePort.Next();
        string[] args =
        [
            $"CCHC_DATA_DIR={_dataDirectory}",
            "CCHC_INFRASTRUCTURE=local",
            $"CCHC_POSTGRES_PORT={FreePort.Next()}",
            $"CCHC_RABBITMQ_PORT={rabbitPort}",
            $"CCHC_RABBITMQ_DIST_PORT={FreePort.Next()}",
            $"CCHC_RABBITMQ_NODENAME=cchc-e2e-{rabbitPort}@localhost",
            $"CCHC_GATEWAY_GRPC_PORT={GatewayGrpcPort}",
            $"CCHC_GATEWAY_HTTP_PORT={GatewayHttpPort}",
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Cchc_AppHost>(args);
        _app = await builder.BuildAsync();
        using var cts = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(cts.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, cts.Token);

        Channel = GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = 32 * 1024 * 1024 });
        Http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing its files: the folder is under /tmp and harmless.
        }
    }

    /// <summary>Metadata that routes health and reflection calls to one backend through the gateway.</summary>
    public static Metadata ServiceHeader(string service) => new() { { "x-cchc-service", service } };
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
