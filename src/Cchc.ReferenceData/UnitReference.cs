using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

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

    /// <summary>
    /// The batch SQL form for records held in memory (a streamed import validated record by record): throws
    /// FAILED_PRECONDITION on the field of the first fact, in list order, whose unit did not exist on its day. One query
    /// over the DISTINCT (unit, day) pairs, planned as two hash anti-joins against the copy
    /// (<see cref="UnitReferenceStore.MissingSql"/>); nothing is loaded unless a pair is refused.
    /// </summary>
    Task EnsureAllExistedAsync(IReadOnlyList<UnitFact> facts, CancellationToken ct);

    /// <summary>
    /// The periods of every unit named in <paramref name="units"/> and of every unit above them (their parents, the
    /// parents' parents…, as any of their periods names them): what <see cref="UnitLifetimes.AdministrativeLevelOn"/> needs.
    /// One query per level of the tree (a handful).
    /// </summary>
    Task<UnitLifetimes> LoadWithAncestorsAsync(IEnumerable<string?> units, CancellationToken ct);

    /// <summary>The highest revision held and the number of units with at least one period.</summary>
    Task<(long Revision, long Units)> StatusAsync(CancellationToken ct);
}

/// <summary><see cref="IUnitReference"/> over the tables that <c>AddUnitReference()</c> maps into <typeparamref name="TDbContext"/>.</summary>
public sealed class UnitReference<TDbContext>(TDbContext db) : IUnitReference where TDbContext : DbContext
{
    /// <summary>The index of the first (unit, day) pair of the parameters no period covers; units normalised by the caller.</summary>
    private static readonly string FirstMissingPairSql =
        $"""
        SELECT p.idx AS "Value" FROM unnest(@units, @days, @idx) AS p(unit, day, idx)
        WHERE {UnitReferenceStore.MissingSql("(p.unit COLLATE \"C\")", "p.day")}
        ORDER BY p.idx LIMIT 1
        """;

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

    public async Task EnsureAllExistedAsync(IReadOnlyList<UnitFact> facts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(facts);
        // The first record of each distinct (unit, day) pair names the pair: the refusal is then the first record refused.
        var pairs = new Dictionary<(string Unit, DateOnly Day), int>();
        for (var i = 0; i < facts.Count; i++)
        {
            pairs.TryAdd((UnitReferenceStore.Normalize(facts[i].Unit), facts[i].Day), i);
        }
        if (pairs.Count == 0)
        {
            return;
        }
        var refused = await db.Database.SqlQueryRaw<int>(FirstMissingPairSql,
            new NpgsqlParameter<string[]>("units", [.. pairs.Keys.Select(k => k.Unit)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            new NpgsqlParameter<DateOnly[]>("days", [.. pairs.Keys.Select(k => k.Day)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date },
            new NpgsqlParameter<int[]>("idx", [.. pairs.Values]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer })
            .ToListAsync(ct);
        if (refused.Count == 0)
        {
            return;
        }
        var fact = facts[refused[0]];
        var lifetimes = await LoadAsync([fact.Unit], ct);
        throw lifetimes.Refusal(fact.Unit, fact.Day, fact.Field);
    }

    public async Task<UnitLifetimes> LoadWithAncestorsAsync(IEnumerable<string?> units, CancellationToken ct)
    {
        var rows = (await LoadAsync(units, ct)).Periods.ToList();
        var loaded = rows.Select(p => p.UnitCode).ToHashSet(StringComparer.Ordinal);
        // Walk up one level per query until every parent named is loaded (or unknown to the copy); the guard stops a cycle.
        for (var depth = 0; depth < 32; depth++)
        {
            var parents = rows.Select(p => p.ParentCode).OfType<string>().Select(UnitReferenceStore.Normalize).Where(loaded.Add).ToList();
            if (parents.Count == 0)
            {
                break;
            }
            rows.AddRange(await db.Set<UnitReferencePeriod>().AsNoTracking().Where(p => parents.Contains(p.UnitCode)).ToListAsync(ct));
        }
        return new UnitLifetimes(rows);
    }

    public async Task<(long Revision, long Units)> StatusAsync(CancellationToken ct)
    {
        var revision = await db.Set<UnitReferenceUnit>().MaxAsync(u => (long?)u.Revision, ct) ?? 0;
        var count = await db.Set<UnitReferencePeriod>().Select(p => p.UnitCode).Distinct().LongCountAsync(ct);
        return (revision, count);
    }
}

/// <summary>A fact's unit (a name or a registry code) and day, with the request field a refusal names (e.g. "records[37].unit").</summary>
public sealed record UnitFact(string? Unit, DateOnly Day, string Field);
