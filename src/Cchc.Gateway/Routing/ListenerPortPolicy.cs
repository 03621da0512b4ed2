using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Options;

namespace Cchc.Gateway.Routing;

/// <summary>
/// Binds every endpoint to one listener by the port the connection arrived on (not the spoofable Host header):
/// gRPC endpoints (the gateway's own and the proxied packages) only on the gRPC port, everything else (REST, pages,
/// /health, /alive) only on the HTTP port. A request on the wrong port matches nothing and gets 404.
/// </summary>
internal sealed class ListenerPortPolicy(IOptions<GatewayOptions> options) : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var port = httpContext.Connection.LocalPort;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && PortOf(candidates[i].Endpoint) != port)
            {
                candidates.SetValidity(i, false);
            }
        }
        return Task.CompletedTask;
    }

    private int PortOf(Endpoint endpoint)
    {
        var listener = endpoint.Metadata.GetMetadata<GatewayListener>()?.Name
            ?? (endpoint.Metadata.GetMetadata<GrpcMethodMetadata>() is not null ? GatewayListener.Grpc : GatewayListener.Http);
        return listener == GatewayListener.Grpc ? options.Value.GrpcPort : options.Value.HttpPort;
    }
}
