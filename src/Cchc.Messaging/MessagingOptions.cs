namespace Cchc.Messaging;

/// <summary>Consumer-side settings of <see cref="MessagingRegistration.AddCchcMessaging"/>, read from configuration section "Messaging".</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Retries of a failing message on every receive endpoint before it goes to the queue's _error queue.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>First retry delay; the delay grows exponentially up to <see cref="RetryMaxInterval"/>.</summary>
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages a receive endpoint fetches ahead; MassTransit handles up to this many concurrently.</summary>
    public int PrefetchCount { get; set; } = 128;
}
