using System.Globalization;

namespace Cchc.AppHost;

/// <summary>
/// What a developer or a test run may change, read from configuration (environment variables, or AppHost arguments
/// such as <c>--CCHC_GATEWAY_GRPC_PORT=7500</c>), so a second, isolated platform can run beside the first:
/// <list type="bullet">
/// <item><c>CCHC_DATA_DIR</c> (default /var/lib/cchc): local-process data (pg/, rabbitmq/) and the token service's keys and
/// demo client secrets (identity/).</item>
/// <item><c>CCHC_POSTGRES_PORT</c> (55432), <c>CCHC_RABBITMQ_PORT</c> (5673), <c>CCHC_RABBITMQ_DIST_PORT</c> (AMQP port + 20000),
/// <c>CCHC_RABBITMQ_NODENAME</c> (cchc@localhost on the default port, cchc-PORT@localhost otherwise).</item>
/// <item><c>CCHC_GATEWAY_GRPC_PORT</c> (7400), <c>CCHC_GATEWAY_HTTP_PORT</c> (7401).</item>
/// <item><c>CCHC_INFRASTRUCTURE</c> = auto | containers | local: force a mode (existing servers are chosen by giving
/// <c>ConnectionStrings__postgres</c> / <c>ConnectionStrings__messaging</c>).</item>
/// </list>
/// </summary>
public sealed record AppHostSettings(
    string DataDirectory,
    int PostgresPort,
    int RabbitMqPort,
    int RabbitMqDistributionPort,
    string RabbitMqNodeName,
    int GatewayGrpcPort,
    int GatewayHttpPort,
    string InfrastructurePreference)
{
    public const int DefaultRabbitMqPort = 5673;

    /// <summary>The token service's keys and the demo clients' secrets: <c>$CCHC_DATA_DIR/identity</c>.</summary>
    public string IdentityDirectory => Path.Combine(DataDirectory, "identity");

    /// <summary>The demo clients' generated secrets (JSON, mode 0600), read by <c>cchc-cli --clients-file</c>.</summary>
    public string ClientsFile => Path.Combine(IdentityDirectory, "clients.json");

    /// <summary>The tokens' issuer: the gateway's public HTTP address, with the trailing slash validators compare.</summary>
    public string PublicIssuer => $"http://127.0.0.1:{GatewayHttpPort.ToString(CultureInfo.InvariantCulture)}/";

    public static AppHostSettings From(IConfiguration configuration)
    {
        var rabbitPort = Port(configuration, "CCHC_RABBITMQ_PORT", DefaultRabbitMqPort);
        return new AppHostSettings(
            DataDirectory: Path.GetFullPath(Text(configuration, "CCHC_DATA_DIR") ?? "/var/lib/cchc"),
            PostgresPort: Port(configuration, "CCHC_POSTGRES_PORT", 55432),
            RabbitMqPort: rabbitPort,
            RabbitMqDistributionPort: Port(configuration, "CCHC_RABBITMQ_DIST_PORT", rabbitPort + 20000),
            RabbitMqNodeName: Text(configuration, "CCHC_RABBITMQ_NODENAME")
                ?? (rabbitPort == DefaultRabbitMqPort ? "cchc@localhost" : $"cchc-{rabbitPort}@localhost"),
            GatewayGrpcPort: Port(configuration, "CCHC_GATEWAY_GRPC_PORT", 7400),
            GatewayHttpPort: Port(configuration, "CCHC_GATEWAY_HTTP_PORT", 7401),
            InfrastructurePreference: (Text(configuration, "CCHC_INFRASTRUCTURE") ?? "auto").ToLowerInvariant());
    }

    private static string? Text(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value.Trim() : null;

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var text = Text(configuration, key);
        if (text is null)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{key}='{text}' is not a TCP port (1-65535).");
    }
}
