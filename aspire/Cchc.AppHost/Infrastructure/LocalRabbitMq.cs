using System.Globalization;
using Cchc.AppHost.Extensions;
using Cchc.Contracts;
using RabbitMQ.Client;

namespace Cchc.AppHost.Infrastructure;

/// <summary>A private RabbitMQ node (Debian package) as an Aspire executable; guest/guest over loopback.</summary>
public sealed class LocalRabbitMqResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "amqp";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}/");
}

internal static class LocalRabbitMq
{
    public const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    private const string Nice = "/usr/bin/nice";

    /// <summary>
    /// rabbitmq-server in the foreground (it turns SIGTERM into a clean shutdown), with its own HOME (Erlang cookie),
    /// Mnesia and log folders under <paramref name="baseDirectory"/>, node name, AMQP and distribution ports; a health
    /// check that opens a real AMQP connection.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string baseDirectory, int port, int distributionPort, string nodeName)
    {
        if (!File.Exists(Server))
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not installed ({Server} is missing): apt-get install -y --no-install-recommends rabbitmq-server, or run ./cchc run.");
        }
        Directory.CreateDirectory(baseDirectory);
        File.WriteAllText(Path.Combine(baseDirectory, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(baseDirectory, "rabbitmq.conf"), "log.console = true\nlog.console.level = info\n");

        // Root (./cchc run) starts the node at a higher CPU priority: every service connects to it, and on two cores shared
        // by the services' own start-up its Erlang boot was the slowest step of all (docs/adr/0048-start-up-critical-path.md).
        // nice replaces itself with the server (same process, same signals); as another user it would only warn.
        var (command, arguments) = HostCommand.IsRoot && File.Exists(Nice) ? (Nice, new[] { "-n", "-10", Server }) : (Server, Array.Empty<string>());
        var resource = new LocalRabbitMqResource(ResourceNames.Messaging, command, baseDirectory);
        return builder.AddResource(resource)
            .WithArgs(arguments)
            .WithEnvironment("HOME", baseDirectory)
            // No busy-waiting schedulers: on a shared 2-core machine their spinning only takes CPU from everything else
            // (RabbitMQ's runtime tuning guide recommends it where cores are shared).
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "+sbwt none +sbwtdcpu none +sbwtdio none")
            .WithEnvironment("RABBITMQ_NODENAME", nodeName)
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_DIST_PORT", distributionPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(baseDirectory, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(baseDirectory, "log"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(baseDirectory, "rabbit.pid"))
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(baseDirectory, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(baseDirectory, "rabbitmq"))
            .WithEnvironment("RABBITMQ_ADVANCED_CONFIG_FILE", Path.Combine(baseDirectory, "advanced.config"))
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalRabbitMqResource.EndpointName, env: "RABBITMQ_NODE_PORT", isProxied: false)
            // Every service waits for it: checked promptly (docs/adr/0048-start-up-critical-path.md).
            .WithPromptHealthCheck($"{ResourceNames.Messaging}-accepts-amqp", async cancellationToken =>
            {
                var uri = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(uri!),
                    RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
                    AutomaticRecoveryEnabled = false,
                };
                await using var connection = await factory.CreateConnectionAsync("cchc-apphost-health", cancellationToken);
                return HealthCheckResult.Healthy();
            });
    }
}
