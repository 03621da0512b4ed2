using Cchc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Cchc.Testing.ReferenceUnits;

namespace Cchc.ReferenceData.Tests.Integration;

[Collection(PostgresCollection.Name)]
public sealed class UnitReferenceStoreTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly DateOnly D2005 = new(2005, 1, 1);
    private string db = string.Empty;

    public async Task InitializeAsync() => db = await ReferenceDatabase.CreateAsync(postgres, $"store_{Guid.NewGuid():N}"[..20]);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task HigherRevision_ReplacesTheUnitsPeriods_LowerOrEqualChangesNothing()
    {
        Assert.Equal(1, await ApplyAsync(db, [History("U1", 5, Period(D2005, null, "UBND xã Cũ"))]));
        // A rename at revision 7 replaces the whole history.
        Assert.Equal(1, await ApplyAsync(db, [History("U1", 7, Period(D2005, new DateOnly(2019, 12, 31), "UBND xã Cũ"), Period(new DateOnly(2020, 1, 1), null, "UBND xã Mới"))]));
        // Revision 6 arrives late, revision 7 is delivered again: both ignored.
        Assert.Equal(0, await ApplyAsync(db, [History("U1", 6, Period(D2005, null, "UBND xã Sai"))]));
        Assert.Equal(0, await ApplyAsync(db, [History("U1", 7, Period(D2005, null, "UBND xã Sai"))]));

        var periods = await PeriodsAsync("U1");
        Assert.Equal(["UBND xã Cũ", "UBND xã Mới"], periods.Select(p => p.Name));
        Assert.Equal(7, await RevisionAsync("U1"));
    }

    [Fact]
    public async Task Withdrawal_LeavesNoPeriods_AndAnOlderRevisionCannotBringTheUnitBack()
    {
        await ApplyAsync(db, [History("W1", 3, Period(D2005, null, "UBND xã Nhầm"))]);
        Assert.Equal(1, await ApplyAsync(db, [History("W1", 4)]));
        Assert.Empty(await PeriodsAsync("W1"));
        Assert.Equal(0, await ApplyAsync(db, [History("W1", 3, Period(D2005, null, "UBND xã Nhầm"))]));
        Assert.Empty(await PeriodsAsync("W1"));

        await using var context = ReferenceDatabase.Open(db);
        var lifetimes = await new UnitReference<ReferenceDbContext>(context).LoadAsync(["UBND xã Nhầm"], default);
        Assert.False(lifetimes.Existed("UBND xã Nhầm", new DateOnly(2019, 1, 1)));
    }

    [Fact]
    public async Task OneMessageWithTheSameUnitTwice_KeepsTheHighestRevision()
    {
        await ApplyAsync(db, [History("D1", 9, Period(D2005, null, "Chín")), History("D1", 8, Period(D2005, null, "Tám"))]);
        Assert.Equal(["Chín"], (await PeriodsAsync("D1")).Select(p => p.Name));
        Assert.Equal(9, await RevisionAsync("D1"));
    }

    [Fact]
    public async Task Status_IsTheHighestRevision_AndTheUnitsWithPeriods()
    {
        await ApplyAsync(db, [History("S1", 11, Period(D2005, null, "A")), History("S2", 12, Period(D2005, null, "B")), History("S3", 13)]);
        await using var context = ReferenceDatabase.Open(db);
        var (revision, units) = await new UnitReference<ReferenceDbContext>(context).StatusAsync(default);
        Assert.Equal(13, revision);
        Assert.Equal(2, units);
    }

    [Fact]
    public async Task TheSqlCheck_AgreesWithTheLoadedCheck_ForNamesCodesAndDays()
    {
        await ApplyAsync(db,
        [
            History("R1", 1, Period(D2005, new DateOnly(2019, 12, 31), "UBND xã Cũ"), Period(new DateOnly(2020, 1, 1), null, "UBND xã Mới")),
            History("M1", 1, Period(D2005, new DateOnly(2020, 1, 31), "UBND xã Sáp Nhập")),
        ]);
        string[] units = ["UBND xã Cũ", "UBND xã Mới", "R1", "UBND xã Sáp Nhập", "M1", "UBND xã Không Có", " UBND xã Mới "];
        DateOnly[] days = [new(2004, 12, 31), new(2019, 12, 31), new(2020, 1, 1), new(2020, 1, 31), new(2020, 2, 1)];

        await using var context = ReferenceDatabase.Open(db);
        var lifetimes = await new UnitReference<ReferenceDbContext>(context).LoadAsync(units, default);
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        foreach (var unit in units)
        {
            foreach (var day in days)
            {
                await using var command = new NpgsqlCommand($"SELECT {UnitReferenceStore.ExistedSql(UnitReferenceStore.NormalizeSql("@unit"), "@day")}", connection);
                command.Parameters.AddWithValue("unit", unit);
                command.Parameters.AddWithValue("day", day);
                var bySql = (bool)(await command.ExecuteScalarAsync())!;
                Assert.True(lifetimes.Existed(unit, day) == bySql, $"{unit} on {day}: loaded check and SQL check disagree");
            }
        }
        Assert.True(lifetimes.Existed("UBND xã Mới", new DateOnly(2020, 1, 1)));
        Assert.False(lifetimes.Existed("UBND xã Cũ", new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public async Task TheVietnamDay_OfAnInstant_IsTheLocalDay()
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        foreach (var instant in new[] { new DateTimeOffset(2019, 12, 31, 16, 59, 59, TimeSpan.Zero), new DateTimeOffset(2019, 12, 31, 17, 0, 0, TimeSpan.Zero) })
        {
            await using var command = new NpgsqlCommand($"SELECT {UnitReferenceStore.VietnamDaySql("@at")}", connection);
            command.Parameters.AddWithValue("at", instant);
            Assert.Equal(Cchc.Contracts.VietnamCalendar.LocalDate(instant), await command.ExecuteScalarAsync() switch { DateOnly d => d, DateTime t => DateOnly.FromDateTime(t), var other => throw new InvalidOperationException($"{other}") });
        }
    }

    private async Task<List<UnitReferencePeriod>> PeriodsAsync(string code)
    {
        await using var context = ReferenceDatabase.Open(db);
        return await context.Set<UnitReferencePeriod>().Where(p => p.UnitCode == code).OrderBy(p => p.ValidFrom).ToListAsync();
    }

    private async Task<long> RevisionAsync(string code)
    {
        await using var context = ReferenceDatabase.Open(db);
        return await context.Set<UnitReferenceUnit>().Where(u => u.UnitCode == code).Select(u => u.Revision).SingleAsync();
    }
}
