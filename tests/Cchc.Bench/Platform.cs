using System.Globalization;
using Cchc.Client;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using Grpc.Net.Client;
using OrgApi = Cchc.Organisation.Api.Grpc;

namespace Cchc.Bench;

/// <summary>
/// A running platform as a department system sees it: the gateway's gRPC and HTTP addresses, tokens of the demo loader
/// client (client credentials at the token service, secret from the clients file; renewed before they expire, as a
/// department system's client does — the decade at × 10 outlasts one token), and the benchmark's own reference
/// data — units BENCH-* in the registry and procedures BENCH.P/D/C in the catalogue — registered once (idempotent).
/// </summary>
internal sealed class Platform
{
    public const string WriterClient = "cchc-demo-loader";

    public static readonly IReadOnlyDictionary<GovernmentLevel, string> ProcedureOf = new Dictionary<GovernmentLevel, string>
    {
        [GovernmentLevel.Province] = "BENCH.P", [GovernmentLevel.District] = "BENCH.D", [GovernmentLevel.Commune] = "BENCH.C",
    };

    public const int UnitsPerLevel = 10;

    private readonly ClientCredentialTokens _tokens;

    private Platform(Uri grpc, Uri http, ClientCredentialTokens tokens)
    {
        Grpc = grpc;
        Http = http;
        _tokens = tokens;
        Channel = ChannelTo(grpc);
        HttpClient = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = http, Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public Uri Grpc { get; }
    public Uri Http { get; }
    public GrpcChannel Channel { get; }
    public HttpClient HttpClient { get; }

    /// <summary>A channel with the writer's token to any gRPC address (the gateway or a service's own port).</summary>
    public GrpcChannel ChannelTo(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 32 * 1024 * 1024,
        HttpHandler = new BearerTokenHandler(_tokens) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
    });

    /// <summary>The receiving unit of dossier <paramref name="i"/>'s level (10 units per level).</summary>
    public static string UnitOf(GovernmentLevel level, int i) => level switch
    {
        GovernmentLevel.Province => $"BENCH-S{i % UnitsPerLevel:D2}",
        GovernmentLevel.District => $"BENCH-D{i % UnitsPerLevel:D2}-UBND",
        _ => $"BENCH-C{i % UnitsPerLevel:D2}-UBND",
    };

    public static async Task<Platform> ConnectAsync(Options options)
    {
        var http = new Uri(options.Text("http"));
        var secret = ClientSecretsFile.Read(options.Text("clients-file"), WriterClient);
        var tokens = new ClientCredentialTokens(new HttpClient(), new TokenRequest(new Uri(http, "/connect/token"), WriterClient, secret), TimeProvider.System);
        try
        {
            await tokens.GetAsync(CancellationToken.None);
        }
        catch (TokenRequestException e)
        {
            throw new BenchFailedException(e.Message);
        }
        var platform = new Platform(new Uri(options.Text("grpc")), http, tokens);
        await platform.EnsureReferenceDataAsync();
        return platform;
    }

    /// <summary>The benchmark's units (founded 2000-01-01) and procedures (in force from 2000-01-01), once.</summary>
    private async Task EnsureReferenceDataAsync()
    {
        var registry = new OrgApi.UnitRegistryService.UnitRegistryServiceClient(Channel);
        var units = new List<(string Code, string Name, OrgApi.UnitKind Kind, string Parent)>
        {
            ("BENCH-P", "tỉnh đo hiệu năng", OrgApi.UnitKind.Province, ""),
            ("BENCH-P-UBND", "UBND tỉnh đo hiệu năng", OrgApi.UnitKind.PeoplesCommittee, "BENCH-P"),
        };
        for (var i = 0; i < UnitsPerLevel; i++)
        {
            units.Add(($"BENCH-S{i:D2}", $"Sở đo hiệu năng {i:D2}", OrgApi.UnitKind.SpecialisedAgency, "BENCH-P-UBND"));
            units.Add(($"BENCH-D{i:D2}", $"huyện đo hiệu năng {i:D2}", OrgApi.UnitKind.DistrictLevel, "BENCH-P"));
            units.Add(($"BENCH-D{i:D2}-UBND", $"UBND huyện đo hiệu năng {i:D2}", OrgApi.UnitKind.PeoplesCommittee, $"BENCH-D{i:D2}"));
        }
        for (var i = 0; i < UnitsPerLevel; i++)
        {
            units.Add(($"BENCH-C{i:D2}", $"xã đo hiệu năng {i:D2}", OrgApi.UnitKind.CommuneLevel, $"BENCH-D{i:D2}"));
            units.Add(($"BENCH-C{i:D2}-UBND", $"UBND xã đo hiệu năng {i:D2}", OrgApi.UnitKind.PeoplesCommittee, $"BENCH-C{i:D2}"));
        }
        using (var import = registry.ImportChanges())
        {
            foreach (var (code, name, kind, parent) in units)
            {
                await import.RequestStream.WriteAsync(new OrgApi.UnitChange
                {
                    Found = new OrgApi.FoundUnitRequest
                    {
                        ChangeId = $"bench-found-{code}", EffectiveOn = "2000-01-01",
                        Unit = new OrgApi.UnitSpec { UnitCode = code, Name = name, Kind = kind, ParentCode = parent },
                    },
                });
            }
            await import.RequestStream.CompleteAsync();
            await import;
        }
        var revision = (await registry.GetRegistryStatusAsync(new OrgApi.GetRegistryStatusRequest())).Revision;
        var copy = new Cchc.ReferenceData.Grpc.UnitReference.UnitReferenceClient(Channel);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await copy.GetStatusAsync(new Cchc.ReferenceData.Grpc.GetStatusRequest(), new Metadata { { "x-cchc-service", "procedures" } })).Revision < revision)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new BenchFailedException($"the procedures service's copy of the registry did not reach revision {revision}");
            }
            await Task.Delay(100);
        }

        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(Channel);
        foreach (var (level, code) in ProcedureOf)
        {
            try
            {
                await catalogue.GetProcedureAsync(new GetProcedureRequest { Code = code });
                continue;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
            }
            await catalogue.CreateProcedureAsync(new CreateProcedureRequest
            {
                Code = code, InForceFrom = "2000-01-01",
                Publication = new Publication { DecisionNumber = "1/QĐ-UBND", DecisionDate = "1999-12-20" },
                Attributes = new ProcedureAttributes
                {
                    Name = $"Thủ tục đo hiệu năng {code}", Field = "Hộ tịch", Level = level, ResolvingUnit = "Sở đo hiệu năng",
                    ReceivingPlace = ReceivingPlace.ProvincialCentre, OnlineLevel = OnlineServiceLevel._3,
                },
            });
        }
    }

    /// <summary>GET /api/reports/status (reporting.read): the read model's row counts.</summary>
    public async Task<long> ReportedDossiersAsync()
    {
        var status = Json.Parse(await HttpClient.GetStringAsync("/api/reports/status"));
        return status.GetProperty("dossiers").GetInt64();
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
