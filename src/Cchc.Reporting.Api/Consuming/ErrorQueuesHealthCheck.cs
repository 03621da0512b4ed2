using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cchc.Reporting.Api.Consuming;

/// <summary>
/// Degraded while an event the consumers could not apply waits in an error queue or is recorded as failed and not yet
/// applied: the service still serves (gRPC health stays SERVING, so the gateway keeps routing), but /health says the
/// report lacks facts until they are replayed. Connectivity itself is the bus's and the database's checks.
/// </summary>
public sealed class ErrorQueuesHealthCheck(ErrorQueues errorQueues) : IHealthCheck
{
    public const string Name = "reporting-error-queues";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = await errorQueues.GetAsync(cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["waiting"] = snapshot.Waiting,
            ["unresolvedFailures"] = snapshot.UnresolvedFailures,
            ["brokerReachable"] = snapshot.BrokerReachable,
        };
        if (!snapshot.HasFailures)
        {
            return HealthCheckResult.Healthy("No event waits in an error queue.", data);
        }
        var since = snapshot.Since?.ToString("O", CultureInfo.InvariantCulture) ?? "unknown";
        data["since"] = since;
        return HealthCheckResult.Degraded(
            $"{snapshot.Waiting} events wait in error queues (unresolved failures: {snapshot.UnresolvedFailures}) since {since}; " +
            "fix the cause, then replay them (docs/operations.md).", data: data);
    }
}
