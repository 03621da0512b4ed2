using Grpc.Reflection;

namespace Cchc.Gateway.Discovery;

/// <summary>
/// Discovery with standard tools, no custom header (docs/adr/0019-gateway-discovery.md): one server reflection of every
/// service behind the gateway (v1 and v1alpha: list, file by name, file containing a symbol) built from the published
/// contracts, and grpc.health.v1 by fully-qualified service name (<see cref="GatewayHealthService"/>). The
/// <c>x-cchc-service</c> header still sends health and reflection to one service (GatewayRoutes).
/// </summary>
internal static class GatewayDiscovery
{
    public static void AddGatewayDiscovery(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpc(o =>
        {
            o.EnableDetailedErrors = false;
            // No catch-all UNIMPLEMENTED endpoints of grpc-dotnet: an unrouted call is the gateway's own 404, answered
            // UNIMPLEMENTED with a hint by GatewayErrors.
            o.IgnoreUnknownServices = true;
        });
        var catalog = new ServiceCatalog();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(new ReflectionServiceImpl(catalog.Services));
        builder.Services.AddSingleton(new ReflectionV1ServiceImpl(catalog.Services));
    }

    public static void MapGatewayDiscovery(this WebApplication app)
    {
        app.MapGrpcService<GatewayHealthService>();
        app.MapGrpcService<ReflectionServiceImpl>();
        app.MapGrpcService<ReflectionV1ServiceImpl>();
    }
}
