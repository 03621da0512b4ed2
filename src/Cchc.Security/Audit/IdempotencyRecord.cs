namespace Cchc.Security.Audit;

/// <summary>
/// Table idempotency_records: an accepted write under a client's request id (header idempotency-key), with the hash of
/// its request and the bytes of its response, so a repeat gets the first answer and a different request is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    public required string ClientId { get; set; }

    public required string RequestId { get; set; }

    public required string Operation { get; set; }

    public required byte[] RequestHash { get; set; }

    public required byte[] Response { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
