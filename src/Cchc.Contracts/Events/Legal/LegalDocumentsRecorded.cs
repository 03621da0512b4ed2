using Cchc.Contracts.Events.Procedures;

namespace Cchc.Contracts.Events.Legal;

/// <summary>
/// One or more legal documents were registered or changed (a lifecycle event was recorded). Consumers upsert by
/// <see cref="LegalDocumentState.DocumentId"/> and keep the highest <see cref="LegalDocumentState.Version"/>.
/// </summary>
public sealed record LegalDocumentsRecorded
{
    public required IReadOnlyList<LegalDocumentState> Documents { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record LegalDocumentState
{
    public required string DocumentId { get; init; }
    public required int Version { get; init; }
    public required DocumentKind Kind { get; init; }
    public required IssuingBody IssuingBody { get; init; }
    public required GovernmentLevel Level { get; init; }
    public required string IssuerUnit { get; init; }
    public required string Number { get; init; }
    public required DateOnly SignedOn { get; init; }
    public required DateOnly EffectiveOn { get; init; }
    /// <summary>The day it stopped being in force (wholly expired, replaced or repealed), if it has.</summary>
    public DateOnly? ExpiredOn { get; init; }
}
