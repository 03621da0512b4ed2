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
/// <remarks>
/// Started by <see cref="AddResourceConsole"/> when the application is about to start its resources, not as a hosted
/// service: Aspire starts the resources before the hosted services, and only returns from that once every resource was
/// started (the gateway last, after every backend is healthy) — a console started then would print nothing until the
/// platform is up, and never a failure that keeps it from coming up.
/// </remarks>
internal sealed class ResourceConsole(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly Lock Output = new();
    private readonly ConcurrentDictionary<string, string> _states = new();
    private readonly ConcurrentDictionary<string, Task> _followed = new();
    private readonly long _started = Stopwatch.GetTimestamp();

    /// <summary>Registers the console, started on <see cref="BeforeStartEvent"/> and stopped with the application.</summary>
    public static void AddResourceConsole(IDistributedApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResourceConsole>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var console = e.Services.GetRequiredService<ResourceConsole>();
            e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => console.StopAsync(CancellationToken.None));
            return console.StartAsync(ct);
        });
    }

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
