using System.Globalization;
using System.Text.Json;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using Grpc.Net.Client;
using OrgApi = Cchc.Organisation.Api.Grpc;

namespace Cchc.Bench;

/// <summary>
/// A running platform as a department system sees it: the gateway's gRPC and HTTP addresses, a token of the demo loader
/// client (client credentials at the token service, secret from the clients file), and the benchmark's own reference
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

    private Platform(Uri grpc, Uri http, string token)
    {
        Grpc = grpc;
        Http = http;
        Token = token;
        Channel = ChannelTo(grpc);
        HttpClient = new HttpClient(new BearerHandler(token)) { BaseAddress = http, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Grpc { get; }
    public Uri Http { get; }
    public string Token { get; }
    public GrpcChannel Channel { get; }
    public HttpClient HttpClient { get; }

    /// <summary>A channel with the writer's token to any gRPC address (the gateway or a service's own port).</summary>
    public GrpcChannel ChannelTo(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 32 * 1024 * 1024,
        HttpHandler = new BearerHandler(Token, new SocketsHttpHandler { EnableMultipleHttp2Connections = true }),
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
        var clients = JsonDocument.Parse(await File.ReadAllTextAsync(options.Text("clients-file"))).RootElement.GetProperty("clients");
        var secret = clients.EnumerateArray().Single(c => c.GetProperty("clientId").GetString() == WriterClient).GetProperty("clientSecret").GetString()!;
        using var anonymous = new HttpClient { BaseAddress = http };
        using var response = await anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = WriterClient, ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchFailedException($"the token service refused {WriterClient}: {(int)response.StatusCode} {body}");
        }
        var platform = new Platform(new Uri(options.Text("grpc")), http, Json.Parse(body).GetProperty("access_token").GetString()!);
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

    private sealed class BearerHandler(string token, HttpMessageHandler? inner = null) : DelegatingHandler(inner ?? new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
