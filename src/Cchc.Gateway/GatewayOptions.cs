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

    /// <summary>
    /// Largest single gRPC message the gateway forwards (checked from each message's length prefix); larger is
    /// RESOURCE_EXHAUSTED before anything reaches a service. The default matches the services' own limit and leaves room
    /// for import batches of 50,000 dossier records (≈ 6 MB).
    /// </summary>
    public long MaxGrpcMessageBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Per-client request rate limit (token bucket keyed by the token's client id).</summary>
    public GatewayRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>TLS termination: with a certificate configured, both listeners speak TLS only.</summary>
    public GatewayTlsOptions Tls { get; set; } = new();

    /// <summary>How long a proxied gRPC call may stay silent (no bytes either way) before YARP cancels it.</summary>
    public TimeSpan GrpcActivityTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a grpc.health.v1 Watch on the gateway re-checks the status it streams (a change is sent at once).</summary>
    public TimeSpan HealthWatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    public static GatewayOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<GatewayOptions>() ?? new GatewayOptions();
}

/// <summary>
/// Section <c>Gateway:RateLimit</c>: one token bucket per client id (per remote address for calls without a valid
/// token). Each call takes a token; the bucket holds <see cref="TokenLimit"/> and gets <see cref="TokensPerPeriod"/>
/// back every <see cref="ReplenishmentPeriod"/>. The defaults let the demo load (16 parallel catalogue writers, import
/// streams) and a department system's normal traffic through, and stop a runaway client at ~1,000 calls/s.
/// </summary>
public sealed class GatewayRateLimitOptions
{
    public bool Enabled { get; set; } = true;

    public int TokenLimit { get; set; } = 2_000;

    public int TokensPerPeriod { get; set; } = 1_000;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Quotas agreed with particular department systems, by client id (<c>Gateway:RateLimit:Clients:{clientId}:TokenLimit</c>
    /// …): a unit's small system and the province's bulk loader need not share one number. Unset fields take the defaults.
    /// </summary>
    public Dictionary<string, GatewayClientQuota> Clients { get; set; } = new(StringComparer.Ordinal);

    public (int TokenLimit, int TokensPerPeriod, TimeSpan ReplenishmentPeriod) QuotaOf(string? clientId) =>
        clientId is not null && Clients.TryGetValue(clientId, out var quota)
            ? (quota.TokenLimit ?? TokenLimit, quota.TokensPerPeriod ?? TokensPerPeriod, quota.ReplenishmentPeriod ?? ReplenishmentPeriod)
            : (TokenLimit, TokensPerPeriod, ReplenishmentPeriod);
}

/// <summary>One client's quota; a field left empty takes the gateway's default.</summary>
public sealed class GatewayClientQuota
{
    public int? TokenLimit { get; set; }

    public int? TokensPerPeriod { get; set; }

    public TimeSpan? ReplenishmentPeriod { get; set; }
}

/// <summary>Section <c>Gateway:Tls</c>: a PEM certificate (chain) and its private key; both empty = plaintext (h2c) as before.</summary>
public sealed class GatewayTlsOptions
{
    public string? CertificatePath { get; set; }

    public string? KeyPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}
