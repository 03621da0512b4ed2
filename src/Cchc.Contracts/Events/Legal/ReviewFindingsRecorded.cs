namespace Cchc.Contracts.Events.Legal;

/// <summary>
/// Review (rà soát) findings were recorded or their handling changed. Consumers upsert by (RoundId, DocumentId)
/// and keep the highest <see cref="ReviewFindingState.Version"/>.
/// </summary>
public sealed record ReviewFindingsRecorded
{
    public required IReadOnlyList<ReviewFindingState> Findings { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record ReviewFindingState
{
    public required string RoundId { get; init; }
    public required string DocumentId { get; init; }
    public required int Version { get; init; }
    public required ReviewConclusion Conclusion { get; init; }
    public required DateOnly FoundOn { get; init; }
    public FindingHandling Handling { get; init; }
    public DateOnly? HandledOn { get; init; }
}
