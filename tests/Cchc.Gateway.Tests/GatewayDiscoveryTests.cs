using Cchc.Gateway.Discovery;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Cchc.Gateway.Tests;

/// <summary>
/// Discovery with standard clients and no custom header: one reflection of every service behind the gateway (v1 and
/// v1alpha) and grpc.health.v1 by fully-qualified service name, routed to the backend that owns the service.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayDiscoveryTests(GatewayFixture gateway) : IAsyncLifetime
{
    private static readonly string[] GatewayOwn =
        ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"];

    public Task InitializeAsync()
    {
        foreach (var backend in gateway.Backends)
        {
            backend.SetServing(true);
        }
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => InitializeAsync();

    /// <summary>Every service some backend hosts (the fixture's independent list), once.</summary>
    private IReadOnlyList<string> BackendServices => gateway.Backends.SelectMany(b => b.Services).Distinct().Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Versions => new() { "v1", "v1alpha" };

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Reflection_ListsEveryServiceOfEveryBackend_AndNothingElse_WithoutAHeader(string version)
    {
        using var anonymous = gateway.CreateChannel(null);

        var listed = await ReflectAsync(anonymous, version, new V1.ServerReflectionRequest { ListServices = "*" });

        Assert.Equal(V1.ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, listed.MessageResponseCase);
        Assert.Equal(BackendServices.Concat(GatewayOwn).Order(StringComparer.Ordinal),
            listed.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal(22, BackendServices.Count); // 15 of the five domain services and reporting (with the audit log and the unit reference status), 4 of the adapter, 3 of the programme service
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Reflection_DescribesEveryListedService_ByItsSymbol(string version)
    {
        using var anonymous = gateway.CreateChannel(null);
        foreach (var service in BackendServices.Concat(GatewayOwn))
        {
            var reply = await ReflectAsync(anonymous, version, new V1.ServerReflectionRequest { FileContainingSymbol = service });

            Assert.True(reply.MessageResponseCase == V1.ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse,
                $"{service}: {reply.ErrorResponse?.ErrorMessage}");
            var files = reply.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
            var described = files.SelectMany(f => f.Service.Select(s => (File: f, Service: s)))
                .Single(x => $"{x.File.Package}.{x.Service.Name}" == service);
            Assert.NotEmpty(described.Service.Method);
            // Every type a method names is in the answer (the file itself or a dependency sent with it): a client can
            // build requests from reflection alone.
            var messages = files.SelectMany(f => f.MessageType.Select(m => $".{f.Package}.{m.Name}")).ToHashSet();
            Assert.All(described.Service.Method, m =>
            {
                Assert.Contains(m.InputType, messages);
                Assert.Contains(m.OutputType, messages);
            });
        }
    }

    [Theory]
    [InlineData("v1", "cchc.procedures.v1.DossierService.ReceiveDossier", "cchc/procedures/v1/procedures.proto")]
    [InlineData("v1alpha", "cchc.legal.v1.RegisterDocumentRequest", "cchc/legal/v1/legal.proto")]
    [InlineData("v1", "cchc.reporting.v1.GetAppendixRequest", "cchc/reporting/v1/reporting.proto")]
    [InlineData("v1", "cchc.audit.v1.AuditService.ListEntries", "cchc/audit/v1/audit.proto")]
    public async Task Reflection_ResolvesMethodAndMessageSymbols_ToTheirFile(string version, string symbol, string file)
    {
        using var anonymous = gateway.CreateChannel(null);

        var reply = await ReflectAsync(anonymous, version, new V1.ServerReflectionRequest { FileContainingSymbol = symbol });

        var names = reply.FileDescriptorResponse.FileDescriptorProto.Select(b => FileDescriptorProto.Parser.ParseFrom(b).Name).ToList();
        Assert.Equal(file, names[0]);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Reflection_GivesAFileByName_WithItsDependencies(string version)
    {
        using var anonymous = gateway.CreateChannel(null);

        var reply = await ReflectAsync(anonymous, version, new V1.ServerReflectionRequest { FileByFilename = "cchc/procedures/v1/procedures.proto" });

        var names = reply.FileDescriptorResponse.FileDescriptorProto.Select(b => FileDescriptorProto.Parser.ParseFrom(b).Name).ToList();
        Assert.Equal("cchc/procedures/v1/procedures.proto", names[0]);
        Assert.Contains("google/protobuf/timestamp.proto", names);
    }

    [Theory]
    [InlineData("v1", "cchc.procedures.v1.NoSuchService")]
    [InlineData("v1alpha", "cchc.secret.v1.AdminService")]
    public async Task Reflection_OfAnUnknownSymbol_IsNotFound(string version, string symbol)
    {
        using var anonymous = gateway.CreateChannel(null);

        var reply = await ReflectAsync(anonymous, version, new V1.ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal((int)StatusCode.NotFound, reply.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task HealthByName_IsServing_ForEveryServiceOfEveryBackend_AndTheGatewaysOwn()
    {
        var health = new Health.HealthClient(gateway.CreateChannel(null));
        foreach (var service in BackendServices.Concat(GatewayOwn).Append(""))
        {
            Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = service })).Status);
        }
    }

    [Theory]
    [MemberData(nameof(GatewayFixture.BackendKeys), MemberType = typeof(GatewayFixture))]
    public async Task HealthByName_IsAnsweredByTheBackendOwningTheService(string key)
    {
        var down = gateway.Backends.Single(b => b.Name == key);
        down.SetServing(false);
        var health = new Health.HealthClient(gateway.CreateChannel(null));

        foreach (var backend in gateway.Backends)
        {
            foreach (var service in backend.Services.Where(s => s.StartsWith("cchc." + backend.Name + ".", StringComparison.Ordinal)))
            {
                var reply = await health.CheckAsync(new HealthCheckRequest { Service = service });
                Assert.Equal(backend == down ? ServingStatus.NotServing : ServingStatus.Serving, reply.Status);
            }
        }
    }

    [Fact]
    public async Task HealthByName_OfAServiceSeveralBackendsHost_IsServingOnlyWhileEveryHostIs()
    {
        var health = new Health.HealthClient(gateway.CreateChannel(null));

        // Finance hosts the audit log but not the unit reference data: only the first turns NOT_SERVING.
        gateway.Finance.SetServing(false);
        var audit = await health.CheckAsync(new HealthCheckRequest { Service = GatewayFixture.Audit });
        var reference = await health.CheckAsync(new HealthCheckRequest { Service = GatewayFixture.UnitReference });

        Assert.Equal(ServingStatus.NotServing, audit.Status);
        Assert.Equal(ServingStatus.Serving, reference.Status);

        gateway.Legal.SetServing(false); // legal hosts both
        Assert.Equal(ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest { Service = GatewayFixture.UnitReference })).Status);
    }

    [Theory]
    [InlineData("cchc.procedures.v1.NoSuchService")]
    [InlineData("cchc.secret.v1.AdminService")]
    [InlineData("procedures")]
    public async Task HealthByName_OfAnUnknownService_IsNotFound(string service)
    {
        var health = new Health.HealthClient(gateway.CreateChannel(null));

        var error = await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(new HealthCheckRequest { Service = service }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task WatchByName_SendsTheStatus_ThenItsChange()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = Watch("cchc.egov.v1.MetricService", timeout.Token);

        Assert.Equal(ServingStatus.Serving, await NextStatusAsync(watch, timeout.Token));
        gateway.Egov.SetServing(false);
        Assert.Equal(ServingStatus.NotServing, await NextStatusAsync(watch, timeout.Token));
    }

    [Fact]
    public async Task WatchByName_OfAnUnknownService_SaysServiceUnknown()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = Watch("cchc.secret.v1.AdminService", timeout.Token);

        Assert.Equal(ServingStatus.ServiceUnknown, await NextStatusAsync(watch, timeout.Token));
    }

    private AsyncServerStreamingCall<HealthCheckResponse> Watch(string service, CancellationToken cancellation) =>
        new Health.HealthClient(gateway.CreateChannel(null)).Watch(new HealthCheckRequest { Service = service }, cancellationToken: cancellation);

    private static async Task<ServingStatus> NextStatusAsync(AsyncServerStreamingCall<HealthCheckResponse> watch, CancellationToken cancellation)
    {
        Assert.True(await watch.ResponseStream.MoveNext(cancellation));
        return watch.ResponseStream.Current.Status;
    }

    [Fact]
    public async Task ASharedServiceCalledWithoutTheHeader_IsUnimplemented_NamingTheHeader()
    {
        var path = $"/{GatewayFixture.Audit}/ListEntries";

        var error = await Assert.ThrowsAsync<RpcException>(() => GrpcCalls.CallAsync(gateway.Channel, path, []));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Contains("x-cchc-service: procedures|reporting|legal|finance|organisation|egov", error.Status.Detail, StringComparison.Ordinal);
        Assert.All(gateway.Backends, b => Assert.Equal(0, b.Hits(path)));
    }

    [Fact]
    public void Catalogue_HoldsEveryPublishedProtoFile()
    {
        var protos = Path.Combine(TestPaths.RepositoryRoot(), "src", "Cchc.Contracts", "protos");
        var published = Directory.EnumerateFiles(protos, "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(protos, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(published, new ServiceCatalog().Files.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>One request on a reflection stream of <paramref name="version"/>; v1alpha answers are mapped to v1's shape.</summary>
    private static async Task<V1.ServerReflectionResponse> ReflectAsync(GrpcChannel channel, string version, V1.ServerReflectionRequest request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        if (version == "v1")
        {
            using var call = new V1.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: timeout.Token);
            await call.RequestStream.WriteAsync(request, timeout.Token);
            await call.RequestStream.CompleteAsync();
            Assert.True(await call.ResponseStream.MoveNext(timeout.Token));
            return call.ResponseStream.Current;
        }
        using var alpha = new V1Alpha.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: timeout.Token);
        await alpha.RequestStream.WriteAsync(V1Alpha.ServerReflectionRequest.Parser.ParseFrom(request.ToByteArray()), timeout.Token);
        await alpha.RequestStream.CompleteAsync();
        Assert.True(await alpha.ResponseStream.MoveNext(timeout.Token));
        // The two versions' messages are wire-compatible (same fields and numbers).
        return V1.ServerReflectionResponse.Parser.ParseFrom(alpha.ResponseStream.Current.ToByteArray());
    }
}
