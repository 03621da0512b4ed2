namespace Cchc.Reporting.Api.CivilService;

/// <summary>A staffing fact (table staffing_facts) keyed by its stable key, keeping the highest revision.</summary>
public sealed class StaffingFactRow
{
    public required string Key { get; set; }
    public long Revision { get; set; }
    public required string UnitCode { get; set; }
    public int Metric { get; set; }
    public DateOnly FromDay { get; set; }
    public DateOnly ToDay { get; set; }
    public long Value { get; set; }
    public bool Individual { get; set; }
}
