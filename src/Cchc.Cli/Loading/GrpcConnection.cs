using Grpc.Net.Client;

namespace Cchc.Cli.Loading;

/// <summary>A gRPC channel to the gateway: plaintext h2c for http:// addresses, large messages, no deadline by default.</summary>
internal static class GrpcConnection
{
    public static GrpcChannel Open(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        MaxSendMessageSize = 64 * 1024 * 1024,
        MaxReceiveMessageSize = 64 * 1024 * 1024,
        HttpHandler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        },
    });
}
