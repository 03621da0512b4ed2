using Cchc.Gateway.Routing;
using Cchc.Security.Authorization;

namespace Cchc.Gateway.Security;

/// <summary>What a request needs at the gateway.</summary>
internal enum AccessKind
{
    /// <summary>No route matched: nothing is forwarded (404), nothing to check.</summary>
    Unrouted,

    /// <summary>Open: the gateway's own health/reflection, the services' health/reflection by header, report pages, the token endpoint.</summary>
    Open,

    /// <summary>The token endpoint and discovery: open, but rate limited per remote address (secrets must not be guessable at speed).</summary>
    TokenEndpoint,

    /// <summary>Every other proxied call: a valid access token is required.</summary>
    Protected,
}

/// <summary>Deny by default at the gateway: a proxied route is protected unless it is one of the few open kinds.</summary>
internal static class GatewayAccess
{
    public static AccessKind Classify(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            return AccessKind.Unrouted;
        }
        if (endpoint.Metadata.GetMetadata<GatewayListener>() is null)
        {
            return AccessKind.Open; // the gateway's own endpoints: /health, /alive, grpc.health.v1, reflection
        }
        var path = context.Request.Path;
        if (GrpcRuleTable.IsOpen(path.Value ?? string.Empty))
        {
            return AccessKind.Open;
        }
        if (path.StartsWithSegments("/connect") || path.StartsWithSegments("/.well-known"))
        {
            return AccessKind.TokenEndpoint;
        }
        // The published report — pages for people, the same appendices as JSON, the body's key figures and the catalogue of
        // its indicators — is aggregate, publishable figures only (docs/security.md): open by this explicit rule. Everything else under /api/reports
        // (the read model's status, per-unit views) is protected.
        // What each unit owes and has sent (completeness) is published like its page.
        // The checks of those figures (validation, reconciliation with the published report, the published report's
        // summary), the OpenAPI description of the read side and "/" (a redirect to /reports) are open too; loading a
        // published report (PUT) is not.
        return path.StartsWithSegments("/reports") || path.StartsWithSegments("/api/reports/appendices")
            || path.StartsWithSegments("/api/reports/key-figures") || path.StartsWithSegments("/api/reports/indicators")
            || path.StartsWithSegments("/api/reports/completeness")
            || path.StartsWithSegments("/api/reports/validation") || path.StartsWithSegments("/api/reports/reconciliation")
            || (path.StartsWithSegments("/api/reports/published") && HttpMethods.IsGet(context.Request.Method))
            || path.StartsWithSegments("/openapi") || path == "/"
            ? AccessKind.Open
            : AccessKind.Protected;
    }
}
