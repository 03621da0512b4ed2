namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// Where a submitted cell's value comes from (docs/adr/0027-submitted-values-and-obligations.md): the unit, and who
/// recorded it when (<see cref="Status"/> <see cref="Submitted"/>), or the unit that owes it and has not reported
/// (<see cref="Missing"/>: the cell shows "chưa báo cáo" with the unit, never a silent blank).
/// </summary>
public sealed record CellSource(string Unit, string Status, string? RecordedBy = null, DateTimeOffset? RecordedAt = null)
{
    public const string Submitted = "đã báo cáo";
    public const string Missing = "chưa báo cáo";
}
