namespace Cchc.Messaging;

/// <summary>A message a consumer has handled; written in the same transaction as its effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
