using System.Text.RegularExpressions;
using Cchc.Contracts;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Cchc.Gateway.Routing;

/// <summary>
/// The gateway's routing table, in code because the ports are settings. Port 7400 (h2c): each service's proto package
/// to its gRPC endpoint; the standard gRPC services (health, reflection) to the service named by the
/// <see cref="ServiceHeader"/> header, or to the gateway itself without it. Port 7401: the reporting REST/JSON API and
/// report pages, the integration adapter's /api/lgsp/*, and the token service's /connect/token and /.well-known/*. Nothing else is forwarded: no backend
/// /health, /alive or metrics.
/// </summary>
public static class GatewayRoutes
{
    /// <summary>Request header (gRPC metadata) naming the service whose health or reflection a caller wants.</summary>
    public const string ServiceHeader = "x-cchc-service";

    /// <summary>Route metadata key holding the <see cref="GatewayListener"/> name.</summary>
    public const string ListenerKey = "cchc-listener";

    public static readonly IReadOnlyList<Backend> Backends =
    [
        new("procedures", ResourceNames.ProceduresApi, "cchc.procedures.v1", ServesHttp: false),
        new("reporting", ResourceNames.ReportingApi, "cchc.reporting.v1", ServesHttp: true),
        new("legal", ResourceNames.LegalApi, "cchc.legal.v1", ServesHttp: false),
        new("finance", ResourceNames.FinanceApi, "cchc.finance.v1", ServesHttp: false),
        new("organisation", ResourceNames.OrganisationApi, "cchc.organisation.v1", ServesHttp: false),
        new("egov", ResourceNames.EgovApi, "cchc.egov.v1", ServesHttp: false),
        // The LGSP/NGSP adapter: its gRPC API, and the one-stop-shop systems' data-sharing calls the LGSP forwards (docs/integration.md).
        new("integration", ResourceNames.IntegrationApi, "cchc.integration.v1", ServesHttp: true, HttpPaths: ["/api/lgsp"]),
        // The reform programme's records, submitted values and obligations (docs/adr/0026-programme-service.md).
        new("programme", ResourceNames.ProgrammeApi, "cchc.programme.v1", ServesHttp: false),
    ];

    /// <summary>gRPC services every backend hosts under the same name, so they are told apart by header.</summary>
    public static readonly IReadOnlyList<string> StandardGrpcServices =
    [
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
        // Each service's own audit log (Cchc.Security); unlike health and reflection it needs a token with audit.read.
        "cchc.audit.v1.AuditService",
        // Each domain service's local copy of the unit reference data (Cchc.ReferenceData); needs organisation.read.
        "cchc.reference.v1.UnitReference",
    ];

    private static readonly string[] HttpPathPrefixes = ["/api/reports", "/reports", "/openapi"];

    /// <summary>The token service's public paths on the HTTP port: the token endpoint, discovery and keys (JWKS).</summary>
    public static readonly IReadOnlyList<string> IdentityPaths = ["/connect/token", "/.well-known/{**rest}"];

    public const string IdentityClusterId = "identity-http";

    public static IReadOnlyList<RouteConfig> Routes()
    {
        var routes = new List<RouteConfig>();
        foreach (var backend in Backends)
        {
            // A gRPC path is /package.Service/Method: match every service of the package.
            var package = Regex.Escape(backend.GrpcPackage);
            routes.Add(Route($"{backend.Key}-grpc-api", backend.GrpcClusterId, GatewayListener.Grpc,
                $"/{{service:regex(^{package}\\.\\w+$)}}/{{method}}"));

            foreach (var service in StandardGrpcServices)
            {
                var route = Route($"{backend.Key}-{service}", backend.GrpcClusterId, GatewayListener.Grpc, $"/{service}/{{method}}");
                routes.Add(route with
                {
                    // Ahead of the gateway's own health/reflection endpoints (same path), which answer without the header.
                    Order = -1,
                    Match = route.Match with
                    {
                        Headers = [new RouteHeader { Name = ServiceHeader, Values = [backend.Key], Mode = HeaderMatchMode.ExactHeader }],
                    },
                });
            }

            if (backend.ServesHttp)
            {
                routes.AddRange((backend.HttpPaths ?? HttpPathPrefixes).Select(prefix =>
                    Route($"{backend.Key}-http{prefix.Replace('/', '-')}", backend.HttpClusterId, GatewayListener.Http, $"{prefix}/{{**rest}}")));
                if (backend.HttpPaths is null)
                {
                    // "/" leads to the report (the reporting service redirects it to /reports).
                    routes.Add(Route($"{backend.Key}-http-root", backend.HttpClusterId, GatewayListener.Http, "/"));
                }
            }
        }

        // Department systems obtain tokens through the gateway; the issuer in the tokens is this port's address.
        routes.AddRange(IdentityPaths.Select((path, i) => Route($"identity-http-{i}", IdentityClusterId, GatewayListener.Http, path)));
        return routes;
    }

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options)
    {
        var clusters = new List<ClusterConfig>();
        foreach (var backend in Backends)
        {
            clusters.Add(Cluster(backend.GrpcClusterId, $"http://_{ResourceNames.GrpcEndpoint}.{backend.ResourceName}", new ForwarderRequestConfig
            {
                // h2c: HTTP/2 with prior knowledge. RequestVersionOrLower would fall back to HTTP/1.1 (the backend answers 400).
                Version = new Version(2, 0),
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                ActivityTimeout = options.GrpcActivityTimeout,
            }));
            if (backend.ServesHttp)
            {
                clusters.Add(Cluster(backend.HttpClusterId, $"http://_{ResourceNames.HttpEndpoint}.{backend.ResourceName}", new ForwarderRequestConfig
                {
                    Version = new Version(1, 1),
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                }));
            }
        }
        clusters.Add(Cluster(IdentityClusterId, $"http://_{ResourceNames.HttpEndpoint}.{ResourceNames.Identity}", new ForwarderRequestConfig
        {
            Version = new Version(1, 1),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        }));
        return clusters;
    }

    private static RouteConfig Route(string id, string clusterId, string listener, string path) => new()
    {
        RouteId = id,
        ClusterId = clusterId,
        Match = new RouteMatch { Path = path },
        Metadata = new Dictionary<string, string> { [ListenerKey] = listener },
    };

    private static ClusterConfig Cluster(string id, string address, ForwarderRequestConfig request) => new()
    {
        ClusterId = id,
        HttpRequest = request,
        Destinations = new Dictionary<string, DestinationConfig> { ["default"] = new() { Address = address } },
    };
}
