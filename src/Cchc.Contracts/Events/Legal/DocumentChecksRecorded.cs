namespace Cchc.Contracts.Events.Legal;

/// <summary>
/// Checks (kiểm tra) of documents by the competent authority were recorded or their handling changed. Consumers
/// upsert by <see cref="DocumentCheckState.CheckId"/> and keep the highest <see cref="DocumentCheckState.Version"/>.
/// </summary>
public sealed record DocumentChecksRecorded
{
    public required IReadOnlyList<DocumentCheckState> Checks { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record DocumentCheckState
{
    public required string CheckId { get; init; }
    public required string DocumentId { get; init; }
    public required int Version { get; init; }
    public required DateOnly CheckedOn { get; init; }
    public required CheckResult Result { get; init; }
    public CheckHandling Handling { get; init; }
    public DateOnly? HandledOn { get; init; }
}
