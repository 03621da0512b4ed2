using Cchc.ReferenceData;

namespace Cchc.Testing;

/// <summary>
/// A service's copy of the unit registry held in memory, for unit tests of write paths (integration tests use the real
/// copy in PostgreSQL): the same answers as <see cref="UnitReference{TDbContext}"/>, computed by <see cref="UnitLifetimes"/>
/// over the periods given — facts checked in list order, the first refused one named.
/// </summary>
public sealed class InMemoryUnitReference(params UnitReferencePeriod[] periods) : IUnitReference
{
    private readonly UnitLifetimes all = new(periods);

    public Task EnsureExistedAsync(string? unit, DateOnly day, string field, CancellationToken ct)
    {
        all.EnsureExisted(unit, day, field);
        return Task.CompletedTask;
    }

    public Task EnsureAllExistedAsync(IReadOnlyList<UnitFact> facts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(facts);
        foreach (var fact in facts)
        {
            all.EnsureExisted(fact.Unit, fact.Day, fact.Field);
        }
        return Task.CompletedTask;
    }

    public Task<UnitLifetimes> LoadAsync(IEnumerable<string?> units, CancellationToken ct) => Task.FromResult(all);

    public Task<UnitLifetimes> LoadWithAncestorsAsync(IEnumerable<string?> units, CancellationToken ct) => Task.FromResult(all);

    public Task<(long Revision, long Units)> StatusAsync(CancellationToken ct) =>
        Task.FromResult((1L, (long)periods.Select(p => p.UnitCode).Distinct(StringComparer.Ordinal).Count()));

    /// <summary>A period of the unit <paramref name="code"/> from <paramref name="from"/> (to <paramref name="to"/>, or open).</summary>
    public static UnitReferencePeriod Period(string code, string name, DateOnly from, DateOnly? to = null,
        Contracts.Events.Organisation.UnitKind kind = Contracts.Events.Organisation.UnitKind.PeoplesCommittee, string? parent = null) => new()
    {
        UnitCode = code, ValidFrom = from, ValidTo = to, Name = name, Kind = (int)kind, ParentCode = parent,
    };
}
