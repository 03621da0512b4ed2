using System.Net.Sockets;
using Cchc.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cchc.ServiceKit;

/// <summary>
/// On one machine a service starts beside the RabbitMQ node, whose Erlang boot is the slowest of the platform's starts
/// (docs/adr/0048-start-up-critical-path.md). With <see cref="StartupSettings.WaitForBrokerAtStart"/> true (the
/// AppHost) the built service waits, before it starts, until the broker's port accepts connections — so its JIT and
/// migrations overlap the broker's boot, and MassTransit's first connection succeeds instead of failing into its
/// 3, 6, 12… s retries (each failure a logged stack trace per receive endpoint). Without the setting (a cluster, the
/// tests) nothing waits: MassTransit connects whenever the broker answers.
/// </summary>
public static class BrokerWait
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>After this the service starts anyway (MassTransit then retries as usual).</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    /// <summary>Waits for the broker of <c>ConnectionStrings:messaging</c> when the setting asks (see the class).</summary>
    public static async Task WaitAtStartAsync(IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        if (!configuration.GetValue<bool>(StartupSettings.WaitForBrokerAtStart)
            || !Uri.TryCreate(configuration.GetConnectionString(ResourceNames.Messaging), UriKind.Absolute, out var broker))
        {
            return;
        }
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BrokerWait));
        var port = broker.IsDefaultPort || broker.Port < 0 ? 5672 : broker.Port;
        var deadline = DateTime.UtcNow + LongestWait;
        var logged = false;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(broker.Host, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                if (!logged)
                {
                    logger.LogInformation("Waiting for the broker at {Host}:{Port} before starting", broker.Host, port);
                    logged = true;
                }
                await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                logger.LogWarning("The broker at {Host}:{Port} did not answer within {Minutes} minutes ({Message}); starting anyway",
                    broker.Host, port, LongestWait.TotalMinutes, ex.Message);
                return;
            }
        }
    }
}
