namespace Cchc.Contracts.Events.Programme;

// Numeric values are part of the wire contract (events are JSON with numeric enums) and equal programme.proto's: never renumber.

/// <summary>The kind of a programme record (programme.proto RecordKind).</summary>
public enum ProgrammeRecordKind
{
    Unspecified = 0,
    Inspection = 1,
    Propaganda = 2,
    TrainingClass = 3,
    Initiative = 4,
    CriteriaSet = 5,
    SatisfactionSurvey = 6,
    IndexResult = 7,
}

/// <summary>Whom an evaluation criteria set evaluates (programme.proto CriteriaTarget).</summary>
public enum CriteriaTarget
{
    Unspecified = 0,
    Departments = 1,
    DistrictCommittees = 2,
    CommuneCommittees = 3,
    VerticalAgencies = 4,
}

/// <summary>A national index (programme.proto NationalIndex).</summary>
public enum NationalIndex
{
    Unspecified = 0,
    ParIndex = 1,
    Sipas = 2,
    Papi = 3,
    Pci = 4,
}

/// <summary>What a submitted value is (programme.proto ValueKind): never confuse blank, "-" and 0.</summary>
public enum SubmittedValueKind
{
    Unspecified = 0,
    Number = 1,
    Text = 2,
    NotApplicable = 3,
    NotReported = 4,
}

/// <summary>
/// Programme records were recorded or replaced. Consumers upsert by (reporting unit, key) and keep the highest
/// <see cref="ProgrammeRecordFact.Revision"/>.
/// </summary>
public sealed record ProgrammeRecordsRecorded
{
    public required IReadOnlyList<ProgrammeRecordFact> Records { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// A programme record flattened for counting: its days (<see cref="From"/>..<see cref="To"/>: the day of a dated record,
/// the period of a propaganda report or survey, the days a criteria set or initiative is in force — <see cref="To"/> null
/// while it still is), the subject (unit inspected, initiative or class name), and the figures its kind carries (null =
/// not reported).
/// </summary>
public sealed record ProgrammeRecordFact
{
    public required string ReportingUnit { get; init; }
    public required string Key { get; init; }
    public required ProgrammeRecordKind Kind { get; init; }
    public required DateOnly From { get; init; }
    public DateOnly? To { get; init; }
    public string? Subject { get; init; }
    public CriteriaTarget Target { get; init; }
    public NationalIndex Index { get; init; }
    public long? Bulletins { get; init; }
    public long? NewspaperArticles { get; init; }
    public bool? PortalSection { get; init; }
    public long? Contests { get; init; }
    public long? Participants { get; init; }
    public long? ServicesSurveyed { get; init; }
    public long? SampleSize { get; init; }
    /// <summary>Overall satisfaction (percent) of a survey, or an index result's score.</summary>
    public decimal? Score { get; init; }
    public int? Rank { get; init; }
    public int? Year { get; init; }
    public required int Revision { get; init; }
    /// <summary>When the record was first recorded (timeliness of what a unit owes).</summary>
    public required DateTimeOffset FirstRecordedAt { get; init; }
}

/// <summary>Submitted values were recorded or replaced; consumers upsert by (indicator, unit, period) keeping the highest revision.</summary>
public sealed record ValuesSubmitted
{
    public required IReadOnlyList<SubmittedValueFact> Values { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

public sealed record SubmittedValueFact
{
    public required string Indicator { get; init; }
    public required string Unit { get; init; }
    public required DateOnly PeriodFrom { get; init; }
    public required DateOnly PeriodTo { get; init; }
    public required SubmittedValueKind Kind { get; init; }
    /// <summary>The number (invariant decimal) or the text; null for "-" and not reported.</summary>
    public string? Value { get; init; }
    public required int Revision { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset FirstRecordedAt { get; init; }
}

/// <summary>Obligations were declared or their deadline changed; consumers upsert by (unit, subject, period).</summary>
public sealed record ObligationsDeclared
{
    public required IReadOnlyList<ObligationFact> Obligations { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>
/// A unit owes, for a period, either the submitted value of <see cref="Indicator"/> or programme records of
/// <see cref="RecordKind"/> (exactly one is set), by <see cref="DueOn"/>.
/// </summary>
public sealed record ObligationFact
{
    public required string Unit { get; init; }
    public string? Indicator { get; init; }
    public ProgrammeRecordKind RecordKind { get; init; }
    public required DateOnly PeriodFrom { get; init; }
    public required DateOnly PeriodTo { get; init; }
    public required DateOnly DueOn { get; init; }
    public required int Revision { get; init; }
}
