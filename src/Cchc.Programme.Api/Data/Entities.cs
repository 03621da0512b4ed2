using Cchc.Contracts.Events.Programme;

namespace Cchc.Programme.Api.Data;

/// <summary>
/// A programme record's current content (table programme_records), unique by (reporting unit, key). <see cref="Content"/>
/// is the record as the wire shows it (protobuf JSON, normalised), <see cref="DayFrom"/>/<see cref="DayTo"/> its days.
/// </summary>
public sealed class ProgrammeRecordEntity
{
    public long Id { get; set; }
    public required string ReportingUnit { get; set; }
    public required string Key { get; set; }
    public ProgrammeRecordKind Kind { get; set; }
    public DateOnly DayFrom { get; set; }
    public DateOnly? DayTo { get; set; }
    public required string Content { get; set; }
    /// <summary>Concurrency token: 1 when first recorded, +1 for each replacement.</summary>
    public int Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset FirstRecordedAt { get; set; }
    public List<ProgrammeRecordRevisionEntity> History { get; set; } = [];
}

/// <summary>Every content a programme record has had, the current one included (table programme_record_revisions).</summary>
public sealed class ProgrammeRecordRevisionEntity
{
    public long RecordId { get; set; }
    public int Revision { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>A submitted value's current content (table submitted_values), unique by (indicator, unit, period).</summary>
public sealed class SubmittedValueEntity
{
    public long Id { get; set; }
    public required string Indicator { get; set; }
    public required string Unit { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public SubmittedValueKind Kind { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset FirstRecordedAt { get; set; }
    public List<SubmittedValueRevisionEntity> History { get; set; } = [];
}

/// <summary>Every content a submitted value has had (table submitted_value_revisions).</summary>
public sealed class SubmittedValueRevisionEntity
{
    public long ValueId { get; set; }
    public int Revision { get; set; }
    public SubmittedValueKind Kind { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>
/// What a unit owes (table obligations), unique by (unit, subject, period): <see cref="Subject"/> is the indicator code or
/// "records:{kind}" for programme records of a kind.
/// </summary>
public sealed class ObligationEntity
{
    public long Id { get; set; }
    public required string Unit { get; set; }
    public required string Subject { get; set; }
    public string? Indicator { get; set; }
    public ProgrammeRecordKind RecordKind { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public DateOnly DueOn { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
}
