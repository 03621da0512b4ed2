using System.Globalization;
using System.Net;
using Grpc.Core;

namespace Cchc.Gateway.Tests;

/// <summary>A gateway with small limits: 1 KiB per gRPC message, 5 calls per client then 1 per hour.</summary>
public sealed class LimitedGatewayFixture() : GatewayFixture(new Dictionary<string, string?>
{
    ["Gateway:MaxGrpcMessageBytes"] = "1024",
    ["Gateway:RateLimit:TokenLimit"] = "5",
    ["Gateway:RateLimit:TokensPerPeriod"] = "1",
    ["Gateway:RateLimit:ReplenishmentPeriod"] = "01:00:00",
});

[Collection(GatewayCollection.Name)] // one gateway starting at a time: their ports are picked before they bind
public sealed class GatewayLimitsTests(LimitedGatewayFixture gateway) : IClassFixture<LimitedGatewayFixture>
{
    private string Client(string id) => gateway.Issuer.CreateToken(id, ["procedures.read", "procedures.write"], ["*"]);

    [Fact]
    public async Task OversizedGrpcMessage_IsResourceExhausted_AndNeverReachesTheService_WhileOneWithinTheLimitPasses()
    {
        var big = GatewaySecurityTests.UniqueMethod("cchc.procedures.v1.DossierService");
        var small = GatewaySecurityTests.UniqueMethod("cchc.procedures.v1.DossierService");
        using var channel = gateway.CreateChannel(Client("oversize-" + Guid.NewGuid().ToString("N")));

        var refused = await Assert.ThrowsAsync<RpcException>(() => GrpcCalls.CallAsync(channel, big, new byte[2048]));
        using var h2c = gateway.CreateH2c(Client("oversize-" + Guid.NewGuid().ToString("N")));
        using var passed = await h2c.SendAsync(GrpcCalls.RawRequest(small, GrpcCalls.Frame(1000)));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("1024", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, gateway.Procedures.Hits(big));
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.Equal(1, gateway.Procedures.Hits(small));
    }

    [Fact]
    public async Task OversizedSecondMessageOfAStream_IsResourceExhausted_AndIsNeverDeliveredWhole()
    {
        var path = GatewaySecurityTests.UniqueMethod("cchc.procedures.v1.DossierService");
        using var h2c = gateway.CreateH2c(Client("stream-" + Guid.NewGuid().ToString("N")));
        var body = GrpcCalls.Frame(100).Concat(GrpcCalls.Frame(5000)).ToArray();

        using var response = await h2c.SendAsync(GrpcCalls.RawRequest(path, body));

        Assert.Equal(((int)StatusCode.ResourceExhausted).ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("grpc-status").Single());
        await Cchc.Testing.Eventually.AssertAsync(() => gateway.Procedures.BodyBytes(path) is not null, TimeSpan.FromSeconds(10), "the backend saw the call end");
        Assert.NotEqual(body.Length, gateway.Procedures.BodyBytes(path));
    }

    [Fact]
    public async Task BurstOverTheRateLimit_IsResourceExhaustedForThatClientOnly_AndTheRefusedCallsNeverReachTheService()
    {
        var path = GatewaySecurityTests.UniqueMethod("cchc.procedures.v1.ProcedureCatalogService");
        using var noisy = gateway.CreateChannel(Client("noisy-" + Guid.NewGuid().ToString("N")));
        using var quiet = gateway.CreateH2c(Client("quiet-" + Guid.NewGuid().ToString("N")));

        var statuses = new List<StatusCode>();
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await GrpcCalls.CallAsync(noisy, path, [0]);
                statuses.Add(StatusCode.OK);
            }
            catch (RpcException ex)
            {
                // The fake backend answers plain text, which a gRPC client reports as an error other than ResourceExhausted.
                statuses.Add(ex.StatusCode == StatusCode.ResourceExhausted ? StatusCode.ResourceExhausted : StatusCode.OK);
            }
        }
        Assert.Equal(5, gateway.Procedures.Hits(path));
        using var other = await quiet.SendAsync(GrpcCalls.RawRequest(path, GrpcCalls.Frame(1)));

        Assert.Equal(Enumerable.Repeat(StatusCode.OK, 5).Concat(Enumerable.Repeat(StatusCode.ResourceExhausted, 5)), statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(6, gateway.Procedures.Hits(path));
    }

    [Fact]
    public async Task RestBurst_Is429WithRetryAfter()
    {
        using var http = gateway.CreateHttp(Client("rest-" + Guid.NewGuid().ToString("N")));
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await http.GetAsync("/api/reports/status");
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), codes);
    }
}
