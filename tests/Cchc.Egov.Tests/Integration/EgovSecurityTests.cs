using Cchc.Egov.Api.Grpc;
using Cchc.Testing;
using Grpc.Core;

namespace Cchc.Egov.Tests.Integration;

/// <summary>The e-government service checks the token itself: scope per RPC, the unit of each write (born secure).</summary>
[Collection(EgovServiceCollection.Name)]
public sealed class EgovSecurityTests(EgovService service)
{
    private MetricService.MetricServiceClient MetricsAs(string? token) => new(service.ChannelFor(token));

    private async Task AssertNotStoredAsync(MetricValue value)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.GetSubmissionAsync(TestData.Get(value)));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task NoToken_IsUnauthenticated_AndWritesNothing()
    {
        var value = TestData.Value(TestData.NewSource(), await service.NewAgencyAsync(), Metric.SignaturesPersonal, 1);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await MetricsAs(null).SubmitMetricAsync(TestData.Submit(value)));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        await AssertNotStoredAsync(value);
    }

    [Fact]
    public async Task ADistrictSubmittingForTheProvince_IsPermissionDenied_NamingTheUnit_AndWritesNothing()
    {
        var district = service.Issuer.CreateToken("tam-duong", ["egov.read", "egov.write"], [TestData.TamDuong]);
        var value = TestData.Value(TestData.NewSource(), TestData.Province, Metric.SignaturesPersonal, 1);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await MetricsAs(district).SubmitMetricAsync(TestData.Submit(value)));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(TestData.Province, ex.Status.Detail, StringComparison.Ordinal);
        await AssertNotStoredAsync(value);

        var own = TestData.Value(value.SourceSystem, TestData.TamDuong, Metric.SignaturesPersonal, 1, level: GovernmentLevel.District);
        Assert.Equal(1, (await MetricsAs(district).SubmitMetricAsync(TestData.Submit(own))).Revision);
    }

    [Fact]
    public async Task AReadOnlyToken_CanRead_ButNotWrite()
    {
        var reader = MetricsAs(service.Issuer.CreateToken("reader", ["egov.read"], ["*"]));
        var value = TestData.Value(TestData.NewSource(), await service.NewAgencyAsync(), Metric.SignaturesPersonal, 1);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await reader.SubmitMetricAsync(TestData.Submit(value)));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("egov.write", ex.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(await reader.ListSubmissionsAsync(new ListSubmissionsRequest { PageSize = 1 }));
        await AssertNotStoredAsync(value);
    }

    [Fact]
    public async Task AnImportWithOneForeignRecord_IsRefusedWhole()
    {
        var district = service.Issuer.CreateToken("tam-duong", ["egov.read", "egov.write"], [TestData.TamDuong]);
        var source = TestData.NewSource();
        var own = TestData.Value(source, TestData.TamDuong, Metric.SignaturesPersonal, 1, level: GovernmentLevel.District);
        var foreign = TestData.Value(source, TestData.Province, Metric.SignaturesPersonal, 1);
        using var call = MetricsAs(district).ImportSubmissions();
        await call.RequestStream.WriteAsync(own);
        await call.RequestStream.WriteAsync(foreign);
        await call.RequestStream.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        await AssertNotStoredAsync(own);
        await AssertNotStoredAsync(foreign);
    }

    /// <summary>
    /// What the service enforces (its rule table, as the host registered it) is what the published contract declares for
    /// each RPC (option (cchc.security.v1.access) in egov.proto, audit.proto), and the host serves no undeclared RPC.
    /// </summary>
    [Fact]
    public void EveryRpc_RequiresWhatTheContractDeclares_AndNoUndeclaredRpcIsServed()
    {
        var disagreements = AccessDeclarations.Disagreements(service.Services, MetricService.Descriptor, CapabilityService.Descriptor);

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Contains("/cchc.egov.v1.MetricService/SubmitMetric", AccessDeclarations.ServedMethods(service.Services));
    }
}
