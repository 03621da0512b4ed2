using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Extensions;
using Cchc.Reporting.Api.Procedures;
using Cchc.ServiceKit;
using Cchc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cchc.Reporting.Tests.Integration;

[Collection(PostgresCollection.Name)]
public sealed class MigrationsTests(PostgresServer postgres)
{
    [Fact]
    public async Task MigrateVerb_AppliesEveryMigrationToAFreshDatabase_WithoutBuildingTheBusOrTheWebHost()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrate_verb");

        // The shared verb of Cchc.ServiceKit with only the database registered: a messaging setting that the bus would
        // refuse ("must be an AMQP URI") proves the service's application (bus, gRPC, security) is not built.
        var exitCode = await MigrateCommand.RunAsync<ReportingDbContext>(b => b.AddReportingDatabase(),
            [new("ConnectionStrings:reportingdb", connectionString), new("ConnectionStrings:messaging", "not an amqp uri")]);

        Assert.Equal(0, exitCode);
        await using var db = new ReportingDbContext(new DbContextOptionsBuilder<ReportingDbContext>().UseNpgsql(connectionString).Options);
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task DossierDailyCountsMigration_FillsTheCountsFromTheDossiersAlreadyHeld()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrations_backfill");
        await using var db = new ReportingDbContext(new DbContextOptionsBuilder<ReportingDbContext>().UseNpgsql(connectionString).Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var before = migrations[migrations.FindIndex(m => m.EndsWith("_DossierDailyCounts", StringComparison.Ordinal)) - 1];
        await migrator.MigrateAsync(before);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO dossier_facts (dossier_id, version, procedure_code, receiving_unit, unit_level, channel, status, received_on, due_at, closed_at, closed_on, on_time)
            SELECT 'HS-' || g, 2, 'P1', 'U', (1 + g % 3)::smallint, 1, (CASE WHEN g % 10 = 0 THEN 1 WHEN g % 7 = 0 THEN 3 ELSE 2 END)::smallint,
                   date '2019-01-01' + g % 40, timestamptz '2019-03-01', NULL, NULL, NULL
            FROM generate_series(1, 500) g;
            UPDATE dossier_facts SET closed_at = timestamptz '2019-02-01' + (random() * 40) * interval '1 day' WHERE status <> 1;
            UPDATE dossier_facts SET closed_on = (closed_at AT TIME ZONE '+07')::date, on_time = CASE WHEN status = 2 THEN closed_at <= due_at END;
            """);

        await db.Database.MigrateAsync();

        var rebuilt = await db.Dossiers.Where(d => d.ClosedOn != null)
            .GroupBy(d => new { d.ClosedOn, d.UnitLevel, d.Status })
            .Select(g => new { Day = g.Key.ClosedOn!.Value, g.Key.UnitLevel, g.Key.Status, Dossiers = (long)g.Count(), OnTime = (long)g.Count(d => d.OnTime == true) })
            .ToListAsync();
        var counts = await db.DossierDailyCounts.Select(c => new { Day = c.ClosedOn, c.UnitLevel, c.Status, c.Dossiers, c.OnTime }).ToListAsync();
        Assert.Equal(450, rebuilt.Sum(r => r.Dossiers));
        Assert.Equal(rebuilt.OrderBy(r => (r.Day, r.UnitLevel, r.Status)), counts.OrderBy(r => (r.Day, r.UnitLevel, r.Status)));
    }
}
