namespace Cchc.Gateway;

/// <summary>
/// Where the gateway listens and how much it accepts. Section <c>Gateway</c> (e.g. <c>Gateway__GrpcPort</c>, which the
/// AppHost sets from its own <c>CCHC_GATEWAY_*_PORT</c> settings). The gateway reads no <c>CCHC_*</c> variable itself:
/// a child process inherits its parent's environment, and a platform started by a test must not pick up the
/// developer's ports.
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

    public static GatewayOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<GatewayOptions>() ?? new GatewayOptions();
}
