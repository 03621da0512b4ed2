using System.Net;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace Cchc.EndToEnd.Tests;

[Collection(SuiteCollection.Name)]
public sealed class GatewayTests(SuiteFixture suite)
{
    [Theory]
    [InlineData("procedures", "cchc.procedures.v1.DossierService")]
    [InlineData("reporting", "cchc.reporting.v1.ReportingService")]
    [InlineData("legal", "cchc.legal.v1.DocumentService")]
    [InlineData("egov", "cchc.egov.v1.MetricService")]
    [InlineData("finance", "cchc.finance.v1.AutonomyService")]
    [InlineData("organisation", "cchc.organisation.v1.UnitRegistryService")]
    [InlineData("programme", "cchc.programme.v1.ProgrammeRecordService")]
    public async Task EveryService_AnswersHealthAndReflection_ThroughTheGateway(string service, string expectedApi)
    {
        var health = new Health.HealthClient(suite.Channel);
        var status = await health.CheckAsync(new HealthCheckRequest(), SuiteFixture.ServiceHeader(service));
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status.Status);

        var reflection = new ServerReflection.ServerReflectionClient(suite.Channel);
        using var call = reflection.ServerReflectionInfo(SuiteFixture.ServiceHeader(service));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "*" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains(expectedApi, names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task Gateway_AnswersHealthForTheWholeSuite_WithoutAServiceHeader()
    {
        var status = await new Health.HealthClient(suite.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, status.Status);
    }

    [Fact]
    public async Task NonDotNetClient_ReachesHealthReflectionAndTheApi_ThroughTheGateway()
    {
        // Exits 1 (and the call throws with what it saw) when anything is not as a client expects.
        var check = await GrpcJsClient.NodeAsync("check.mjs", [$"127.0.0.1:{suite.GatewayGrpcPort}"],
            new Dictionary<string, string> { ["CCHC_ACCESS_TOKEN"] = suite.Token });

        Assert.Contains("\"procedures\":\"SERVING\"", check);
        Assert.Contains("\"reporting\":\"SERVING\"", check);
        Assert.Contains("cchc.procedures.v1.ProcedureCatalogService", check);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/cchc.procedures.v1.DossierService/GetDossier")]
    [InlineData("/api/internal")]
    public async Task HttpPort_ExposesNothingButReportsAndHealth(string path)
    {
        using var response = await suite.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GrpcPort_RefusesAServiceItDoesNotRoute()
    {
        var unknown = new CallInvokerProbe(suite.Channel);
        var error = await Assert.ThrowsAsync<RpcException>(unknown.CallUnknownServiceAsync);
        // No route matches: the gateway answers HTTP 404, which a gRPC client reads as UNIMPLEMENTED (nothing is forwarded).
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task InvalidDossier_IsRejectedWithTheWrongField_AndNothingIsWritten()
    {
        var dossiers = new DossierService.DossierServiceClient(suite.Channel);
        var received = DateTimeOffset.Parse("2019-03-02T08:00:00+07:00");
        var request = new ReceiveDossierRequest
        {
            DossierId = "E2E-INVALID-001",
            ProcedureCode = "E2E.NOT-USED",
            ReceivingUnit = "UBND huyện Tam Đường",
            UnitLevel = GovernmentLevel.District,
            Channel = DossierChannel.InPerson,
            ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(received),
            DueAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(received.AddDays(-1)),
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => dossiers.ReceiveDossierAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest.FieldViolations, v => v.Field == "due_at");
        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            dossiers.GetDossierAsync(new GetDossierRequest { DossierId = request.DossierId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    /// <summary>Calls a method of a service the gateway has no route for.</summary>
    private sealed class CallInvokerProbe(Grpc.Net.Client.GrpcChannel channel)
    {
        private static readonly Method<Google.Protobuf.WellKnownTypes.Empty, Google.Protobuf.WellKnownTypes.Empty> Unknown = new(
            MethodType.Unary, "cchc.internal.v1.AdminService", "DropEverything",
            Marshallers.Create(m => Google.Protobuf.MessageExtensions.ToByteArray(m), Google.Protobuf.WellKnownTypes.Empty.Parser.ParseFrom),
            Marshallers.Create(m => Google.Protobuf.MessageExtensions.ToByteArray(m), Google.Protobuf.WellKnownTypes.Empty.Parser.ParseFrom));

        public async Task CallUnknownServiceAsync() =>
            await channel.CreateCallInvoker().AsyncUnaryCall(Unknown, null, new CallOptions(), new Google.Protobuf.WellKnownTypes.Empty());
    }
}
