namespace Cchc.Contracts.Events.Reporting;

/// <summary>
/// The Department approved the province's report for the period [<see cref="From"/>, <see cref="To"/>] (Vietnam days, both
/// included): version <see cref="Version"/> of its approval, a snapshot of every cell with <see cref="ContentHash"/>
/// (SHA-256 of the snapshot's canonical JSON). Published by the reporting service; every domain service's template keeps
/// the approvals (highest version per period wins) and refuses ordinary writes of facts dated inside an approved period
/// (docs/adr/0029-period-lock-in-the-template.md).
/// </summary>
public sealed record PeriodApproved
{
    /// <summary>The period as asked when approving ("2017" or "2020-01-01..2020-03-31").</summary>
    public required string Period { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset ApprovedAt { get; init; }

    /// <summary>The client that approved (its client id).</summary>
    public required string ApprovedBy { get; init; }

    public required string ContentHash { get; init; }
}

/// <summary>
/// The approval of a period was withdrawn (version <see cref="Version"/>, the one in force): the period is open again for
/// ordinary writes. Consumers keep the highest version per period, so a late withdrawal of an older version changes nothing.
/// </summary>
public sealed record PeriodApprovalWithdrawn
{
    public required string Period { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset WithdrawnAt { get; init; }

    public required string WithdrawnBy { get; init; }
}

/// <summary>
/// A domain service accepted a correction: a write of facts dated inside an approved period, by a caller with the
/// correction right (facts.correct) and a reason. Published by the template (src/Cchc.ServiceKit.Hosting, PeriodLocks) in the
/// write's transaction, beside the service's own event of the facts; the report shows the period's corrections with the
/// approval (docs/adr/0029-period-lock-in-the-template.md).
/// </summary>
public sealed record FactCorrected
{
    /// <summary>Unique per accepted correction (the key reporting stores it by).</summary>
    public required Guid CorrectionId { get; init; }

    /// <summary>The service (e.g. "egov") and the RPC ("/cchc.egov.v1.MetricService/SubmitMetric").</summary>
    public required string Service { get; init; }

    public required string Operation { get; init; }

    /// <summary>The fact's day that fell inside the approved period (the first one, for a write of several).</summary>
    public required DateOnly FactDay { get; init; }

    /// <summary>The approved period and the version in force when the correction was accepted.</summary>
    public required string Period { get; init; }

    public required int ApprovalVersion { get; init; }

    public required string Reason { get; init; }

    public required string CorrectedBy { get; init; }

    public required DateTimeOffset CorrectedAt { get; init; }
}
