using Cchc.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cchc.Gateway.Tests;

/// <summary>The real gateway (same AddGateway/MapGateway as its Program) on free ports, in front of fake backends.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private WebApplication? _gateway;

    public FakeBackend Procedures { get; } = new("procedures");
    public FakeBackend Reporting { get; } = new("reporting");
    public FakeBackend Legal { get; } = new("legal");
    public FakeBackend Identity { get; } = new("identity");
    public int GrpcPort { get; } = FreePort.Next();
    public int HttpPort { get; } = FreePort.Next();

    /// <summary>HTTP/1.1 client for the REST/pages port.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>h2c client (HTTP/2 with prior knowledge) for the gRPC port.</summary>
    public HttpClient H2c { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Procedures.StartAsync();
        await Reporting.StartAsync();
        await Legal.StartAsync();
        await Identity.StartAsync();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:GrpcPort"] = GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Gateway:HttpPort"] = HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["services:procedures-api:grpc:0"] = $"http://127.0.0.1:{Procedures.GrpcPort}",
            ["services:reporting-api:grpc:0"] = $"http://127.0.0.1:{Reporting.GrpcPort}",
            ["services:reporting-api:http:0"] = $"http://127.0.0.1:{Reporting.HttpPort}",
            ["services:legal-api:grpc:0"] = $"http://127.0.0.1:{Legal.GrpcPort}",
            ["services:identity:http:0"] = $"http://127.0.0.1:{Identity.HttpPort}",
            // Backends' own HTTP ports are known to discovery but must never be reachable through the gateway.
            ["services:procedures-api:http:0"] = $"http://127.0.0.1:{Procedures.HttpPort}",
        });
        builder.AddServiceDefaults();
        builder.AddGateway();
        _gateway = builder.Build();
        _gateway.MapGateway();
        await _gateway.StartAsync();

        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        H2c = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{GrpcPort}"),
            DefaultRequestVersion = new Version(2, 0),
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}");
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        Http?.Dispose();
        H2c?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
        await Procedures.DisposeAsync();
        await Reporting.DisposeAsync();
        await Legal.DisposeAsync();
        await Identity.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
