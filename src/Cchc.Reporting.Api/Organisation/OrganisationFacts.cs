namespace Cchc.Reporting.Api.Organisation;

/// <summary>A unit's latest known revision (table unit_revisions): a history with a lower or equal revision is ignored.</summary>
public sealed class UnitRevisionFact
{
    public required string UnitCode { get; set; }
    public long Revision { get; set; }
}

/// <summary>One state of a unit (table unit_period_facts), from the organisation registry's UnitsChanged; enums as contract numbers.</summary>
public sealed class UnitPeriodFact
{
    public required string UnitCode { get; set; }
    public int Sequence { get; set; }
    public DateOnly FromDay { get; set; }
    public DateOnly? ToDay { get; set; }
    public required string Name { get; set; }
    public int Kind { get; set; }
    public string? ParentCode { get; set; }
    public int Sector { get; set; }
    public string[] SuccessorCodes { get; set; } = [];
}

