using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Cchc.Messaging;

/// <summary>
/// Meter "Cchc.Messaging": cchc.outbox.published, cchc.outbox.publish_failures, cchc.outbox.pending (rows waiting,
/// as last counted by the relay), cchc.inbox.duplicates. Tag <c>outbox</c> = the DbContext's name.
/// </summary>
internal static class MessagingMetrics
{
    public const string MeterName = "Cchc.Messaging";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<string, long> Pending = new(StringComparer.Ordinal);

    public static readonly Counter<long> Published =
        Meter.CreateCounter<long>("cchc.outbox.published", "{message}", "Outbox rows published and confirmed by the broker.");

    public static readonly Counter<long> PublishFailures =
        Meter.CreateCounter<long>("cchc.outbox.publish_failures", "{message}", "Outbox rows whose publish failed or timed out (retried later).");

    public static readonly Counter<long> InboxDuplicates =
        Meter.CreateCounter<long>("cchc.inbox.duplicates", "{message}", "Messages a consumer skipped because its inbox had already recorded them.");

    static MessagingMetrics()
    {
        Meter.CreateObservableGauge("cchc.outbox.pending", ObservePending, "{message}", "Outbox rows not yet sent.");
    }

    public static void SetPending(string outbox, long count) => Pending[outbox] = count;

    private static IEnumerable<Measurement<long>> ObservePending() =>
        Pending.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("outbox", p.Key)));
}
