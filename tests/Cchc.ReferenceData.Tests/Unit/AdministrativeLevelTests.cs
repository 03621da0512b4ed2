using Cchc.Contracts.Events.Organisation;

namespace Cchc.ReferenceData.Tests.Unit;

/// <summary>A unit's administrative level comes from the registry's tree on the day, never from its name.</summary>
public sealed class AdministrativeLevelTests
{
    private static readonly DateOnly Moved = new(2013, 1, 1);
    private static readonly DateOnly Reform = new(2025, 7, 1);

    // A province, a district with its committee and a school; a commune that moved from one district to another in 2013
    // and to the province when the district level was abolished in 2025; a department; a unit whose name says "huyện"
    // but which is a provincial department's centre; a unit whose parent the copy does not hold.
    private static readonly UnitLifetimes Tree = new(
    [
        Period("P", "2004-01-01", null, "tỉnh Lai Châu", UnitKind.Province, null),
        Period("P-UBND", "2004-01-01", null, "UBND tỉnh Lai Châu", UnitKind.PeoplesCommittee, "P"),
        Period("S", "2004-01-01", null, "Sở Y tế", UnitKind.SpecialisedAgency, "P-UBND"),
        Period("S-TT", "2004-01-01", null, "Trung tâm Y tế huyện Mường Tè", UnitKind.PublicServiceUnit, "S"),
        Period("D1", "2004-01-01", "2025-06-30", "huyện Mường Tè", UnitKind.DistrictLevel, "P"),
        Period("D1-UBND", "2004-01-01", "2025-06-30", "UBND huyện Mường Tè", UnitKind.PeoplesCommittee, "D1"),
        Period("D1-T", "2004-01-01", "2025-06-30", "Trường Mầm non Bum Tở", UnitKind.PublicServiceUnit, "D1-UBND"),
        Period("D2", "2013-01-01", "2025-06-30", "huyện Nậm Nhùn", UnitKind.DistrictLevel, "P"),
        Period("C", "2004-01-01", "2012-12-31", "xã Lê Lợi", UnitKind.CommuneLevel, "D1"),
        Period("C", "2013-01-01", "2025-06-30", "xã Lê Lợi", UnitKind.CommuneLevel, "D2"),
        Period("C", "2025-07-01", null, "xã Lê Lợi", UnitKind.CommuneLevel, "P"),
        Period("C-UBND", "2004-01-01", null, "UBND xã Lê Lợi", UnitKind.PeoplesCommittee, "C"),
        Period("O", "2004-01-01", null, "Ban Mồ Côi", UnitKind.AgencyDivision, "MISSING"),
    ]);

    [Theory]
    [InlineData("UBND tỉnh Lai Châu", UnitKind.Province)]
    [InlineData("Sở Y tế", UnitKind.Province)]
    [InlineData("Trung tâm Y tế huyện Mường Tè", UnitKind.Province)]
    [InlineData("UBND huyện Mường Tè", UnitKind.DistrictLevel)]
    [InlineData("D1-UBND", UnitKind.DistrictLevel)]
    [InlineData("Trường Mầm non Bum Tở", UnitKind.DistrictLevel)]
    [InlineData("huyện Mường Tè", UnitKind.DistrictLevel)]
    [InlineData("UBND xã Lê Lợi", UnitKind.CommuneLevel)]
    public void TheLevel_IsThatOfTheFirstAdministrativeUnitUpTheTree(string unit, UnitKind level) =>
        Assert.Equal(level, Tree.AdministrativeLevelOn(unit, new DateOnly(2019, 12, 31)));

    [Fact]
    public void TheTreeIsWalkedAsItWasOnTheDay()
    {
        // The commune is a commune whatever its district; its committee's level does not follow the district's end.
        Assert.Equal(UnitKind.CommuneLevel, Tree.AdministrativeLevelOn("UBND xã Lê Lợi", Moved.AddDays(-1)));
        Assert.Equal(UnitKind.CommuneLevel, Tree.AdministrativeLevelOn("UBND xã Lê Lợi", Reform));
        // The district's school exists until the district level is abolished, and not after.
        Assert.Equal(UnitKind.DistrictLevel, Tree.AdministrativeLevelOn("Trường Mầm non Bum Tở", Reform.AddDays(-1)));
        Assert.Null(Tree.AdministrativeLevelOn("Trường Mầm non Bum Tở", Reform));
        Assert.Equal("D2", Tree.PeriodOn("xã Lê Lợi", Moved)!.ParentCode);
        Assert.Equal("D1", Tree.PeriodOn("C", Moved.AddDays(-1))!.ParentCode);
    }

    [Fact]
    public void AUnitNotExistingThatDay_OrWhoseParentIsUnknown_HasNoLevel()
    {
        Assert.Null(Tree.AdministrativeLevelOn("huyện Nậm Nhùn", Moved.AddDays(-1)));
        Assert.Null(Tree.AdministrativeLevelOn("UBND xã Không Có", Moved));
        Assert.Null(Tree.AdministrativeLevelOn("Ban Mồ Côi", Moved));
        Assert.Null(Tree.PeriodOn("Sở Y tế", new DateOnly(2003, 12, 31)));
    }

    private static UnitReferencePeriod Period(string code, string from, string? to, string name, UnitKind kind, string? parent) => new()
    {
        UnitCode = code,
        ValidFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        ValidTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        Name = name,
        Kind = (int)kind,
        ParentCode = parent,
    };
}
