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

    /// <summary>Messages a receive endpoint fetches ahead of its consumers.</summary>
    public int PrefetchCount { get; set; } = 128;

    /// <summary>
    /// Messages a receive endpoint handles at once. Each holds a database transaction (the inbox), so keep the sum over
    /// a service's endpoints well under its connection pool (Npgsql default: 100).
    /// </summary>
    public int ConcurrentMessageLimit { get; set; } = 32;
}
