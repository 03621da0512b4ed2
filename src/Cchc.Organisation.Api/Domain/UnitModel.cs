using Cchc.Contracts.Events.Organisation;

namespace Cchc.Organisation.Api.Domain;

/// <summary>What started a period of a unit or ended the unit (numbers equal the proto's ChangeKind).</summary>
public enum ChangeKind
{
    Unspecified = 0,
    Founded = 1,
    Renamed = 2,
    Moved = 3,
    Merged = 4,
    Split = 5,
    Dissolved = 6,
    LevelAbolished = 7,
}

/// <summary>A unit's state from <see cref="From"/> to <see cref="To"/> (both inclusive; null To = still so).</summary>
public sealed record PeriodState(DateOnly From, DateOnly? To, string Name, UnitKind Kind, string? ParentCode, PublicServiceSector Sector,
    IReadOnlyList<string> Successors, ChangeKind BeganBy)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || To >= day);

    public bool OverlapsFrom(DateOnly day) => To is null || To >= day;
}

/// <summary>A unit's whole dated history. Mutable only inside <see cref="Registry"/>.</summary>
public sealed class UnitState(string code, string? officialCode, long revision, ChangeKind endedBy, IEnumerable<PeriodState> periods)
{
    public string Code { get; } = code;

    public string? OfficialCode { get; } = officialCode;

    public long Revision { get; internal set; } = revision;

    public ChangeKind EndedBy { get; internal set; } = endedBy;

    internal List<PeriodState> Periods { get; } = periods.ToList();

    public IReadOnlyList<PeriodState> History => Periods;

    public PeriodState Last => Periods[^1];

    public DateOnly FoundedOn => Periods[0].From;

    public bool Ended => Last.To is not null;

    public PeriodState? On(DateOnly day) => Periods.FirstOrDefault(p => p.Covers(day));

    public UnitHistory ToEvent() => new()
    {
        UnitCode = Code,
        Revision = Revision,
        Periods = Periods.Select(p => new UnitPeriod
        {
            From = p.From, To = p.To, Name = p.Name, Kind = p.Kind, ParentCode = p.ParentCode, Sector = p.Sector, SuccessorCodes = p.Successors,
        }).ToList(),
    };
}

/// <summary>A new unit's first state.</summary>
public sealed record NewUnit(string Code, string Name, UnitKind Kind, string? ParentCode, PublicServiceSector Sector, string? OfficialCode);

/// <summary>A dated change of the registry, identified by the caller's <see cref="ChangeId"/> (repeating it changes nothing).</summary>
public abstract record UnitCommand(string ChangeId, DateOnly On)
{
    public abstract ChangeKind Kind { get; }
}

public sealed record FoundCommand(string ChangeId, DateOnly On, NewUnit Unit) : UnitCommand(ChangeId, On)
{
    public override ChangeKind Kind => ChangeKind.Founded;
}

public sealed record RenameCommand(string ChangeId, DateOnly On, string Code, string NewName) : UnitCommand(ChangeId, On)
{
    public override ChangeKind Kind => ChangeKind.Renamed;
}

public sealed record MoveCommand(string ChangeId, DateOnly On, string Code, string NewParent) : UnitCommand(ChangeId, On)
{
    public override ChangeKind Kind => ChangeKind.Moved;
}

public sealed record DissolveCommand(string ChangeId, DateOnly On, string Code) : UnitCommand(ChangeId, On)
{
    public override ChangeKind Kind => ChangeKind.Dissolved;
}

/// <summary>Sources into an existing target (<see cref="ExistingTarget"/>) or one the merger founds (<see cref="NewTarget"/>).</summary>
public sealed record MergeCommand(string ChangeId, DateOnly On, IReadOnlyList<string> Sources, string? ExistingTarget, NewUnit? NewTarget)
    : UnitCommand(ChangeId, On)
{
    public override ChangeKind Kind => ChangeKind.Merged;

    public string TargetCode => ExistingTarget ?? NewTarget!.Code;
}

public sealed record SplitCommand(string ChangeId, DateOnly On, string Source, IReadOnlyList<NewUnit> NewUnits) : UnitCommand(ChangeId, On)
{
    public override ChangeKind Kind => ChangeKind.Split;
}

public sealed record AbolishLevelCommand(string ChangeId, DateOnly On, UnitKind Level, string NewParent) : UnitCommand(ChangeId, On)
{
    public override ChangeKind Kind => ChangeKind.LevelAbolished;
}

/// <summary>Kinds and the structure rules between them.</summary>
public static class UnitKinds
{
    public static bool IsAdministrative(UnitKind kind) => kind is UnitKind.Province or UnitKind.DistrictLevel or UnitKind.CommuneLevel;

    public static bool IsBody(UnitKind kind) => kind is UnitKind.PeoplesCouncil or UnitKind.PeoplesCommittee;

    public static bool IsDefined(UnitKind kind) => kind != UnitKind.Unspecified && Enum.IsDefined(kind);

    /// <summary>The People's Council / Committee of an administrative unit founded by a merger or split: code and name by convention.</summary>
    public static string BodyCode(string adminCode, UnitKind body) => adminCode + (body == UnitKind.PeoplesCouncil ? "-HDND" : "-UBND");

    public static string BodyName(string adminName, UnitKind body) => (body == UnitKind.PeoplesCouncil ? "HĐND " : "UBND ") + adminName;

    /// <summary>Whether a unit of <paramref name="kind"/> may sit under <paramref name="parent"/> (whose own parent has kind <paramref name="grandparent"/>).</summary>
    public static bool MayBeUnder(UnitKind kind, UnitKind parent, UnitKind? grandparent) => kind switch
    {
        UnitKind.Province => false,
        UnitKind.DistrictLevel => parent == UnitKind.Province,
        UnitKind.CommuneLevel => parent is UnitKind.DistrictLevel or UnitKind.Province,
        UnitKind.PeoplesCouncil or UnitKind.PeoplesCommittee or UnitKind.PartyOrMassOrganisation => IsAdministrative(parent),
        UnitKind.SpecialisedAgency or UnitKind.OtherProvincialAgency => parent == UnitKind.PeoplesCommittee && grandparent == UnitKind.Province,
        UnitKind.SubDepartment or UnitKind.AgencyDivision => parent is UnitKind.SpecialisedAgency or UnitKind.OtherProvincialAgency,
        UnitKind.DistrictDivision or UnitKind.DistrictOfficeOrInspectorate =>
            parent == UnitKind.PeoplesCommittee && grandparent is UnitKind.DistrictLevel or UnitKind.CommuneLevel,
        UnitKind.PublicServiceUnit or UnitKind.PublicScienceTechnologyOrganisation =>
            (int)parent >= 10 && parent != UnitKind.PeoplesCouncil,
        _ => false,
    };
}
