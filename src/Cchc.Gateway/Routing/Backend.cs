namespace Cchc.Gateway.Routing;

/// <summary>
/// A service behind the gateway. <paramref name="Key"/> is the value of the <c>x-cchc-service</c> header that sends
/// the standard gRPC services (health, reflection) to it; <paramref name="GrpcPackage"/> is its published proto package;
/// <paramref name="HttpPaths"/> the path prefixes routed to its HTTP endpoint when it serves HTTP (default: the report's).
/// </summary>
public sealed record Backend(string Key, string ResourceName, string GrpcPackage, bool ServesHttp, IReadOnlyList<string>? HttpPaths = null)
{
    public string GrpcClusterId => $"{Key}-grpc";

    public string HttpClusterId => $"{Key}-http";
}
