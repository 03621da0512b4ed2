namespace Cchc.Gateway.Routing;

/// <summary>
/// A service behind the gateway. <paramref name="Key"/> is the value of the <c>x-cchc-service</c> header that sends
/// the standard gRPC services (health, reflection) to it; <paramref name="GrpcPackage"/> is its published proto package.
/// </summary>
public sealed record Backend(string Key, string ResourceName, string GrpcPackage, bool ServesHttp)
{
    public string GrpcClusterId => $"{Key}-grpc";

    public string HttpClusterId => $"{Key}-http";
}
