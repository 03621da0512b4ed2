using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;

namespace Cchc.AppHost.Extensions;

/// <summary>
/// Copies every resource's state changes and console output to the AppHost's own output, prefixed with the resource
/// name (<c>[procedures-api] ...</c>), so the AppHost log that <c>./cchc run</c> keeps says why something did not start.
/// A resource that fails before shutdown is announced on a line of its own: <c>FAILED: resource NAME ...</c>.
/// Every state line ends with the seconds since the AppHost started (<c>(+41.2 s)</c>): the log is the start-up's
/// profile (docs/benchmarks.md, "Start-up"). Off with <c>CCHC_RESOURCE_CONSOLE=false</c>.
/// </summary>
internal sealed class ResourceConsole(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly Lock Output = new();
    private readonly ConcurrentDictionary<string, string> _states = new();
    private readonly ConcurrentDictionary<string, Task> _followed = new();
    private readonly long _started = Stopwatch.GetTimestamp();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                var name = change.Resource.Name;
                _ = _followed.GetOrAdd(change.ResourceId, id => FollowLogsAsync(name, id, stoppingToken));

                var snapshot = change.Snapshot;
                var state = snapshot.State?.Text;
                if (string.IsNullOrEmpty(state) || _states.TryGetValue(change.ResourceId, out var previous) && previous == state)
                {
                    continue;
                }
                _states[change.ResourceId] = state;
                var exit = snapshot.ExitCode is { } code ? $" (exit code {code})" : string.Empty;
                var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                Write($"[{name}] state: {state}{exit} (+{elapsed} s)");

                var failed = state == KnownResourceStates.FailedToStart
                    || state == KnownResourceStates.RuntimeUnhealthy
                    || snapshot.ExitCode is { } c && c != 0 && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished);
                if (failed && !lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    Write($"FAILED: resource {name} {state}{exit}; its output is above, prefixed [{name}].");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task FollowLogsAsync(string name, string resourceId, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(stoppingToken))
            {
                foreach (var line in batch)
                {
                    Write($"[{name}] {line.Content}");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static void Write(string line)
    {
        lock (Output)
        {
            Console.Out.WriteLine(line);
        }
    }
}
