using System.Globalization;
using Cchc.Testing;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cchc.Gateway.Tests;

/// <summary>
/// The real gateway (same AddGateway/MapGateway as its Program) on free ports, in front of two fake backends, trusting a
/// test token issuer. Its clients send a valid province-wide token unless a test asks otherwise.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _enforceTokens;
    private readonly string _scheme;
    private WebApplication? _gateway;

    public GatewayFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    protected GatewayFixture(IReadOnlyDictionary<string, string?> settings, bool enforceTokens = true, bool tls = false)
    {
        _settings = settings;
        _enforceTokens = enforceTokens;
        _scheme = tls ? "https" : "http";
    }

    public FakeBackend Procedures { get; } = new("procedures");
    public FakeBackend Reporting { get; } = new("reporting");
    public FakeBackend Legal { get; } = new("legal");
    public FakeBackend Finance { get; } = new("finance");
    public FakeBackend Organisation { get; } = new("organisation");
    public FakeBackend Egov { get; } = new("egov");
    public FakeBackend Integration { get; } = new("integration");
    public FakeBackend Identity { get; } = new("identity");
    public int GrpcPort { get; } = FreePort.Next();
    public int HttpPort { get; } = FreePort.Next();
    public TestTokenIssuer Issuer { get; private set; } = null!;

    /// <summary>A province-wide token with every scope (the demo loader's rights).</summary>
    public string Token { get; private set; } = null!;

    /// <summary>HTTP/1.1 client for the REST/pages port (with <see cref="Token"/>).</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>h2c client (HTTP/2 with prior knowledge) for the gRPC port (with <see cref="Token"/>).</summary>
    public HttpClient H2c { get; private set; } = null!;

    /// <summary>gRPC channel to the gRPC port (with <see cref="Token"/>).</summary>
    public GrpcChannel Channel { get; private set; } = null!;

    public Uri GrpcAddress => new($"{_scheme}://127.0.0.1:{GrpcPort}");

    public Uri HttpAddress => new($"{_scheme}://127.0.0.1:{HttpPort}");

    public virtual async Task InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        Token = Issuer.ProvinceWriter();
        await Procedures.StartAsync();
        await Reporting.StartAsync();
        await Legal.StartAsync();
        await Finance.StartAsync();
        await Organisation.StartAsync();
        await Egov.StartAsync();
        await Integration.StartAsync();
        await Identity.StartAsync();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>(Issuer.ValidatorSettings())
        {
            ["Gateway:GrpcPort"] = GrpcPort.ToString(CultureInfo.InvariantCulture),
            ["Gateway:HttpPort"] = HttpPort.ToString(CultureInfo.InvariantCulture),
            ["services:procedures-api:grpc:0"] = $"http://127.0.0.1:{Procedures.GrpcPort}",
            ["services:reporting-api:grpc:0"] = $"http://127.0.0.1:{Reporting.GrpcPort}",
            ["services:reporting-api:http:0"] = $"http://127.0.0.1:{Reporting.HttpPort}",
            ["services:legal-api:grpc:0"] = $"http://127.0.0.1:{Legal.GrpcPort}",
            ["services:finance-api:grpc:0"] = $"http://127.0.0.1:{Finance.GrpcPort}",
            ["services:organisation-api:grpc:0"] = $"http://127.0.0.1:{Organisation.GrpcPort}",
            ["services:egov-api:grpc:0"] = $"http://127.0.0.1:{Egov.GrpcPort}",
            ["services:integration-api:grpc:0"] = $"http://127.0.0.1:{Integration.GrpcPort}",
            ["services:integration-api:http:0"] = $"http://127.0.0.1:{Integration.HttpPort}",
            ["services:identity:http:0"] = $"http://127.0.0.1:{Identity.HttpPort}",
            // Backends' own HTTP ports are known to discovery but must never be reachable through the gateway.
            ["services:procedures-api:http:0"] = $"http://127.0.0.1:{Procedures.HttpPort}",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        builder.AddGateway();
        _gateway = builder.Build();
        _gateway.MapGateway(_enforceTokens);
        await _gateway.StartAsync();

        Http = CreateHttp(Token);
        H2c = CreateH2c(Token);
        Channel = CreateChannel(Token);
    }

    /// <summary>The handler every client of this fixture uses underneath (TLS fixtures trust their certificate there).</summary>
    protected virtual HttpMessageHandler CreateInnerHandler() => new SocketsHttpHandler();

    public HttpClient CreateHttp(string? token) => new(new BearerTokenHandler(token, CreateInnerHandler()))
    {
        BaseAddress = HttpAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public HttpClient CreateH2c(string? token) => new(new BearerTokenHandler(token, CreateInnerHandler()))
    {
        BaseAddress = GrpcAddress,
        DefaultRequestVersion = new Version(2, 0),
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public GrpcChannel CreateChannel(string? token) => GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
    {
        HttpHandler = new BearerTokenHandler(token, CreateInnerHandler()),
        MaxSendMessageSize = null,
    });

    public virtual async Task DisposeAsync()
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
        await Finance.DisposeAsync();
        await Organisation.DisposeAsync();
        await Egov.DisposeAsync();
        await Integration.DisposeAsync();
        await Identity.DisposeAsync();
        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
