using Cchc.Contracts.Events.Organisation;
using Cchc.ReferenceData;
using Cchc.ReferenceData.Grpc;
using MassTransit;
using Npgsql;

namespace Cchc.Testing;

/// <summary>
/// Unit reference data for tests: builds UnitsChanged histories and writes them into a service's local copy with the
/// same code the service's consumer uses (<see cref="UnitReferenceStore.ApplyAsync"/>), for fixtures whose broker is
/// down on purpose. Tests of the consumer itself publish to a real broker instead.
/// </summary>
public static class ReferenceUnits
{
    /// <summary>The first day of the wide lifetime <see cref="SeedAsync"/> gives its units.</summary>
    public static readonly DateOnly LongAgo = new(1900, 1, 1);

    /// <summary>The registry code <see cref="SeedAsync"/> gives the unit named <paramref name="name"/>.</summary>
    public static string CodeOf(string name) => "TEST:" + UnitReferenceStore.Normalize(name);

    /// <summary>
    /// Every name in <paramref name="names"/> as a unit existing from <see cref="LongAgo"/> with no end (revision 1:
    /// writing the same names again changes nothing). Use for units a test records facts for without testing the check.
    /// </summary>
    public static Task SeedAsync(string connectionString, IEnumerable<string> names) =>
        ApplyAsync(connectionString, names.Select(n => History(CodeOf(n), 1, Period(LongAgo, null, n))));

    /// <summary>Writes <paramref name="units"/> into the copy in the database of <paramref name="connectionString"/>.</summary>
    public static async Task<int> ApplyAsync(string connectionString, IEnumerable<UnitHistory> units)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var applied = await UnitReferenceStore.ApplyAsync(connection, transaction, units, DateTimeOffset.UtcNow, CancellationToken.None);
        await transaction.CommitAsync();
        return applied;
    }

    public static UnitHistory History(string code, long revision, params UnitPeriod[] periods) =>
        new() { UnitCode = code, Revision = revision, Periods = periods };

    public static UnitPeriod Period(DateOnly from, DateOnly? to, string name, UnitKind kind = UnitKind.PeoplesCommittee, IReadOnlyList<string>? successors = null,
        string? parent = null) =>
        new() { From = from, To = to, Name = name, Kind = kind, SuccessorCodes = successors ?? [], ParentCode = parent };

    /// <summary>
    /// A small province tree from <see cref="LongAgo"/> with no end, for tests that need units' levels: (code, name, kind,
    /// parent code) each as its own unit at revision 1; the codes are <paramref name="prefix"/> + the given code.
    /// </summary>
    public static Task TreeAsync(string connectionString, string prefix, params (string Code, string Name, UnitKind Kind, string? Parent)[] units) =>
        ApplyAsync(connectionString, units.Select(u => History(prefix + u.Code, 1,
            Period(LongAgo, null, u.Name, u.Kind, parent: u.Parent is null ? null : prefix + u.Parent))));

    public static UnitsChanged Changed(params UnitHistory[] units) => new() { Units = units, OccurredAt = DateTimeOffset.UtcNow };

    /// <summary>
    /// Publishes <paramref name="message"/> to the broker as the organisation service would, then waits until the service
    /// answering <paramref name="reference"/> reports the message's highest revision in its copy (its consumer applied it).
    /// </summary>
    public static async Task PublishAndWaitAsync(IBus bus, UnitReference.UnitReferenceClient reference, UnitsChanged message)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(message);
        await bus.Publish(message);
        var revision = message.Units.Max(u => u.Revision);
        await Eventually.AssertAsync(async () => (await reference.GetStatusAsync(new GetStatusRequest())).Revision >= revision,
            TimeSpan.FromSeconds(30), $"the service's copy of the unit registry reports revision {revision}");
    }

    private static long revisions = DateTime.UtcNow.Ticks;

    /// <summary>A revision higher than any this process handed out before (tests sharing one copy never go backwards).</summary>
    public static long NextRevision() => Interlocked.Increment(ref revisions);
}
