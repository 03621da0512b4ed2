using Cchc.Gateway.Routing;

namespace Cchc.Gateway.Tests;

/// <summary>The routing table itself: no servers.</summary>
public sealed class GatewayRoutesTests
{
    [Fact]
    public void EveryRoute_IsBoundToOneListener()
    {
        var routes = GatewayRoutes.Routes();

        Assert.All(routes, r => Assert.Contains(r.Metadata![GatewayRoutes.ListenerKey], new[] { GatewayListener.Grpc, GatewayListener.Http }));
        Assert.All(routes.Where(r => r.Metadata![GatewayRoutes.ListenerKey] == GatewayListener.Http),
            r => Assert.Matches(@"^/(api/reports/|reports/|openapi/|api/lgsp/|connect/token$|\.well-known/|$)", r.Match.Path!));
    }

    [Fact]
    public void StandardGrpcServices_AreRoutedPerService_OnlyWithTheServiceHeader_AheadOfTheGatewaysOwn()
    {
        var routes = GatewayRoutes.Routes();

        foreach (var backend in GatewayRoutes.Backends)
        {
            foreach (var service in GatewayRoutes.StandardGrpcServices)
            {
                var route = Assert.Single(routes, r => r.Match.Path == $"/{service}/{{method}}" && r.ClusterId == backend.GrpcClusterId);
                var header = Assert.Single(route.Match.Headers!);
                Assert.Equal(GatewayRoutes.ServiceHeader, header.Name);
                Assert.Equal([backend.Key], header.Values!);
                Assert.True(route.Order < 0);
            }
        }
    }

    [Fact]
    public void GrpcClusters_SpeakHttp2Exactly_WithoutFallingBackToHttp11()
    {
        var clusters = GatewayRoutes.Clusters(new GatewayOptions());
        // Every backend's gRPC cluster, found by its id (a filter that matched nothing would check nothing).
        var grpcClusters = GatewayRoutes.Backends.Select(b => Assert.Single(clusters, c => c.ClusterId == b.GrpcClusterId)).ToList();

        Assert.NotEmpty(grpcClusters);
        Assert.All(grpcClusters, c =>
        {
            Assert.Equal(new Version(2, 0), c.HttpRequest!.Version);
            Assert.Equal(HttpVersionPolicy.RequestVersionExact, c.HttpRequest.VersionPolicy);
            Assert.StartsWith("http://_grpc.", Assert.Single(c.Destinations!).Value.Address, StringComparison.Ordinal);
        });
    }
}
