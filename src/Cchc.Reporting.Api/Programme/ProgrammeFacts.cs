namespace Cchc.Reporting.Api.Programme;

/// <summary>
/// A programme record's latest known content (table programme_record_facts), keyed by (reporting unit, key); enums as
/// their contract numbers; figures null when not reported. See Cchc.Contracts.Events.Programme.ProgrammeRecordFact.
/// </summary>
public sealed class ProgrammeRecordFactRow
{
    public required string ReportingUnit { get; set; }
    public required string Key { get; set; }
    public int Kind { get; set; }
    public DateOnly DayFrom { get; set; }
    public DateOnly? DayTo { get; set; }
    public string? Subject { get; set; }
    public int Target { get; set; }
    public int NationalIndex { get; set; }
    public long? Bulletins { get; set; }
    public long? NewspaperArticles { get; set; }
    public bool? PortalSection { get; set; }
    public long? Contests { get; set; }
    public long? Participants { get; set; }
    public long? ServicesSurveyed { get; set; }
    public long? SampleSize { get; set; }
    public decimal? Score { get; set; }
    public int? Rank { get; set; }
    public int? Year { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset FirstRecordedAt { get; set; }
}

/// <summary>A submitted value's latest content (table submitted_value_facts), keyed by (indicator, unit, period), with its provenance.</summary>
public sealed class SubmittedValueFactRow
{
    public required string Indicator { get; set; }
    public required string Unit { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public int Kind { get; set; }
    public string? Value { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public DateTimeOffset FirstRecordedAt { get; set; }
}

/// <summary>What a unit owes (table obligation_facts), keyed by (unit, subject, period); subject = indicator or "records:{kind number}".</summary>
public sealed class ObligationFactRow
{
    public required string Unit { get; set; }
    public required string Subject { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public string? Indicator { get; set; }
    public int RecordKind { get; set; }
    public DateOnly DueOn { get; set; }
    public int Revision { get; set; }
}
