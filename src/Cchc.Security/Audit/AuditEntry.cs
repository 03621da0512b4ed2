namespace Cchc.Security.Audit;

/// <summary>Outcomes an audit entry records.</summary>
public static class AuditOutcome
{
    public const string Accepted = "accepted";

    /// <summary>An idempotent repeat: answered with the first result, nothing changed.</summary>
    public const string Replayed = "replayed";

    public const string Refused = "refused";
}

/// <summary>
/// Table audit_entries: one accepted or refused write (or refused call), append-only and hash-chained. Never holds
/// payloads: ids, names of units and clients, the operation and its outcome only.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3… without gaps, in chain order (a missing number is a deleted entry).</summary>
    public long Sequence { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string ClientId { get; set; }

    public string? Unit { get; set; }

    public required string Operation { get; set; }

    public string? TargetId { get; set; }

    public string? RequestId { get; set; }

    public required string Outcome { get; set; }

    public required string StatusCode { get; set; }

    public required string PrevHash { get; set; }

    public required string Hash { get; set; }
}
