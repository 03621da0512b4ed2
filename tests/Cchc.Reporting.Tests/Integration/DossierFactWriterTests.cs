using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Procedures;
using Cchc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// The dossier fact writer's two paths (ADR 0049): new dossiers inserted first without a lock-and-read, the rest
/// locked and replaced when older; and the race between them — a batch whose new dossier another, uncommitted
/// transaction is inserting waits for it and then treats the dossier as stored.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DossierFactWriterTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Received = new(2019, 5, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AllNewBatch_InsertsEveryDossier_AndCountsEachOnce()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "writer_all_new");
        var states = Enumerable.Range(0, 300).Select(i => Closed($"HS-{i:D4}", 1, Received.AddDays(i % 7 + 1), DossierStatus.Resolved)).ToList();

        var written = await app.QueryAsync(db => db.UpsertDossierFactsAsync(states, CancellationToken.None));

        Assert.Equal(300, written);
        Assert.Equal(300, await app.QueryAsync(db => db.Dossiers.CountAsync()));
        await AssertCountsEqualTheFactsAsync(app, expectedClosed: 300);
    }

    [Fact]
    public async Task MixedBatch_InsertsTheNew_ReplacesTheOlder_KeepsTheNewer_AndMovesCountsByTheDifference()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "writer_mixed");
        var older = Closed("HS-OLD", 1, Received.AddDays(1), DossierStatus.Returned);
        var newer = Closed("HS-NEW", 3, Received.AddDays(2), DossierStatus.Resolved);
        await app.QueryAsync(db => db.UpsertDossierFactsAsync([older, newer], CancellationToken.None));

        // One new dossier, a newer state of HS-OLD (moves it from returned on day 1 to resolved on day 4), an older state of
        // HS-NEW (ignored), and the same new dossier twice in the batch (the higher version wins).
        var written = await app.QueryAsync(db => db.UpsertDossierFactsAsync(
        [
            Closed("HS-FRESH", 1, Received.AddDays(3), DossierStatus.Withdrawn),
            Closed("HS-FRESH", 2, Received.AddDays(5), DossierStatus.Resolved),
            Closed("HS-OLD", 2, Received.AddDays(4), DossierStatus.Resolved),
            Closed("HS-NEW", 2, Received.AddDays(9), DossierStatus.Returned),
        ], CancellationToken.None));

        Assert.Equal(2, written);
        var facts = await app.QueryAsync(db => db.Dossiers.OrderBy(d => d.DossierId).Select(d => new { d.DossierId, d.Version, d.Status }).ToListAsync());
        (string, int, DossierStatus)[] expected =
            [("HS-FRESH", 2, DossierStatus.Resolved), ("HS-NEW", 3, DossierStatus.Resolved), ("HS-OLD", 2, DossierStatus.Resolved)];
        Assert.Equal(expected, facts.Select(f => (f.DossierId, f.Version, f.Status)));
        await AssertCountsEqualTheFactsAsync(app, expectedClosed: 3);
        Assert.Equal(0, await app.QueryAsync(db => db.DossierDailyCounts.Where(c => c.Status == DossierStatus.Returned).SumAsync(c => c.Dossiers)));
    }

    [Theory]
    [InlineData(true, 2)]  // the other batch commits a newer state first: this one's older state is ignored
    [InlineData(true, 1)]  // the other batch commits an older state first: this one replaces it under the row lock
    [InlineData(false, 1)] // the other batch rolls back: this one inserts the dossier itself
    public async Task NewDossierBeingInsertedByAnotherBatch_IsWaitedFor_ThenCountedOnce(bool otherCommits, int otherVersion)
    {
        await using var app = await ReportingApp.StartAsync(postgres, $"writer_race_{otherCommits}_{otherVersion}".ToLowerInvariant());
        var mine = Closed("HS-RACE", otherVersion == 2 ? 1 : 2, Received.AddDays(2), DossierStatus.Resolved);
        var theirs = Closed("HS-RACE", otherVersion, Received.AddDays(6), DossierStatus.Returned);

        await using var otherScope = app.Services.CreateAsyncScope();
        var other = otherScope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var otherTransaction = await other.Database.BeginTransactionAsync();
        Assert.Equal(1, await other.UpsertDossierFactsAsync([theirs], CancellationToken.None));

        // This batch finds the id taken by an uncommitted insert: it must wait, not count it as new.
        var racing = app.QueryAsync(db => db.UpsertDossierFactsAsync([mine], CancellationToken.None));
        await Eventually.AssertAsync(async () => await app.QueryAsync(db => db.Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'transactionid'")
                .SingleAsync()) == 1,
            Timeout, "the second batch waits for the first one's insert");
        Assert.False(racing.IsCompleted);

        if (otherCommits)
        {
            await otherTransaction.CommitAsync();
        }
        else
        {
            await otherTransaction.RollbackAsync();
        }
        var written = await racing.WaitAsync(Timeout);

        var winner = !otherCommits || mine.Version > theirs.Version ? mine : theirs;
        Assert.Equal(winner == mine ? 1 : 0, written);
        var fact = await app.QueryAsync(db => db.Dossiers.SingleAsync());
        Assert.Equal((winner.Version, winner.Status), (fact.Version, fact.Status));
        await AssertCountsEqualTheFactsAsync(app, expectedClosed: 1);
    }

    /// <summary>dossier_daily_counts equals the aggregate of dossier_facts, and holds <paramref name="expectedClosed"/> dossiers in all.</summary>
    private static async Task AssertCountsEqualTheFactsAsync(ReportingApp app, long expectedClosed)
    {
        await Appendix3FromEventsTests.AssertDailyCountsEqualTheFactsAsync(app);
        Assert.Equal(expectedClosed, await app.QueryAsync(db => db.DossierDailyCounts.SumAsync(c => c.Dossiers)));
    }

    /// <summary>A district dossier received on 2 May 2019 (due five days later), closed at <paramref name="closedAt"/>.</summary>
    private static DossierState Closed(string id, int version, DateTimeOffset closedAt, DossierStatus status) =>
        Appendix3FromEventsTests.Dossier(id, version, status, closedAt);
}
