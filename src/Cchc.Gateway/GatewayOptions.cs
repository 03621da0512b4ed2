using System.Globalization;

namespace Cchc.Gateway;

/// <summary>
/// Where the gateway listens and how much it accepts. Section <c>Gateway</c> (e.g. <c>Gateway__GrpcPort</c>);
/// <c>CCHC_GATEWAY_GRPC_PORT</c> / <c>CCHC_GATEWAY_HTTP_PORT</c> override the ports, as for the AppHost.
/// </summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Address both listeners bind to: loopback on a developer machine, 0.0.0.0 in a cluster.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>gRPC over plaintext HTTP/2 (h2c) for department systems.</summary>
    public int GrpcPort { get; set; } = 7400;

    /// <summary>HTTP/1.1: REST/JSON, report pages and the gateway's own /health and /alive.</summary>
    public int HttpPort { get; set; } = 7401;

    /// <summary>
    /// Largest request body on the HTTP port (imports of spreadsheets later). gRPC streams are exempt: YARP lifts the
    /// limit for gRPC calls and each message is bounded by the service (16 MiB), so a long client-streaming import works.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a proxied gRPC call may stay silent (no bytes either way) before YARP cancels it.</summary>
    public TimeSpan GrpcActivityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public static GatewayOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<GatewayOptions>() ?? new GatewayOptions();
        options.GrpcPort = PortOverride(configuration, "CCHC_GATEWAY_GRPC_PORT") ?? options.GrpcPort;
        options.HttpPort = PortOverride(configuration, "CCHC_GATEWAY_HTTP_PORT") ?? options.HttpPort;
        return options;
    }

    private static int? PortOverride(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;
}
