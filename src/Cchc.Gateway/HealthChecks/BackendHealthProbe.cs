using System.Collections.Concurrent;
using Cchc.Gateway.Routing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Yarp.ReverseProxy;

namespace Cchc.Gateway.HealthChecks;

/// <summary>What one backend said to grpc.health.v1 Check: a status, or the gRPC error of the call (NOT_FOUND: it does not host the name).</summary>
internal readonly record struct BackendHealth(HealthCheckResponse.Types.ServingStatus? Status, StatusCode? Error)
{
    public bool IsServing => Status == HealthCheckResponse.Types.ServingStatus.Serving;

    /// <summary>The backend answered NOT_FOUND: it serves no service of that name.</summary>
    public bool IsUnknownName => Error == StatusCode.NotFound;

    public override string ToString() => Status?.ToString() ?? Error?.ToString() ?? "NoDestination";
}

/// <summary>
/// Asks a backend's grpc.health.v1 Check at the addresses the gateway routes to (the destinations YARP resolved through
/// service discovery), directly, not through the gateway's routes. Serving at any destination counts.
/// </summary>
internal sealed class BackendHealthProbe(IProxyStateLookup proxyState) : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();

    /// <param name="service">"" for the backend as a whole, or a fully-qualified service name.</param>
    public async Task<BackendHealth> CheckAsync(Backend backend, string service, CancellationToken cancellationToken)
    {
        if (!proxyState.TryGetCluster(backend.GrpcClusterId, out var cluster) || cluster.DestinationsState.AllDestinations.Count == 0)
        {
            return new BackendHealth(null, null);
        }

        var last = new BackendHealth(null, StatusCode.Unavailable);
        foreach (var destination in cluster.DestinationsState.AllDestinations)
        {
            var channel = _channels.GetOrAdd(destination.Model.Config.Address, address => GrpcChannel.ForAddress(address));
            try
            {
                var reply = await new Health.HealthClient(channel).CheckAsync(
                    new HealthCheckRequest { Service = service }, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
                last = new BackendHealth(reply.Status, null);
                if (last.IsServing)
                {
                    return last;
                }
            }
            catch (RpcException ex)
            {
                last = new BackendHealth(null, ex.StatusCode);
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
