using Cchc.Cli.Auth;
using Grpc.Net.Client;

namespace Cchc.Cli.Loading;

/// <summary>A gRPC channel to the gateway: plaintext h2c for http:// addresses, large messages, no deadline by default.</summary>
internal static class GrpcConnection
{
    /// <summary>With <paramref name="tokens"/>, every call carries <c>authorization: Bearer</c> with a current token.</summary>
    public static GrpcChannel Open(Uri address, ClientCredentialTokens? tokens = null) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        MaxSendMessageSize = 64 * 1024 * 1024,
        MaxReceiveMessageSize = 64 * 1024 * 1024,
        HttpHandler = DemoLoader.Authenticated(new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        }, tokens),
    });
}
