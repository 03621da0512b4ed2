using System.Diagnostics;
using OpenTelemetry;

namespace Cchc.Messaging;

/// <summary>
/// What the relay puts in traces (ActivitySource "Cchc.Messaging", which the service defaults listen to): one span per
/// batch it publishes, parent of that batch's publishes (MassTransit) and its UPDATE (Npgsql); nothing for its
/// housekeeping. A relay polls every second: left to the Npgsql instrumentation, every poll that finds nothing was a
/// trace of its own and the dashboard's trace list showed little else.
/// </summary>
internal static class OutboxTracing
{
    public const string SourceName = "Cchc.Messaging";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Until disposed, no span is recorded on this flow, whatever the sampler (OpenTelemetry's own scope for internal
    /// operations; the instrumentation of Npgsql is asked and told no). Metrics are unaffected. Log outside it: the
    /// OpenTelemetry log exporter honours it too.
    /// </summary>
    public static IDisposable Quiet() => SuppressInstrumentationScope.Begin();

    /// <summary>Runs <paramref name="work"/> inside <see cref="Quiet"/>.</summary>
    public static async Task<T> QuietlyAsync<T>(Func<Task<T>> work)
    {
        using (Quiet())
        {
            return await work().ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="QuietlyAsync{T}(Func{Task{T}})"/>
    public static async Task QuietlyAsync(Func<Task> work)
    {
        using (Quiet())
        {
            await work().ConfigureAwait(false);
        }
    }

    /// <summary>The root span of a batch of <paramref name="claimed"/> rows (a trace of its own: the relay has no caller).</summary>
    public static Activity? StartBatch(string outbox, int claimed)
    {
        var activity = Source.StartActivity($"outbox relay {outbox}", ActivityKind.Internal, parentContext: default);
        activity?.SetTag("cchc.outbox", outbox);
        activity?.SetTag("cchc.outbox.claimed", claimed);
        return activity;
    }

    public static void EndBatch(Activity? activity, int sent, int failed, int parked)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetTag("cchc.outbox.sent", sent);
        activity.SetTag("cchc.outbox.failed", failed);
        activity.SetTag("cchc.outbox.parked", parked);
        if (failed + parked > 0)
        {
            activity.SetStatus(ActivityStatusCode.Error, $"{failed + parked} of {sent + failed + parked} not published");
        }
    }
}
