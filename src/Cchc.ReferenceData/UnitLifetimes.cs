using Cchc.Contracts.Events.Organisation;
using Cchc.ServiceKit;

namespace Cchc.ReferenceData;

/// <summary>
/// The dated periods of some units, loaded once from the local copy, answering "did this unit exist on this day?"
/// without going back to the database (the batch form for imports). A unit is named by one of its names (accepted
/// on the days a period with that name covers: a renamed unit is known by its old name before the rename and by its
/// new name from then on) or by its registry code (accepted on any day of its lifetime).
/// </summary>
public sealed class UnitLifetimes
{
    private readonly ILookup<string, UnitReferencePeriod> byName;
    private readonly ILookup<string, UnitReferencePeriod> byCode;

    public UnitLifetimes(IEnumerable<UnitReferencePeriod> periods)
    {
        var all = periods.ToList();
        Periods = all;
        byName = all.ToLookup(p => p.Name, StringComparer.Ordinal);
        byCode = all.ToLookup(p => p.UnitCode, StringComparer.Ordinal);
    }

    /// <summary>Every period these lifetimes hold.</summary>
    public IReadOnlyList<UnitReferencePeriod> Periods { get; }

    /// <summary>Whether a period of the unit named <paramref name="unit"/> (name or code) covers <paramref name="day"/>.</summary>
    public bool Existed(string? unit, DateOnly day)
    {
        var key = UnitReferenceStore.Normalize(unit);
        return byName[key].Any(p => p.Covers(day)) || byCode[key].Any(p => p.Covers(day));
    }

    /// <summary>Throws FAILED_PRECONDITION on <paramref name="field"/> unless the unit existed on <paramref name="day"/>.</summary>
    public void EnsureExisted(string? unit, DateOnly day, string field)
    {
        if (!Existed(unit, day))
        {
            throw Refusal(unit, day, field);
        }
    }

    /// <summary>
    /// The refusal of a fact for a unit that did not exist on its day, in Vietnamese, naming the unit and the day; when
    /// the name (or code) is known at other days, with the days it is known for and, for a renamed unit, its name that day.
    /// </summary>
    public DomainException Refusal(string? unit, DateOnly day, string field)
    {
        var key = UnitReferenceStore.Normalize(unit);
        var periods = byName[key].Any() ? byName[key].ToList() : byCode[key].ToList();
        var text = $"đơn vị \"{key}\" không tồn tại vào ngày {IsoDate.Format(day)}";
        if (periods.Count == 0)
        {
            return DomainException.Precondition(field, $"{text}: không có trong danh mục đơn vị (dữ liệu tham chiếu của Sở Nội vụ)");
        }
        var spans = string.Join(", ", Merge(periods).Select(s => s.To is { } to
            ? $"từ {IsoDate.Format(s.From)} đến {IsoDate.Format(to)}"
            : $"từ {IsoDate.Format(s.From)} đến nay"));
        text += $"; đơn vị này tồn tại {spans}";
        // A renamed unit: say what it was called on that day.
        var current = periods.Select(p => p.UnitCode).Distinct(StringComparer.Ordinal)
            .SelectMany(code => byCode[code]).FirstOrDefault(p => p.Covers(day) && p.Name != key);
        if (current is not null)
        {
            text += $" (vào ngày {IsoDate.Format(day)} đơn vị mang tên \"{current.Name}\")";
        }
        return DomainException.Precondition(field, text);
    }

    /// <summary>
    /// The state of the unit named <paramref name="unit"/> (a name or a code) on <paramref name="day"/>: the period with that
    /// name covering the day, else the period of the unit with that code covering it; null when it did not exist that day.
    /// </summary>
    public UnitReferencePeriod? PeriodOn(string? unit, DateOnly day)
    {
        var key = UnitReferenceStore.Normalize(unit);
        return byName[key].FirstOrDefault(p => p.Covers(day)) ?? byCode[key].FirstOrDefault(p => p.Covers(day));
    }

    /// <summary>
    /// The administrative level the unit named <paramref name="unit"/> belongs to on <paramref name="day"/>: the kind
    /// (<see cref="UnitKind.Province"/>, <see cref="UnitKind.DistrictLevel"/> or <see cref="UnitKind.CommuneLevel"/>) of
    /// the unit itself when it is an administrative unit, else of the first administrative unit met walking up its parents
    /// as they were that day (a People's Committee belongs to its administrative unit's level, a department to the
    /// province's, a district's division or school to the district's). Null when the unit did not exist that day or its
    /// chain of parents is not in these lifetimes (load them with <see cref="IUnitReference.LoadWithAncestorsAsync"/>).
    /// </summary>
    public UnitKind? AdministrativeLevelOn(string? unit, DateOnly day)
    {
        var period = PeriodOn(unit, day);
        for (var depth = 0; period is not null && depth < MaxDepth; depth++)
        {
            var kind = (UnitKind)period.Kind;
            if (kind is UnitKind.Province or UnitKind.DistrictLevel or UnitKind.CommuneLevel)
            {
                return kind;
            }
            period = period.ParentCode is { } parent ? byCode[UnitReferenceStore.Normalize(parent)].FirstOrDefault(p => p.Covers(day)) : null;
        }
        return null;
    }

    /// <summary>Deeper than any real chain of parents (a school under a district committee is four levels down): a guard against cycles.</summary>
    private const int MaxDepth = 32;

    /// <summary>Adjacent or overlapping periods as one span (a unit re-parented keeps one lifetime).</summary>
    internal static IEnumerable<(DateOnly From, DateOnly? To)> Merge(IEnumerable<UnitReferencePeriod> periods)
    {
        (DateOnly From, DateOnly? To)? open = null;
        foreach (var p in periods.OrderBy(p => p.ValidFrom))
        {
            if (open is { } o && (o.To is null || o.To.Value.AddDays(1) >= p.ValidFrom))
            {
                open = (o.From, o.To is null || p.ValidTo is null ? null : (p.ValidTo > o.To ? p.ValidTo : o.To));
                continue;
            }
            if (open is { } done)
            {
                yield return done;
            }
            open = (p.ValidFrom, p.ValidTo);
        }
        if (open is { } last)
        {
            yield return last;
        }
    }
}
