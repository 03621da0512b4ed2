namespace Cchc.Gateway.Routing;

/// <summary>Endpoint metadata: the listener (gRPC or HTTP port) an endpoint may be reached on.</summary>
public sealed record GatewayListener(string Name)
{
    public const string Grpc = "grpc";
    public const string Http = "http";
}
