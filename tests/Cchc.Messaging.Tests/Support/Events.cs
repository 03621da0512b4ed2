namespace Cchc.Messaging.Tests.Events;

/// <summary>Test integration event: a fact was recorded (carries a DateOnly and a version, like the real contracts).</summary>
public sealed record FactRecorded
{
    public required string FactId { get; init; }
    public required DateOnly Day { get; init; }
    public required int Version { get; init; }
}

/// <summary>An event no test queue is bound for until <see cref="Support.LateEventConsumer"/> starts.</summary>
public sealed record LateEvent
{
    public required string Id { get; init; }
}

/// <summary>Bulk events for the throughput measurement (nobody consumes them).</summary>
public sealed record ThroughputProbe
{
    public required int Number { get; init; }
}
