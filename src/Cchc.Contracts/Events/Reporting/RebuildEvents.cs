namespace Cchc.Contracts.Events.Reporting;

/// <summary>
/// An operator asked the reporting service to rebuild its read model (docs/adr/0040-rebuilding-the-read-model.md): the
/// reporting service emptied its fact tables and publishes this through its outbox. Every domain service's template that
/// has a republisher re-publishes its current state as the events it already publishes (their current versions), then
/// <see cref="FactsRepublished"/>. A message, not a call: a service that is down does it when it comes back.
/// </summary>
public sealed record RebuildRequested
{
    public required Guid RebuildId { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
}

/// <summary>
/// A domain service re-published its current state for rebuild <see cref="RebuildId"/>: the outbox message ids of every page
/// it wrote (<see cref="MessageIds"/>). The rebuild is complete for the service when the reporting service's inbox holds
/// every one of them (each event is applied once per message id, so duplicates cannot complete it early).
/// </summary>
public sealed record FactsRepublished
{
    public required Guid RebuildId { get; init; }

    /// <summary>The service's short name ("procedures", "egov", …), as its queues are named.</summary>
    public required string Service { get; init; }

    public required IReadOnlyList<Guid> MessageIds { get; init; }

    /// <summary>How many records the pages carried (dossiers, documents, …), for the operator's progress.</summary>
    public required long Records { get; init; }

    public required DateTimeOffset RepublishedAt { get; init; }
}
