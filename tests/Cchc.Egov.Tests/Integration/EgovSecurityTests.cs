using Cchc.Egov.Api.Grpc;
using Cchc.Egov.Api.Security;
using Cchc.Security;
using Cchc.Security.Authorization;
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

    [Fact]
    public void RuleTable_CoversEveryMethodOfTheEgovContract_WritesNeedWriteAndAUnit_ReadsNeedRead()
    {
        var table = GrpcRuleTable.Build(EgovAccessRules.Configure);
        var methods = new[] { MetricService.Descriptor, CapabilityService.Descriptor }.SelectMany(d => d.Methods).ToList();
        Assert.Equal(7, methods.Count);
        foreach (var method in methods)
        {
            var rule = table.Find(GrpcRuleTable.PathOf(method));
            Assert.True(rule is not null, $"{method.FullName} has no rule");
            Assert.Equal(rule.IsWrite ? SecurityScopes.EgovWrite : SecurityScopes.EgovRead, rule.Scope);
            Assert.True(rule.IsWrite == (rule.Unit != UnitCheck.None), $"{method.FullName}: writes check a unit, reads do not");
        }
    }
}
