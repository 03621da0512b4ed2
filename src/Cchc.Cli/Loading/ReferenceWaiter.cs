using System.Diagnostics;
using Cchc.Cli.Commands;
using Cchc.ReferenceData.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Loading;

/// <summary>
/// Waits until every domain service's local copy of the unit reference data has applied the organisation registry's
/// revision: polls <c>cchc.reference.v1.UnitReference/GetStatus</c> of each service through the gateway (service named by
/// the <c>x-cchc-service</c> header; the loader's token carries organisation.read) until each reports at least
/// <c>expectedRevision</c>, or fails at the deadline naming the services still behind. Services that already caught up
/// are not asked again.
/// </summary>
internal sealed class ReferenceWaiter(CallInvoker gateway, ProgressWriter progress)
{
    /// <summary>The gateway header naming the backend of a per-service API (src/Cchc.Gateway/Routing/GatewayRoutes.cs).</summary>
    public const string ServiceHeader = "x-cchc-service";

    /// <summary>The services that keep a copy (gateway backend keys): every domain service but the registry itself.</summary>
    public static readonly IReadOnlyList<string> DomainServices = ["procedures", "legal", "finance", "egov"];

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public async Task<TimeSpan> WaitAsync(long expectedRevision, IReadOnlyList<string> serviceKeys, TimeSpan timeout, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(serviceKeys);
        var watch = Stopwatch.StartNew();
        var client = new UnitReference.UnitReferenceClient(gateway);
        var behind = serviceKeys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => "no answer yet", StringComparer.Ordinal);
        while (true)
        {
            foreach (var key in behind.Keys.ToList())
            {
                try
                {
                    var status = await client.GetStatusAsync(new GetStatusRequest(), new Metadata { { ServiceHeader, key } },
                        deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellation);
                    if (status.Revision >= expectedRevision)
                    {
                        behind.Remove(key);
                    }
                    else
                    {
                        behind[key] = $"revision {status.Revision:N0}, {status.Units:N0} units";
                    }
                }
                catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal
                    && !cancellation.IsCancellationRequested)
                {
                    // A service still starting: ask again. Refusals (no rule, no scope) are not transient and fail the load.
                    behind[key] = e.Status.Detail;
                }
            }
            if (behind.Count == 0)
            {
                return watch.Elapsed;
            }
            if (watch.Elapsed > timeout)
            {
                throw new CommandFailedException($"the services' copies of the unit registry did not reach revision {expectedRevision:N0} within "
                    + $"{timeout.TotalSeconds:N0} s: {string.Join("; ", behind.Select(b => $"{b.Key}: {b.Value}"))}.");
            }
            progress.Every(TimeSpan.FromSeconds(5), () =>
                $"  unit registry revision {expectedRevision:N0}: waiting for {string.Join(", ", behind.Select(b => $"{b.Key} ({b.Value})"))}");
            await Task.Delay(PollInterval, cancellation);
        }
    }
}
