using Cchc.Gateway.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cchc.Gateway.HealthChecks;

/// <summary>
/// Healthy only when every backend answers grpc.health.v1 Check (service "") with SERVING at an address the gateway
/// routes to. This makes the gateway's own grpc.health.v1 (service "", no <c>x-cchc-service</c> header) and /health
/// an aggregate of the suite.
/// </summary>
internal sealed class BackendsHealthCheck(BackendHealthProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var results = await Task.WhenAll(GatewayRoutes.Backends.Select(b => probe.CheckAsync(b, string.Empty, cancellationToken)));
        var data = GatewayRoutes.Backends.Zip(results).ToDictionary(p => p.First.Key, p => (object)p.Second.ToString());
        var failing = GatewayRoutes.Backends.Zip(results).Where(p => !p.Second.IsServing).ToList();
        return failing.Count == 0
            ? HealthCheckResult.Healthy("All backends are serving.", data)
            : HealthCheckResult.Unhealthy($"Not serving: {string.Join(", ", failing.Select(p => $"{p.First.Key} ({p.Second})"))}.", data: data);
    }
}
