namespace Cchc.Contracts.Events.Organisation;

/// <summary>
/// The dated history of one or more units changed in the organisation registry (a unit was founded, renamed,
/// re-parented, merged, split or dissolved, or its level abolished). Each <see cref="UnitHistory"/> carries the
/// unit's WHOLE history, so a consumer replaces what it holds for the unit when <see cref="UnitHistory.Revision"/>
/// is higher than the revision it stored and ignores it otherwise: redelivery and reordering are harmless.
/// Published by the organisation service (cchc.organisation.v1) through its outbox; consumed by the reporting
/// service (Appendix 4) and by every domain service's local copy of the unit reference data.
/// </summary>
public sealed record UnitsChanged
{
    public required IReadOnlyList<UnitHistory> Units { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A unit's whole dated history.</summary>
public sealed record UnitHistory
{
    /// <summary>The unit's stable identifier in the registry (the official code for administrative units).</summary>
    public required string UnitCode { get; init; }

    /// <summary>Registry-wide increasing number of the change that produced this history.</summary>
    public required long Revision { get; init; }

    /// <summary>
    /// The unit's states in date order, without gaps or overlaps; empty when the unit was withdrawn from the register
    /// (recorded by mistake) — it then never existed.
    /// </summary>
    public required IReadOnlyList<UnitPeriod> Periods { get; init; }
}

/// <summary>The unit's state from <see cref="From"/> to <see cref="To"/> (both inclusive).</summary>
public sealed record UnitPeriod
{
    public required DateOnly From { get; init; }

    /// <summary>The last day of this state; null while it lasts.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The unit's name in this period as facts name it, e.g. "UBND huyện Tam Đường", "xã Bản Giang".</summary>
    public required string Name { get; init; }

    public required UnitKind Kind { get; init; }

    /// <summary>The unit it belongs to in this period (null for the province).</summary>
    public string? ParentCode { get; init; }

    /// <summary>For public service units: their sector.</summary>
    public PublicServiceSector Sector { get; init; }

    /// <summary>
    /// On the last period of a unit that ended by merger or split: the unit(s) that took it over (facts recorded
    /// for this unit roll up to them). Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> SuccessorCodes { get; init; } = [];
}

// Numeric values are part of the wire contract (events are JSON with numeric enums) and equal the
// cchc.organisation.v1 proto numbers: never renumber.

public enum UnitKind
{
    Unspecified = 0,

    // Administrative units (đơn vị hành chính).
    /// <summary>Tỉnh.</summary>
    Province = 1,
    /// <summary>Huyện, thị xã, thành phố thuộc tỉnh (abolished from 2025-07-01).</summary>
    DistrictLevel = 2,
    /// <summary>Xã, phường, thị trấn (đặc khu).</summary>
    CommuneLevel = 3,

    // Organisations (tổ chức).
    /// <summary>Hội đồng nhân dân of an administrative unit (parent: the administrative unit).</summary>
    PeoplesCouncil = 10,
    /// <summary>Ủy ban nhân dân of an administrative unit (parent: the administrative unit).</summary>
    PeoplesCommittee = 11,
    /// <summary>Cơ quan chuyên môn thuộc UBND cấp tỉnh (sở, ban, ngành; parent: the provincial committee).</summary>
    SpecialisedAgency = 12,
    /// <summary>Chi cục thuộc sở.</summary>
    SubDepartment = 13,
    /// <summary>Phòng, văn phòng, thanh tra thuộc sở.</summary>
    AgencyDivision = 14,
    /// <summary>Phòng chuyên môn thuộc UBND cấp huyện.</summary>
    DistrictDivision = 15,
    /// <summary>Văn phòng, thanh tra thuộc UBND cấp huyện.</summary>
    DistrictOfficeOrInspectorate = 16,
    /// <summary>Đơn vị sự nghiệp công lập (with a <see cref="PublicServiceSector"/>).</summary>
    PublicServiceUnit = 17,
    /// <summary>Tổ chức khoa học và công nghệ công lập.</summary>
    PublicScienceTechnologyOrganisation = 18,
    /// <summary>
    /// Another administrative body under the provincial committee that is not a specialised agency (ban quản lý khu kinh
    /// tế…; parent: the provincial committee). Added after the first version of this contract: a consumer that does not
    /// know it counts it nowhere.
    /// </summary>
    OtherProvincialAgency = 19,
    /// <summary>
    /// A body of the Communist Party, the Fatherland Front or a socio-political organisation at an administrative level
    /// (văn phòng tỉnh ủy/huyện ủy, ủy ban MTTQ, hội liên hiệp phụ nữ, hội nông dân, đoàn thanh niên, hội cựu chiến binh;
    /// parent: the administrative unit), financed by the state budget. Not an organisation of the People's Committee, so
    /// Appendix 4 does not count it (nor its public service units); finance facts name it — the province's budget units
    /// under autonomy (Decrees 130/2005, 117/2013) include it (docs/adr/0010-public-finance.md). Added after the first
    /// versions of this contract: a consumer that does not know it counts it nowhere.
    /// </summary>
    PartyOrMassOrganisation = 20,
}

public enum PublicServiceSector
{
    Unspecified = 0,
    /// <summary>Sự nghiệp giáo dục - đào tạo.</summary>
    EducationTraining = 1,
    /// <summary>Sự nghiệp y tế.</summary>
    Health = 2,
    /// <summary>Sự nghiệp văn hóa, thể thao (và du lịch).</summary>
    CultureSports = 3,
    /// <summary>Sự nghiệp khác.</summary>
    Other = 4,
}
