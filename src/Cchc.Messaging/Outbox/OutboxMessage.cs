namespace Cchc.Messaging;

/// <summary>An integration event waiting in (or sent from) a service's outbox table.</summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order (identity); the relay sends in this order.</summary>
    public long Sequence { get; set; }
    /// <summary>Becomes the MassTransit MessageId: the consumer inbox deduplicates on it.</summary>
    public Guid MessageId { get; set; }
    /// <summary>CLR full name of the event type (its wire identity).</summary>
    public required string MessageType { get; set; }
    /// <summary>The event as JSON (jsonb), written with <see cref="MessagingJson.Options"/>.</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the broker confirmed the publish; null while waiting.</summary>
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Publish attempts so far (the successful one included).</summary>
    public int Attempts { get; set; }
    /// <summary>Why the latest failed attempt failed.</summary>
    public string? LastError { get; set; }
}
