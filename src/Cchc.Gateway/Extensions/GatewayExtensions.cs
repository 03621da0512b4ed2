using System.Net;
using Cchc.Gateway;
using Cchc.Gateway.HealthChecks;
using Cchc.Gateway.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class GatewayExtensions
{
    /// <summary>Kestrel listeners (gRPC h2c port, HTTP/1.1 port), YARP with service discovery, and the aggregate health check.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var options = GatewayOptions.From(builder.Configuration);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(options.ListenAddress);
            kestrel.Listen(address, options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });

        builder.Services.AddDefaultGrpc();
        builder.Services.AddSingleton<BackendsHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<BackendsHealthCheck>("backends", timeout: TimeSpan.FromSeconds(5));

        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(), GatewayRoutes.Clusters(options))
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenerPortPolicy>());
        return builder;
    }

    /// <summary>The gateway's own /health, /alive and grpc.health.v1, the proxied routes, and the printed addresses.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapReverseProxy().ConfigureEndpoints((endpoint, route) =>
            endpoint.WithMetadata(new GatewayListener(route.Metadata![GatewayRoutes.ListenerKey])));

        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Console.WriteLine($"Gateway gRPC (h2c): http://{options.ListenAddress}:{options.GrpcPort}");
            Console.WriteLine($"Gateway REST/pages: http://{options.ListenAddress}:{options.HttpPort}");
        });
        return app;
    }
}
