using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;
using Cchc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// The read model's revision and the computed-report cache keyed on it (docs/adr/0044): every write of a fact table moves
/// the revision in its own transaction — a consumed event, a TRUNCATE (the rebuild's), an operator's UPDATE — and a report
/// asked again after any of them is computed again from the facts, never served from the cache.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReadModelRevisionTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static DossierState Dossier(string id, int version, DateTimeOffset closedAt) => new()
    {
        DossierId = id, Version = version, ProcedureCode = "1.0001", ReceivingUnit = "Sở Tư pháp", UnitLevel = GovernmentLevel.Province,
        Channel = DossierChannel.InPerson, Status = DossierStatus.Resolved, ReceivedAt = closedAt.AddDays(-20), DueAt = closedAt.AddDays(10),
        ClosedAt = closedAt,
    };

    [Fact]
    public async Task EveryTableOfTheReadModel_IsAFactTableWithTheTrigger_OrNamedAsReadByNoCell()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "revision_tables");
        var tables = await app.QueryAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', 'read_model_revisions')")
            .ToListAsync());
        // A new table must be classified: a fact table (with its trigger, in a migration) or a table no computed cell reads.
        Assert.Equal(tables.Order(StringComparer.Ordinal), ReadModelRevision.FactTables.Concat(ReadModelRevision.OtherTables).Order(StringComparer.Ordinal));
        var triggered = await app.QueryAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT c.relname AS \"Value\" FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname = 'read_model_changed' AND NOT t.tgisinternal")
            .ToListAsync());
        Assert.Equal(ReadModelRevision.FactTables.Order(StringComparer.Ordinal), triggered.Order(StringComparer.Ordinal));
        // The model maps every table but the counter: the migration that made it changed no entity.
        using var scope = app.Services.CreateScope();
        var mapped = scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().ToHashSet();
        Assert.Superset(ReadModelRevision.FactTables.ToHashSet(), mapped);
    }

    [Fact]
    public async Task EveryWriteMovesTheRevision_AndAReportAskedAgainAfterItIsComputedAgain_WhileNothingWrittenServesTheSameReport()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "revision_cache");
        var closed = new DateTimeOffset(2019, 6, 3, 9, 0, 0, TimeSpan.FromHours(7));
        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = [Dossier("R-1", 1, closed)], OccurredAt = Now });
        var revision = await RevisionAsync(app);

        var first = await app.Appendix3Async("2019");
        Assert.Same(first, await app.Appendix3Async("2019"));
        Assert.Equal(revision, await RevisionAsync(app));
        Assert.Equal(100m, Rate(first));

        // A consumed event: a late dossier. The next report counts it (50%), never the cached 100%.
        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = [Dossier("R-2", 1, closed) with { DueAt = closed.AddDays(-1) }], OccurredAt = Now });
        Assert.True(await RevisionAsync(app) > revision);
        var second = await app.Appendix3Async("2019");
        Assert.NotSame(first, second);
        Assert.Equal(50m, Rate(second));

        // The same event again (same message id or not): nothing changes, the report stays right.
        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = [Dossier("R-2", 1, closed) with { DueAt = closed.AddDays(-1) }], OccurredAt = Now });
        Assert.Equal(50m, Rate(await app.Appendix3Async("2019")));

        // An operator's UPDATE, outside any consumer: moved too.
        revision = await RevisionAsync(app);
        await ExecuteAsync(app, "UPDATE dossier_daily_counts SET on_time = dossiers");
        Assert.True(await RevisionAsync(app) > revision);
        Assert.Equal(100m, Rate(await app.Appendix3Async("2019")));

        // The rebuild's TRUNCATE of the fact tables: moved, and the report is blank again.
        revision = await RevisionAsync(app);
        await ExecuteAsync(app, "TRUNCATE dossier_facts, dossier_daily_counts");
        Assert.True(await RevisionAsync(app) > revision);
        Assert.Null(Rate(await app.Appendix3Async("2019")));

        // The hand-moved revision (ReadModelRevision.BumpAsync): a miss, the same numbers.
        var before = await app.Appendix3Async("2019");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ReadModelRevision.BumpAsync(scope.ServiceProvider.GetRequiredService<ReportingDbContext>(), CancellationToken.None);
        }
        var after = await app.Appendix3Async("2019");
        Assert.NotSame(before, after);
        Assert.Equal(Rate(before), Rate(after));
    }

    private static decimal? Rate(AppendixReport report) =>
        report.Rows.Single(r => r.Definition.Indicator == DossierTimelinessIndicators.Province).Values!["2019"] is ReportValue.Number n ? n.Value : null;

    private static Task<long> RevisionAsync(ReportingApp app) =>
        app.QueryAsync(db => ReadModelRevision.ReadAsync(db, CancellationToken.None));

    private static async Task ExecuteAsync(ReportingApp app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
