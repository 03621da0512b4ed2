using System.Collections.Concurrent;
using Cchc.Gateway.Routing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace Cchc.Gateway.HealthChecks;

/// <summary>
/// Healthy only when every backend answers grpc.health.v1 Check with SERVING at an address the gateway routes to
/// (the destinations YARP resolved through service discovery). This makes the gateway's own grpc.health.v1 (no
/// <c>x-cchc-service</c> header) and /health an aggregate of the suite.
/// </summary>
internal sealed class BackendsHealthCheck(IProxyStateLookup proxyState) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statuses = await Task.WhenAll(GatewayRoutes.Backends.Select(b => CheckAsync(b, cancellationToken)));
        var data = GatewayRoutes.Backends.Zip(statuses).ToDictionary(p => p.First.Key, p => (object)p.Second);
        var failing = data.Where(p => (string)p.Value != nameof(HealthCheckResponse.Types.ServingStatus.Serving)).ToList();
        return failing.Count == 0
            ? HealthCheckResult.Healthy("All backends are serving.", data)
            : HealthCheckResult.Unhealthy($"Not serving: {string.Join(", ", failing.Select(p => $"{p.Key} ({p.Value})"))}.", data: data);
    }

    private async Task<string> CheckAsync(Backend backend, CancellationToken cancellationToken)
    {
        if (!proxyState.TryGetCluster(backend.GrpcClusterId, out var cluster) || cluster.DestinationsState.AllDestinations.Count == 0)
        {
            return "NoDestination";
        }

        var last = "Unknown";
        foreach (var destination in cluster.DestinationsState.AllDestinations)
        {
            var channel = _channels.GetOrAdd(destination.Model.Config.Address, address => GrpcChannel.ForAddress(address));
            try
            {
                var reply = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(
                    new HealthCheckRequest(), deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
                last = reply.Status.ToString();
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return last;
                }
            }
            catch (RpcException ex)
            {
                last = ex.StatusCode.ToString();
            }
        }
        return last;
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
