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
    private readonly string _environment;
    private readonly string _scheme;
    private WebApplication? _gateway;

    public GatewayFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    protected GatewayFixture(IReadOnlyDictionary<string, string?> settings, bool tls = false, string environment = "Testing")
    {
        _settings = settings;
        _environment = environment;
        _scheme = tls ? "https" : "http";
    }

    public const string Audit = "cchc.audit.v1.AuditService";
    public const string UnitReference = "cchc.reference.v1.UnitReference";

    // The services each real backend maps (its Program.cs), written out here so the gateway's catalogue is checked
    // against an independent list.
    public FakeBackend Procedures { get; } = new("procedures", "cchc.procedures.v1.ProcedureCatalogService", "cchc.procedures.v1.DossierService",
        "cchc.procedures.v1.FeedbackService", UnitReference, Audit);
    public FakeBackend Reporting { get; } = new("reporting", "cchc.reporting.v1.ReportingService", Audit);
    public FakeBackend Legal { get; } = new("legal", "cchc.legal.v1.DocumentService", "cchc.legal.v1.ReviewService", "cchc.legal.v1.CheckService",
        UnitReference, Audit);
    public FakeBackend Finance { get; } = new("finance", "cchc.finance.v1.AutonomyService", "cchc.finance.v1.BudgetService", Audit);
    public FakeBackend Organisation { get; } = new("organisation", "cchc.organisation.v1.UnitRegistryService", "cchc.organisation.v1.StaffingService", Audit);
    public FakeBackend Egov { get; } = new("egov", "cchc.egov.v1.MetricService", "cchc.egov.v1.CapabilityService", Audit);
    public FakeBackend Integration { get; } = new("integration", "cchc.integration.v1.MessageLogService", "cchc.integration.v1.DeadLetterService",
        "cchc.integration.v1.ReportSubmissionService", "cchc.integration.v1.CatalogueSyncService", Audit);
    public FakeBackend Programme { get; } = new("programme", "cchc.programme.v1.ProgrammeRecordService", "cchc.programme.v1.SubmittedValueService",
        "cchc.programme.v1.ObligationService", Audit);
    public FakeBackend Identity { get; } = new("identity");

    public IEnumerable<FakeBackend> Backends => [Procedures, Reporting, Legal, Finance, Organisation, Egov, Integration, Programme];

    /// <summary>The x-cchc-service value (and proto package name) of each backend.</summary>
    public static TheoryData<string> BackendKeys => new() { "procedures", "reporting", "legal", "finance", "organisation", "egov" };
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
        await Programme.StartAsync();
        await Identity.StartAsync();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = _environment });
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>(Issuer.ValidatorSettings())
        {
            ["Gateway:GrpcPort"] = GrpcPort.ToString(CultureInfo.InvariantCulture),
            ["Gateway:HttpPort"] = HttpPort.ToString(CultureInfo.InvariantCulture),
            ["Gateway:HealthWatchInterval"] = "00:00:00.2",
            ["services:procedures-api:grpc:0"] = $"http://127.0.0.1:{Procedures.GrpcPort}",
            ["services:reporting-api:grpc:0"] = $"http://127.0.0.1:{Reporting.GrpcPort}",
            ["services:reporting-api:http:0"] = $"http://127.0.0.1:{Reporting.HttpPort}",
            ["services:legal-api:grpc:0"] = $"http://127.0.0.1:{Legal.GrpcPort}",
            ["services:finance-api:grpc:0"] = $"http://127.0.0.1:{Finance.GrpcPort}",
            ["services:organisation-api:grpc:0"] = $"http://127.0.0.1:{Organisation.GrpcPort}",
            ["services:egov-api:grpc:0"] = $"http://127.0.0.1:{Egov.GrpcPort}",
            ["services:integration-api:grpc:0"] = $"http://127.0.0.1:{Integration.GrpcPort}",
            ["services:integration-api:http:0"] = $"http://127.0.0.1:{Integration.HttpPort}",
            ["services:programme-api:grpc:0"] = $"http://127.0.0.1:{Programme.GrpcPort}",
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
        ConfigureGateway(builder);
        _gateway = builder.Build();
        _gateway.MapGateway();
        MapExtra(_gateway);
        await _gateway.StartAsync();

        Http = CreateHttp(Token);
        H2c = CreateH2c(Token);
        Channel = CreateChannel(Token);
    }

    /// <summary>Changes a test fixture makes to the gateway's services after AddGateway (the shipped registrations).</summary>
    protected virtual void ConfigureGateway(WebApplicationBuilder builder)
    {
    }

    /// <summary>Endpoints a test fixture adds after MapGateway.</summary>
    protected virtual void MapExtra(WebApplication gateway)
    {
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
        await Programme.DisposeAsync();
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
