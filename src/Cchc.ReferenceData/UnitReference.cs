using Microsoft.EntityFrameworkCore;

namespace Cchc.ReferenceData;

/// <summary>A service's local copy of the unit reference data, as write paths and the status API use it.</summary>
public interface IUnitReference
{
    /// <summary>
    /// Throws FAILED_PRECONDITION on <paramref name="field"/> (nothing is written: call it before writing) unless the
    /// unit named <paramref name="unit"/> (a name or a registry code) existed on <paramref name="day"/>.
    /// </summary>
    Task EnsureExistedAsync(string? unit, DateOnly day, string field, CancellationToken ct);

    /// <summary>The periods of every unit named in <paramref name="units"/>, in one query (the batch form for imports).</summary>
    Task<UnitLifetimes> LoadAsync(IEnumerable<string?> units, CancellationToken ct);

    /// <summary>The highest revision held and the number of units with at least one period.</summary>
    Task<(long Revision, long Units)> StatusAsync(CancellationToken ct);
}

/// <summary><see cref="IUnitReference"/> over the tables that <c>AddUnitReference()</c> maps into <typeparamref name="TDbContext"/>.</summary>
public sealed class UnitReference<TDbContext>(TDbContext db) : IUnitReference where TDbContext : DbContext
{
    public async Task EnsureExistedAsync(string? unit, DateOnly day, string field, CancellationToken ct)
    {
        var lifetimes = await LoadAsync([unit], ct);
        lifetimes.EnsureExisted(unit, day, field);
    }

    public async Task<UnitLifetimes> LoadAsync(IEnumerable<string?> units, CancellationToken ct)
    {
        var keys = units.Select(UnitReferenceStore.Normalize).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return new UnitLifetimes([]);
        }
        var periods = db.Set<UnitReferencePeriod>().AsNoTracking();
        // Every period of every unit that has one of these names or codes: a refusal can then tell the unit's lifetime.
        var matched = periods.Where(p => keys.Contains(p.Name) || keys.Contains(p.UnitCode)).Select(p => p.UnitCode);
        var rows = await periods.Where(p => matched.Contains(p.UnitCode)).ToListAsync(ct);
        return new UnitLifetimes(rows);
    }

    public async Task<(long Revision, long Units)> StatusAsync(CancellationToken ct)
    {
        var revision = await db.Set<UnitReferenceUnit>().MaxAsync(u => (long?)u.Revision, ct) ?? 0;
        var count = await db.Set<UnitReferencePeriod>().Select(p => p.UnitCode).Distinct().LongCountAsync(ct);
        return (revision, count);
    }
}
