namespace Cchc.Contracts.Events.Procedures;

/// <summary>
/// The state of one or more citizen feedback items (phản ánh, kiến nghị — PAKN) changed.
/// Consumers upsert by <see cref="FeedbackState.FeedbackId"/> and keep the highest <see cref="FeedbackState.Version"/>.
/// </summary>
public sealed record FeedbackRecorded
{
    public required IReadOnlyList<FeedbackState> Items { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record FeedbackState
{
    public required string FeedbackId { get; init; }
    public required int Version { get; init; }
    /// <summary>The procedure the feedback is about, where it names one.</summary>
    public string? ProcedureCode { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    /// <summary>When the answer was published on the provincial portal (Cổng TTĐT).</summary>
    public DateTimeOffset? PublishedAt { get; init; }
}
