using Cchc.Contracts.Events.Organisation;
using Cchc.ServiceKit;
using Cchc.Testing;
using static Cchc.Testing.ReferenceUnits;

namespace Cchc.ReferenceData.Tests.Integration;

/// <summary>
/// The checks finance and e-government run on real PostgreSQL: the batch form for records held in memory (one query over
/// the distinct unit-day pairs, the first record refused named) and the walk up the tree for a unit's level.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BatchCheckTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly DateOnly D2005 = new(2005, 1, 1);
    private static readonly DateOnly Renamed = new(2020, 1, 1);
    private static readonly DateOnly Merged = new(2020, 2, 1);
    private string db = string.Empty;

    public async Task InitializeAsync()
    {
        db = await ReferenceDatabase.CreateAsync(postgres, $"batch_{Guid.NewGuid():N}"[..20]);
        await ApplyAsync(db,
        [
            History("P", 1, Period(D2005, null, "tỉnh Lai Châu", UnitKind.Province)),
            History("D", 1, Period(D2005, null, "huyện Tam Đường", UnitKind.DistrictLevel, parent: "P")),
            History("D-UBND", 1, Period(D2005, null, "UBND huyện Tam Đường", UnitKind.PeoplesCommittee, parent: "D")),
            History("T", 1, Period(D2005, Renamed.AddDays(-1), "Trường Cũ", UnitKind.PublicServiceUnit, parent: "D-UBND"),
                Period(Renamed, null, "Trường Mới", UnitKind.PublicServiceUnit, parent: "D-UBND")),
            History("M", 1, Period(D2005, Merged.AddDays(-1), "Trường Sáp Nhập", UnitKind.PublicServiceUnit, parent: "D-UBND")),
            History("N", 1, Period(new DateOnly(2016, 1, 1), null, "Trường Mở Sau", UnitKind.PublicServiceUnit, parent: "D-UBND")),
        ]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<DomainException?> CheckAsync(params UnitFact[] facts)
    {
        await using var context = ReferenceDatabase.Open(db);
        try
        {
            await new UnitReference<ReferenceDbContext>(context).EnsureAllExistedAsync(facts, default);
            return null;
        }
        catch (DomainException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task EveryUnitExistingOnItsDay_IsAccepted_ByNameOrCode_TheOldNameBeforeTheRename()
    {
        Assert.Null(await CheckAsync(
            new UnitFact("Trường Cũ", Renamed.AddDays(-1), "records[0].unit"),
            new UnitFact("Trường Mới", Renamed, "records[1].unit"),
            new UnitFact(" T ", new DateOnly(2010, 1, 1), "records[2].unit"),
            new UnitFact("Trường Sáp Nhập", Merged.AddDays(-1), "records[3].unit"),
            new UnitFact("Trường Cũ", Renamed.AddDays(-1), "records[4].unit")));
        Assert.Null(await CheckAsync());
    }

    [Fact]
    public async Task TheFirstRecordRefused_NamesTheCall_WithItsUnitAndDay()
    {
        var ex = await CheckAsync(
            new UnitFact("Trường Mới", Renamed, "records[0].unit"),
            new UnitFact("Trường Mở Sau", new DateOnly(2015, 12, 31), "records[1].unit"),
            new UnitFact("Trường Sáp Nhập", Merged, "records[2].unit"),
            new UnitFact("Trường Không Có", Merged, "records[3].unit"));
        Assert.NotNull(ex);
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("records[1].unit", Assert.Single(ex.Violations).Field);
        Assert.Contains("\"Trường Mở Sau\" không tồn tại vào ngày 2015-12-31", ex.Message, StringComparison.Ordinal);
        Assert.Contains("từ 2016-01-01 đến nay", ex.Message, StringComparison.Ordinal);

        var dissolved = await CheckAsync(new UnitFact("Trường Sáp Nhập", Merged, "status.unit"));
        Assert.Contains("từ 2005-01-01 đến 2020-01-31", dissolved!.Message, StringComparison.Ordinal);
        var unknown = await CheckAsync(new UnitFact("Trường Không Có", Merged, "status.parent_unit"));
        Assert.Equal("status.parent_unit", Assert.Single(unknown!.Violations).Field);
        Assert.Contains("không có trong danh mục đơn vị", unknown.Message, StringComparison.Ordinal);
        var oldName = await CheckAsync(new UnitFact("Trường Cũ", Renamed, "state.unit"));
        Assert.Contains("mang tên \"Trường Mới\"", oldName!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAncestors_AreLoadedWithTheUnits_SoTheirLevelIsKnown()
    {
        await using var context = ReferenceDatabase.Open(db);
        var reference = new UnitReference<ReferenceDbContext>(context);
        var withAncestors = await reference.LoadWithAncestorsAsync(["Trường Mới", "M"], default);
        Assert.Equal(UnitKind.DistrictLevel, withAncestors.AdministrativeLevelOn("Trường Mới", Renamed));
        Assert.Equal(UnitKind.DistrictLevel, withAncestors.AdministrativeLevelOn("M", D2005));
        Assert.Equal(["D", "D-UBND", "M", "P", "T"], withAncestors.Periods.Select(p => p.UnitCode).Distinct().Order(StringComparer.Ordinal));
        // Without the ancestors the walk stops at the first parent the lifetimes do not hold.
        var alone = await reference.LoadAsync(["Trường Mới"], default);
        Assert.Null(alone.AdministrativeLevelOn("Trường Mới", Renamed));
    }
}
