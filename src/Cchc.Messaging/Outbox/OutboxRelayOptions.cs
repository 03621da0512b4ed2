namespace Cchc.Messaging;

/// <summary>Tuning of <see cref="MessagingRegistration.AddOutboxRelay{TDbContext}"/> (bind from configuration section "Messaging:Outbox" or <c>services.Configure</c>).</summary>
public sealed class OutboxRelayOptions
{
    public const string SectionName = "Messaging:Outbox";

    /// <summary>Rows claimed and published concurrently per round (platform-notes: throughput comes from publishes in flight).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the relay looks for rows without a notification (rows left by a crash, lost notifications).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A publish not confirmed by the broker within this time counts as failed (MassTransit waits for a reconnection while the broker is down).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First delay after a round in which nothing could be published; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>A row whose event cannot be read back (unknown type, invalid payload) is skipped for this long before it is tried again.</summary>
    public TimeSpan PoisonRetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Publish with RabbitMQ's mandatory flag: an event that no queue is bound for (its consumer has never started)
    /// is returned by the broker and stays unsent instead of being dropped, and is tried again after
    /// <see cref="UnroutableRetryInterval"/>. Turn off only for events nobody needs to receive.
    /// </summary>
    public bool RequireRoute { get; set; } = true;

    public TimeSpan UnroutableRetryInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sent rows older than this are deleted (hourly, in chunks). <see cref="TimeSpan.Zero"/> keeps them forever.</summary>
    public TimeSpan RetainSentFor { get; set; } = TimeSpan.FromDays(7);
}
