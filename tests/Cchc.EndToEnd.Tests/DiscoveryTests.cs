using System.Text.Json;
using Cchc.Contracts;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// Discovery with standard tools through the real gateway, no x-cchc-service header: the merged reflection is exactly
/// what the services serve, every service is described, answers health by name and is callable; each service answers
/// health by its own names on its own port (what a Kubernetes gRPC probe sends to a pod). With .NET clients and with
/// the Node client (tests/grpc-js-client/discover.mjs).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class DiscoveryTests(SuiteFixture suite)
{
    private static readonly (string Key, string Resource)[] Services =
    [
        ("procedures", ResourceNames.ProceduresApi), ("reporting", ResourceNames.ReportingApi), ("legal", ResourceNames.LegalApi),
        ("organisation", ResourceNames.OrganisationApi), ("finance", ResourceNames.FinanceApi), ("egov", ResourceNames.EgovApi),
        ("integration", ResourceNames.IntegrationApi), ("programme", ResourceNames.ProgrammeApi),
    ];

    /// <summary>Hosted by several services: a call names one with the header (their reflection and health need none).</summary>
    private static readonly string[] Shared = ["cchc.audit.v1.AuditService", "cchc.reference.v1.UnitReference"];

    [Fact]
    public async Task MergedReflection_ListsExactlyWhatTheServicesServe()
    {
        var merged = await ListAsync(suite.Channel, null);
        var union = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in Services)
        {
            union.UnionWith(await ListAsync(suite.Channel, key));
        }

        Assert.Equal(union, merged);
        Assert.Contains("cchc.procedures.v1.ProcedureCatalogService", merged);
        Assert.Equal(25, merged.Count); // 13 domain services, 3 of the programme service, 4 of the LGSP/NGSP adapter, audit, unit reference, health, reflection v1 and v1alpha
    }

    [Fact]
    public async Task MergedReflection_DescribesEveryService_AsTheServiceItselfDoes()
    {
        var merged = await ListAsync(suite.Channel, null);
        // The adapter's own API is the integration operator's (integration.read/write, which the suite's caller does not
        // hold); LgspScenarioTests and NationalScenarioTests call it through the gateway.
        foreach (var service in merged.Where(s => s.StartsWith("cchc.", StringComparison.Ordinal) && !s.StartsWith("cchc.integration.", StringComparison.Ordinal)))
        {
            var owner = Shared.Contains(service) ? "procedures" : service.Split('.')[1];

            var throughGateway = await DescribeAsync(suite.Channel, null, service);
            var atTheService = await DescribeAsync(suite.Channel, owner, service);

            Assert.Equal(atTheService, throughGateway);
            Assert.NotEmpty(throughGateway.Service.Single(s => $"{throughGateway.Package}.{s.Name}" == service).Method);
        }
    }

    [Fact]
    public async Task HealthByName_ThroughTheGateway_IsServingForEveryService_AndNotFoundForAnUnknownName()
    {
        using var anonymous = suite.ChannelFor(null);
        var health = new Health.HealthClient(anonymous);

        foreach (var service in (await ListAsync(suite.Channel, null)).Prepend(""))
        {
            Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = service })).Status);
        }
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            health.CheckAsync(new HealthCheckRequest { Service = "cchc.nothing.v1.NoSuchService" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task EveryService_AnswersHealthByEachOfItsOwnNames_OnItsOwnPort()
    {
        foreach (var (key, resource) in Services)
        {
            using var pod = GrpcChannel.ForAddress(suite.ServiceGrpcAddress(resource));
            var health = new Health.HealthClient(pod);
            var own = await ListAsync(pod, null);

            Assert.Contains(own, s => s.StartsWith($"cchc.{key}.v1.", StringComparison.Ordinal));
            foreach (var service in own)
            {
                Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = service })).Status);
            }
            var other = await Assert.ThrowsAsync<RpcException>(() =>
                health.CheckAsync(new HealthCheckRequest { Service = "cchc.nothing.v1.NoSuchService" }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, other.StatusCode);
        }
    }

    [Fact]
    public async Task EveryService_IsCallable_WithoutAHeader_ByAMethodFoundThroughReflection()
    {
        var merged = await ListAsync(suite.Channel, null);
        var reached = new List<string>();
        // The adapter's own API is the integration operator's (integration.read/write, which the suite's caller does not
        // hold); LgspScenarioTests and NationalScenarioTests call it through the gateway.
        foreach (var service in merged.Where(s => s.StartsWith("cchc.", StringComparison.Ordinal) && !s.StartsWith("cchc.integration.", StringComparison.Ordinal)))
        {
            var file = await DescribeAsync(suite.Channel, null, service);
            var read = file.Service.Single(s => $"{file.Package}.{s.Name}" == service).Method
                .First(m => !m.ClientStreaming && !m.ServerStreaming && (m.Name.StartsWith("List", StringComparison.Ordinal) || m.Name.StartsWith("Get", StringComparison.Ordinal)));

            var status = await CallAsync(suite.Channel, service, read.Name);

            if (Shared.Contains(service))
            {
                // Without the header the gateway cannot know which service's audit log or registry copy is meant.
                Assert.Equal(StatusCode.Unimplemented, status.StatusCode);
                Assert.Contains("x-cchc-service", status.Detail, StringComparison.Ordinal);
            }
            else
            {
                // The service itself answered (OK, or a refusal of the empty request): not the gateway's UNIMPLEMENTED,
                // not UNAVAILABLE, not a token refusal.
                Assert.True(status.StatusCode is StatusCode.OK or StatusCode.InvalidArgument or StatusCode.NotFound,
                    $"{service}/{read.Name}: {status.StatusCode} {status.Detail}");
                reached.Add(service);
            }
        }
        Assert.Equal(16, reached.Count);
    }

    [Fact]
    public async Task NodeClient_ListsDescribesChecksAndCalls_WithoutAHeader()
    {
        var merged = await ListAsync(suite.Channel, null);

        // Exits 1 (and the call throws with what it saw) when anything is not as a client expects.
        var output = await Cchc.Testing.GrpcJsClient.NodeAsync("discover.mjs", [$"127.0.0.1:{suite.GatewayGrpcPort}"],
            new Dictionary<string, string> { ["CCHC_ACCESS_TOKEN"] = suite.Token });

        using var seen = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = seen.RootElement;
        Assert.Equal(merged, root.GetProperty("services").EnumerateArray().Select(s => s.GetString()!).ToList());
        Assert.Contains("ReceiveDossier", root.GetProperty("methods").GetProperty("cchc.procedures.v1.DossierService").EnumerateArray().Select(m => m.GetString()));
        Assert.All(merged, s => Assert.Equal("SERVING", root.GetProperty("health").GetProperty(s).GetString()));
        Assert.Equal("SERVING", root.GetProperty("health").GetProperty("(gateway)").GetString());
        Assert.Equal("NOT_FOUND", root.GetProperty("unknown").GetString());
        Assert.True(root.GetProperty("call").TryGetProperty("totalSize", out _));
    }

    /// <summary>The services a reflection endpoint lists (through the gateway with or without the header, or a service's own port).</summary>
    private static async Task<List<string>> ListAsync(GrpcChannel channel, string? header)
    {
        var reply = await ReflectAsync(channel, header, new ServerReflectionRequest { ListServices = "*" });
        return reply.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The file that defines <paramref name="service"/>, as reflection returns it.</summary>
    private static async Task<FileDescriptorProto> DescribeAsync(GrpcChannel channel, string? header, string service)
    {
        var reply = await ReflectAsync(channel, header, new ServerReflectionRequest { FileContainingSymbol = service });
        Assert.True(reply.MessageResponseCase == ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse,
            $"{service} ({header ?? "no header"}): {reply.ErrorResponse?.ErrorMessage}");
        return FileDescriptorProto.Parser.ParseFrom(reply.FileDescriptorResponse.FileDescriptorProto[0]);
    }

    private static async Task<ServerReflectionResponse> ReflectAsync(GrpcChannel channel, string? header, ServerReflectionRequest request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(
            header is null ? null : SuiteFixture.ServiceHeader(header), cancellationToken: timeout.Token);
        await call.RequestStream.WriteAsync(request, timeout.Token);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
        return call.ResponseStream.Current;
    }

    /// <summary>A unary call with an empty request message; the status it ends with.</summary>
    private static async Task<Status> CallAsync(GrpcChannel channel, string service, string method)
    {
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(new Method<byte[], byte[]>(MethodType.Unary, service, method, bytes, bytes), null,
                new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), []);
            return Status.DefaultSuccess;
        }
        catch (RpcException ex)
        {
            return ex.Status;
        }
    }
}
