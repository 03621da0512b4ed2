using System.Net;
using Cchc.Gateway;
using Cchc.Gateway.Discovery;
using Cchc.Gateway.Errors;
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
    /// <summary>
    /// Kestrel listeners (gRPC h2c port, HTTP/1.1 port), YARP with service discovery, the aggregate health check, the
    /// gateway's discovery services (merged reflection, health by name) and its error answers.
    /// </summary>
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

        builder.AddGatewayDiscovery();
        builder.AddGatewaySecurity(options);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["correlationId"] = GatewayErrors.CorrelationId(context.HttpContext));
        builder.Services.AddSingleton<BackendHealthProbe>();
        builder.Services.AddSingleton<BackendsHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<BackendsHealthCheck>("backends", timeout: TimeSpan.FromSeconds(5));

        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(), GatewayRoutes.Clusters(options))
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenerPortPolicy>());
        return builder;
    }

    /// <summary>
    /// The gateway's own /health, /alive, grpc.health.v1 and reflection, the proxied routes, and the printed addresses.
    /// One pipeline, always with token validation: there is no switch, setting or overload that turns it off (the
    /// benchmark that measures its cost swaps the authentication handler in the test project).
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        var gatewayOptions = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        app.UseGatewayErrors(app.Services.GetRequiredService<ServiceCatalog>());
        app.UseGatewaySecurity(gatewayOptions);
        app.MapDefaultEndpoints();
        app.MapGatewayDiscovery();
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
