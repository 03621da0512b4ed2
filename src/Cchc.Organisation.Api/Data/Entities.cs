using Cchc.Contracts.Events.Organisation;
using Cchc.Organisation.Api.Domain;

namespace Cchc.Organisation.Api.Data;

/// <summary>The registry's single row (table registry): the last revision given to a write. Every write locks it first.</summary>
public sealed class RegistryEntity
{
    public int Id { get; set; }
    public long Revision { get; set; }
}

/// <summary>A unit (table units) with its periods.</summary>
public sealed class UnitEntity
{
    public required string UnitCode { get; set; }
    public string? OfficialCode { get; set; }
    public long Revision { get; set; }
    public ChangeKind EndedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public List<UnitPeriodEntity> Periods { get; set; } = [];

    public UnitState ToState() => new(UnitCode, OfficialCode, Revision, EndedBy, Periods.OrderBy(p => p.Sequence).Select(p =>
        new PeriodState(p.FromDay, p.ToDay, p.Name, p.Kind, p.ParentCode, p.Sector, p.SuccessorCodes, p.BeganBy)));

    public static UnitEntity From(UnitState state, DateTimeOffset now) => new()
    {
        UnitCode = state.Code,
        OfficialCode = state.OfficialCode,
        Revision = state.Revision,
        EndedBy = state.EndedBy,
        RecordedAt = now,
        Periods = state.History.Select((p, i) => new UnitPeriodEntity
        {
            UnitCode = state.Code, Sequence = i, FromDay = p.From, ToDay = p.To, Name = p.Name, Kind = p.Kind, ParentCode = p.ParentCode,
            Sector = p.Sector, SuccessorCodes = p.Successors.ToArray(), BeganBy = p.BeganBy,
        }).ToList(),
    };
}

/// <summary>One state of a unit (table unit_periods): queried by day for lists, trees and counts.</summary>
public sealed class UnitPeriodEntity
{
    public required string UnitCode { get; set; }
    public int Sequence { get; set; }
    public DateOnly FromDay { get; set; }
    public DateOnly? ToDay { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public string? ParentCode { get; set; }
    public PublicServiceSector Sector { get; set; }
    public string[] SuccessorCodes { get; set; } = [];
    public ChangeKind BeganBy { get; set; }
}

/// <summary>A recorded change (table unit_changes): the dated event log, and what makes a repeated change a no-op.</summary>
public sealed class UnitChangeEntity
{
    public required string ChangeId { get; set; }
    public long Revision { get; set; }
    public ChangeKind Kind { get; set; }
    public DateOnly EffectiveOn { get; set; }
    /// <summary>The change as JSON (jsonb): a repeat must carry the same content.</summary>
    public required string Content { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An aggregate staffing figure (table staffing_figures), keyed by (unit, metric, from, to).</summary>
public sealed class StaffingFigureEntity
{
    public required string UnitCode { get; set; }
    public StaffingMetric Metric { get; set; }
    public DateOnly FromDay { get; set; }
    public DateOnly ToDay { get; set; }
    public long Value { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>An individual staffing record (table staff_records): one person recruited, appointed or streamlined.</summary>
public sealed class StaffRecordEntity
{
    public required string RecordId { get; set; }
    public required string UnitCode { get; set; }
    public StaffRecordKind Kind { get; set; }
    public DateOnly On { get; set; }
    public AppointmentKind AppointmentKind { get; set; }
    public bool ThroughCompetition { get; set; }
    public string? PersonRef { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
