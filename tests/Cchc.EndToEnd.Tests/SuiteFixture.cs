using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Cchc.Contracts;
using Cchc.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OrgApi = Cchc.Organisation.Api.Grpc;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// One isolated platform for the whole test assembly: the real AppHost with local PostgreSQL and RabbitMQ on free
/// ports, a throwaway data folder and its own gateway ports, so it runs beside a developer's platform.
/// </summary>
public sealed class SuiteFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private readonly IsolatedPlatform _platform = new("e2e");
    private DistributedApplication? _app;

    public int GatewayGrpcPort => _platform.GatewayGrpcPort;
    public int GatewayHttpPort => _platform.GatewayHttpPort;
    public Uri GrpcAddress => _platform.GrpcAddress;
    public Uri HttpAddress => _platform.HttpAddress;
    public GrpcChannel Channel { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The demo clients' secrets the identity migrator generated for this platform.</summary>
    public string ClientsFile => _platform.ClientsFile;

    /// <summary>The demo loader's token from the real token service: read and write procedures, read reports, every unit.</summary>
    public string Token { get; private set; } = null!;

    /// <summary>The public issuer every validator expects: the gateway's HTTP address.</summary>
    public string IssuerAddress => $"http://127.0.0.1:{GatewayHttpPort}/";

    /// <summary>Client whose gateway quota this run sets low, so a burst over it is cheap to provoke.</summary>
    public const string ThrottledClient = "muong-te";

    public const int ThrottledClientBurst = 20;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Cchc_AppHost>(_platform.Arguments());
        var gateway = builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Gateway));
        gateway.WithEnvironment($"Gateway__RateLimit__Clients__{ThrottledClient}__TokenLimit", ThrottledClientBurst.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment($"Gateway__RateLimit__Clients__{ThrottledClient}__TokensPerPeriod", "1")
            .WithEnvironment($"Gateway__RateLimit__Clients__{ThrottledClient}__ReplenishmentPeriod", "01:00:00");
        // The integration adapter retries and breaks its circuit on a test's time scale (docs/integration.md, "Failure handling").
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.IntegrationApi))
            .WithEnvironment("Integration__Reports__FirstRetryDelay", "00:00:02")
            .WithEnvironment("Integration__Reports__MaxRetryDelay", "00:00:04")
            .WithEnvironment("Integration__Reports__PollInterval", "00:00:01")
            .WithEnvironment("Integration__Ngsp__Resilience__Retry__Delay", "00:00:00.200")
            .WithEnvironment("Integration__Ngsp__Resilience__CircuitBreaker__BreakDuration", "00:00:05");
        _app = await builder.BuildAsync();
        using var cts = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(cts.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, cts.Token);

        Token = await TokenForAsync("cchc-demo-loader");
        Channel = ChannelFor(Token);
        Http = new HttpClient(new BearerTokenHandler(Token, new SocketsHttpHandler())) { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(60) };
        await RegisterUnitsAsync(cts.Token);
    }

    /// <summary>Code prefix of the units every scenario records facts for (<see cref="SuiteUnits"/>).</summary>
    private const string UnitPrefix = "E2E-SUITE";

    /// <summary>
    /// The units the scenarios record dossiers, documents, reviews, checks and e-government facts for, as (code, name, kind, parent code):
    /// the services refuse facts for units the registry does not know on the fact's day, so the suite registers them
    /// first, through the gateway, as the Department of Home Affairs would.
    /// </summary>
    private static readonly (string Code, string Name, OrgApi.UnitKind Kind, string Parent)[] SuiteUnits =
    [
        ("P", "tỉnh Lai Châu", OrgApi.UnitKind.Province, ""),
        ("P-UBND", "UBND tỉnh Lai Châu", OrgApi.UnitKind.PeoplesCommittee, "P"),
        ("P-HDND", "HĐND tỉnh Lai Châu", OrgApi.UnitKind.PeoplesCouncil, "P"),
        ("STP", "Sở Tư pháp", OrgApi.UnitKind.SpecialisedAgency, "P-UBND"),
        ("STP-TEST", "Đơn vị thử nghiệm", OrgApi.UnitKind.AgencyDivision, "STP"),
        ("STTTT", "Sở Thông tin và Truyền thông", OrgApi.UnitKind.SpecialisedAgency, "P-UBND"),
        ("TD", "huyện Tam Đường", OrgApi.UnitKind.DistrictLevel, "P"),
        ("TD-UBND", "UBND huyện Tam Đường", OrgApi.UnitKind.PeoplesCommittee, "TD"),
        ("TD-HDND", "HĐND huyện Tam Đường", OrgApi.UnitKind.PeoplesCouncil, "TD"),
        ("SH", "huyện Sìn Hồ", OrgApi.UnitKind.DistrictLevel, "P"),
        ("SH-UBND", "UBND huyện Sìn Hồ", OrgApi.UnitKind.PeoplesCommittee, "SH"),
        ("MT", "huyện Mường Tè", OrgApi.UnitKind.DistrictLevel, "P"),
        ("MT-UBND", "UBND huyện Mường Tè", OrgApi.UnitKind.PeoplesCommittee, "MT"),
        ("BG", "xã Bản Giang", OrgApi.UnitKind.CommuneLevel, "TD"),
        ("BG-UBND", "UBND xã Bản Giang", OrgApi.UnitKind.PeoplesCommittee, "BG"),
        ("BG-HDND", "HĐND xã Bản Giang", OrgApi.UnitKind.PeoplesCouncil, "BG"),
    ];

    /// <summary>Registers <see cref="SuiteUnits"/> (founded 2000-01-01) and waits until every service's copy holds them.</summary>
    private Task RegisterUnitsAsync(CancellationToken cancellation) =>
        RegisterUnitsAsync(UnitPrefix, "2000-01-01", SuiteUnits.Select(u => (u.Code, u.Name, u.Kind, u.Parent, OrgApi.PublicServiceSector.Unspecified)), cancellation);

    /// <summary>The services that keep a copy of the unit registry (gateway backend keys of cchc.reference.v1.UnitReference).</summary>
    public static readonly IReadOnlyList<string> ServicesWithCopies = ["procedures", "legal", "finance", "egov"];

    /// <summary>
    /// Registers units through the gateway as the Department of Home Affairs would — (code, name, kind, parent code, sector),
    /// codes and parents prefixed with <paramref name="prefix"/>, each founded on <paramref name="foundedOn"/> — then waits
    /// until every service's copy of the registry holds them: the services refuse facts for units their copy does not
    /// know on the fact's day. Idempotent (the change ids are derived from the codes).
    /// </summary>
    public async Task RegisterUnitsAsync(string prefix, string foundedOn,
        IEnumerable<(string Code, string Name, OrgApi.UnitKind Kind, string Parent, OrgApi.PublicServiceSector Sector)> units, CancellationToken cancellation = default)
    {
        var registry = new OrgApi.UnitRegistryService.UnitRegistryServiceClient(Channel);
        using (var import = registry.ImportChanges(cancellationToken: cancellation))
        {
            foreach (var (code, name, kind, parent, sector) in units)
            {
                await import.RequestStream.WriteAsync(new OrgApi.UnitChange
                {
                    Found = new OrgApi.FoundUnitRequest
                    {
                        ChangeId = $"{prefix}-found-{code}", EffectiveOn = foundedOn,
                        Unit = new OrgApi.UnitSpec
                        {
                            UnitCode = $"{prefix}-{code}", Name = name, Kind = kind, ParentCode = parent.Length == 0 ? "" : $"{prefix}-{parent}", Sector = sector,
                        },
                    },
                }, cancellation);
            }
            await import.RequestStream.CompleteAsync();
            await import;
        }
        var revision = (await registry.GetRegistryStatusAsync(new OrgApi.GetRegistryStatusRequest(), cancellationToken: cancellation)).Revision;
        var copies = new Cchc.ReferenceData.Grpc.UnitReference.UnitReferenceClient(Channel);
        foreach (var service in ServicesWithCopies)
        {
            await Eventually.AssertAsync(async () =>
                (await copies.GetStatusAsync(new Cchc.ReferenceData.Grpc.GetStatusRequest(), new Metadata { { "x-cchc-service", service } },
                    cancellationToken: cancellation)).Revision >= revision,
                TimeSpan.FromMinutes(1), $"the {service} service's copy of the unit registry reaches revision {revision}");
        }
    }

    /// <summary>A service's own gRPC endpoint (bypassing the gateway), as the AppHost allocated it.</summary>
    public Uri ServiceGrpcAddress(string resource) => _app!.GetEndpoint(resource, ResourceNames.GrpcEndpoint);

    /// <summary>
    /// A count read from a service's own database (e.g. "proceduresdb"), for waiting on what the suite cannot see through
    /// the gateway — a domain service's copy of an approval arriving from the broker — never for a result under test.
    /// </summary>
    public async Task<long> CountInDatabaseAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        var connectionString = await _app!.GetConnectionStringAsync(database) ?? throw new InvalidOperationException($"no {database} connection string");
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A property of a resource's current snapshot in the AppHost (e.g. <c>executable.path</c>), or null.</summary>
    public object? ResourceProperty(string resource, string property) =>
        _app!.ResourceNotifications.TryGetCurrentState(resource, out var state)
            ? state.Snapshot.Properties.FirstOrDefault(p => p.Name == property)?.Value
            : null;

    /// <summary>An environment variable the AppHost gave a resource's process (its current snapshot), or null.</summary>
    public string? ResourceEnvironment(string resource, string variable) =>
        _app!.ResourceNotifications.TryGetCurrentState(resource, out var state)
            ? state.Snapshot.EnvironmentVariables.FirstOrDefault(e => e.Name == variable)?.Value
            : null;

    /// <summary>The resources the AppHost waits for before it starts <paramref name="resource"/> (its WaitFor edges).</summary>
    public IReadOnlyList<string> WaitsFor(string resource) =>
        _app!.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource)
            .Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).Distinct().ToList();

    /// <summary>Whether the AppHost has a resource of that name.</summary>
    public bool HasResource(string resource) => _app!.ResourceNotifications.TryGetCurrentState(resource, out _);

    /// <summary>A resource's own HTTP endpoint (e.g. the national simulator's controls), as the AppHost allocated it.</summary>
    public Uri ServiceHttpAddress(string resource) => _app!.GetEndpoint(resource, ResourceNames.HttpEndpoint);

    /// <summary>A channel to the gateway whose calls carry <paramref name="token"/> (none when null).</summary>
    public GrpcChannel ChannelFor(string? token) => GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 32 * 1024 * 1024,
        HttpHandler = new BearerTokenHandler(token, new SocketsHttpHandler()),
    });

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _platform.DeleteData();
    }

    /// <summary>An access token of a demo client from the real token service, through the gateway, with its generated secret.</summary>
    public Task<string> TokenForAsync(string clientId) => _platform.TokenForAsync(clientId);

    public string SecretOf(string clientId) => _platform.SecretOf(clientId);

    /// <summary>
    /// A token signed with the real token service's own key (from this run's key folder) that is wrong in exactly the way
    /// <paramref name="options"/> says — expired, or for another audience — and right in every other.
    /// </summary>
    public string TokenSignedByTheRealKey(string clientId, string[] scopes, string[] units, TestTokenIssuer.TokenOptions options)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(_platform.DataDirectory, "identity", "keys", "signing-key.pem")));
        var key = new RsaSecurityKey(rsa.ExportParameters(true));
        key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(key).ComputeJwkThumbprint());
        return TestTokenIssuer.Mint(key, IssuerAddress, clientId, scopes, units, options);
    }

    /// <summary>Metadata that routes health and reflection calls to one backend through the gateway.</summary>
    public static Metadata ServiceHeader(string service) => new() { { "x-cchc-service", service } };
}

[CollectionDefinition(Name)]
public sealed class SuiteCollection : ICollectionFixture<SuiteFixture>
{
    public const string Name = "suite";
}
