namespace Cchc.ReferenceData;

/// <summary>
/// One unit of the local copy: its registry code and the revision of the history the copy holds. A unit withdrawn
/// from the register keeps its row (with no periods), so an older revision arriving late cannot bring it back.
/// </summary>
public sealed class UnitReferenceUnit
{
    public required string UnitCode { get; set; }

    public long Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One dated state of a unit (both days included; <see cref="ValidTo"/> null while it lasts).</summary>
public sealed class UnitReferencePeriod
{
    public required string UnitCode { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The unit's name in this period as facts name it (NFC, trimmed).</summary>
    public required string Name { get; set; }

    public int Kind { get; set; }

    public string? ParentCode { get; set; }

    public bool Covers(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);
}
