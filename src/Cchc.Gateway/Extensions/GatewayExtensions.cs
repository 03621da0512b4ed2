using System.Net;
using Cchc.Gateway;
using Cchc.Gateway.HealthChecks;
using Cchc.Gateway.Routing;
using Cchc.Gateway.Security;
using System.Security.Cryptography.X509Certificates;
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
            var certificate = LoadCertificate(options.Tls);
            kestrel.Listen(address, options.GrpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            kestrel.Listen(address, options.HttpPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });

        builder.Services.AddDefaultGrpc();
        builder.AddGatewaySecurity(options);
        builder.Services.AddSingleton<BackendsHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<BackendsHealthCheck>("backends", timeout: TimeSpan.FromSeconds(5));

        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(), GatewayRoutes.Clusters(options))
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenerPortPolicy>());
        return builder;
    }

    /// <summary>The gateway's own /health, /alive and grpc.health.v1, the proxied routes, and the printed addresses.</summary>
    public static WebApplication MapGateway(this WebApplication app) => app.MapGateway(enforceTokens: true);

    /// <summary>
    /// <paramref name="enforceTokens"/> false only for the benchmark that measures what token validation costs (tests);
    /// there is deliberately no setting for it.
    /// </summary>
    internal static WebApplication MapGateway(this WebApplication app, bool enforceTokens)
    {
        var gatewayOptions = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        app.UseGatewaySecurity(gatewayOptions, enforceTokens);
        app.MapDefaultEndpoints();
        app.MapReverseProxy().ConfigureEndpoints((endpoint, route) =>
            endpoint.WithMetadata(new GatewayListener(route.Metadata![GatewayRoutes.ListenerKey])));

        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var scheme = options.Tls.Enabled ? "https" : "http";
            Console.WriteLine($"Gateway gRPC ({(options.Tls.Enabled ? "TLS" : "h2c")}): {scheme}://{options.ListenAddress}:{options.GrpcPort}");
            Console.WriteLine($"Gateway REST/pages: {scheme}://{options.ListenAddress}:{options.HttpPort}");
        });
        return app;
    }

    /// <summary>The TLS certificate from Gateway:Tls (PEM: certificate or chain, private key in KeyPath or in the same file).</summary>
    private static X509Certificate2? LoadCertificate(GatewayTlsOptions tls)
    {
        if (!tls.Enabled)
        {
            return null;
        }
        if (!File.Exists(tls.CertificatePath))
        {
            throw new InvalidOperationException($"Gateway:Tls:CertificatePath {tls.CertificatePath} does not exist.");
        }
        return string.IsNullOrWhiteSpace(tls.KeyPath)
            ? X509Certificate2.CreateFromPemFile(tls.CertificatePath)
            : X509Certificate2.CreateFromPemFile(tls.CertificatePath, tls.KeyPath);
    }
}
