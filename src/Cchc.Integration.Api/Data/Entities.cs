namespace Cchc.Integration.Api.Data;

/// <summary>
/// What the adapter has applied of a one-stop-shop dossier to the procedures service: the idempotency key of the inbound
/// synchronisation (dossier code and status). A status already applied, or one before it, changes nothing.
/// </summary>
public sealed class SyncedDossierEntity
{
    public string DossierCode { get; set; } = string.Empty;
    public string ProcedureCode { get; set; } = string.Empty;
    /// <summary>The procedures service's status (its wire numbers: 1 received, 2 resolved, 3 returned, 4 withdrawn).</summary>
    public int Status { get; set; }
    /// <summary>The one-stop-shop system's last status code as sent (TrangThaiHoSo / TrangThai).</summary>
    public string SourceStatus { get; set; } = string.Empty;
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset FirstSyncedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One exchange with the data-sharing platforms, X-Road style: both sides' identifiers, time, payload digest (and the
/// payload when kept), status; hash-chained (<see cref="Exchange.MessageChain"/>).
/// </summary>
public sealed class MessageLogEntryEntity
{
    public long Sequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string Direction { get; set; } = string.Empty;
    public string Client { get; set; } = string.Empty;
    public string Service { get; set; } = string.Empty;
    public string Operation { get; set; } = string.Empty;
    public string MessageId { get; set; } = string.Empty;
    public string PayloadDigest { get; set; } = string.Empty;
    public string? Payload { get; set; }
    public string Status { get; set; } = string.Empty;
    public string PrevHash { get; set; } = string.Empty;
    public string Hash { get; set; } = string.Empty;
}

/// <summary>An outbound message that could not be delivered after its retries; replayable.</summary>
public sealed class DeadLetterEntity
{
    public Guid Id { get; set; }
    public string Operation { get; set; } = string.Empty;
    public string Target { get; set; } = string.Empty;
    /// <summary>The message as it would be sent again (JSON).</summary>
    public string Payload { get; set; } = string.Empty;
    public DateTimeOffset FirstFailedAt { get; set; }
    public DateTimeOffset LastAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string LastError { get; set; } = string.Empty;
    public DateTimeOffset? DeliveredAt { get; set; }
}

/// <summary>
/// A report of the province's reform indicators for a period sent to the Government reporting system (Decree 09/2019),
/// retried until acknowledged; its receipt is kept.
/// </summary>
public sealed class ReportSubmissionEntity
{
    public string Period { get; set; } = string.Empty;
    /// <summary><c>pending</c>, <c>acknowledged</c> or <c>dead-letter</c> (given up; replayable from the dead letters).</summary>
    public string Status { get; set; } = string.Empty;
    public string Payload { get; set; } = string.Empty;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string LastError { get; set; } = string.Empty;
    public string? Receipt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}

/// <summary>One catalogue synchronisation: from when, and its report (JSON of the CatalogueSyncReport).</summary>
public sealed class CatalogueSyncEntity
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string ChangedSince { get; set; } = string.Empty;
    public string Report { get; set; } = string.Empty;
}
