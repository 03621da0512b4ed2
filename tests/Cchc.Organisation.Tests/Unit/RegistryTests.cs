using Cchc.Contracts.Events.Organisation;
using Cchc.Organisation.Api.Domain;
using Cchc.ServiceKit;

namespace Cchc.Organisation.Tests.Unit;

/// <summary>The registry's rules in memory: history and structure on a day, merge, split, level abolition, validation.</summary>
public sealed class RegistryTests
{
    private static readonly DateOnly Start = new(2004, 1, 1);
    private static int ids;

    private static string Id() => $"c{Interlocked.Increment(ref ids)}";

    private static NewUnit Unit(string code, string name, UnitKind kind, string? parent, PublicServiceSector sector = PublicServiceSector.Unspecified) =>
        new(code, name, kind, parent, sector, null);

    /// <summary>A province with two districts (each with HĐND/UBND) and three communes (each with HĐND/UBND), on 2004-01-01.</summary>
    private static Registry Small()
    {
        var r = new Registry([]);
        void Admin(string code, string name, UnitKind kind, string? parent)
        {
            r.Apply(new FoundCommand(Id(), Start, Unit(code, name, kind, parent)));
            r.Apply(new FoundCommand(Id(), Start, Unit(code + "-HDND", "HĐND " + name, UnitKind.PeoplesCouncil, code)));
            r.Apply(new FoundCommand(Id(), Start, Unit(code + "-UBND", "UBND " + name, UnitKind.PeoplesCommittee, code)));
        }
        Admin("P", "tỉnh Thử", UnitKind.Province, null);
        Admin("D1", "huyện Một", UnitKind.DistrictLevel, "P");
        Admin("D2", "huyện Hai", UnitKind.DistrictLevel, "P");
        Admin("C1", "xã A", UnitKind.CommuneLevel, "D1");
        Admin("C2", "xã B", UnitKind.CommuneLevel, "D1");
        Admin("C3", "xã C", UnitKind.CommuneLevel, "D2");
        r.Apply(new FoundCommand(Id(), Start, Unit("D1-P1", "Phòng Tư pháp huyện Một", UnitKind.DistrictDivision, "D1-UBND")));
        r.Apply(new FoundCommand(Id(), Start, Unit("S1", "Trường A", UnitKind.PublicServiceUnit, "D1-UBND", PublicServiceSector.EducationTraining)));
        return r;
    }

    private static int Count(Registry r, UnitKind kind, DateOnly day) => r.Units.Count(u => u.On(day)?.Kind == kind);

    [Fact]
    public void Rename_KeepsTheOldNameForEarlierDays_AndTheNewOneFromItsDay()
    {
        var r = Small();
        r.Apply(new RenameCommand(Id(), new DateOnly(2013, 12, 27), "D1", "thành phố Một"));

        var unit = r.Find("D1")!;
        Assert.Equal("huyện Một", unit.On(new DateOnly(2013, 12, 26))!.Name);
        Assert.Equal("thành phố Một", unit.On(new DateOnly(2013, 12, 27))!.Name);
        Assert.Equal(2, unit.History.Count);
        Assert.Equal(new DateOnly(2013, 12, 26), unit.History[0].To);
        Assert.Equal(ChangeKind.Renamed, unit.History[1].BeganBy);
    }

    [Fact]
    public void Move_ChangesTheTreeFromItsDayOnly()
    {
        var r = Small();
        var day = new DateOnly(2020, 2, 1);
        r.Apply(new MoveCommand(Id(), day, "C2", "D2"));

        Assert.Equal(["C1", "C2"], r.LiveChildren("D1", day.AddDays(-1)).Where(u => u.Last.Kind == UnitKind.CommuneLevel).Select(u => u.Code));
        Assert.Equal(["C2", "C3"], r.LiveChildren("D2", day).Where(u => u.Last.Kind == UnitKind.CommuneLevel).Select(u => u.Code));
        // Its bodies stay under it: the tree under the commune moved with it.
        Assert.Equal("C2", r.Find("C2-UBND")!.On(day)!.ParentCode);
    }

    [Fact]
    public void MergeIntoANewUnit_EndsTheSources_MergesTheirBodies_AndNamesTheSuccessor()
    {
        var r = Small();
        var day = new DateOnly(2025, 7, 1);
        r.Apply(new MergeCommand(Id(), day, ["C1", "C2"], null, Unit("N1", "xã A", UnitKind.CommuneLevel, "P")));

        Assert.Equal(3, Count(r, UnitKind.CommuneLevel, day.AddDays(-1)));
        Assert.Equal(2, Count(r, UnitKind.CommuneLevel, day));
        foreach (var source in new[] { "C1", "C2" })
        {
            var unit = r.Find(source)!;
            Assert.Equal(day.AddDays(-1), unit.Last.To);
            Assert.Equal(ChangeKind.Merged, unit.EndedBy);
            Assert.Equal(["N1"], unit.Last.Successors);
            Assert.Equal(["N1-UBND"], r.Find(source + "-UBND")!.Last.Successors);
        }
        // The new commune may take a source's name the same day; its committee is founded with it.
        Assert.Equal("xã A", r.Find("N1")!.On(day)!.Name);
        Assert.Equal("UBND xã A", r.Find("N1-UBND")!.On(day)!.Name);
        Assert.Equal("N1", r.Find("N1-UBND")!.On(day)!.ParentCode);
    }

    [Fact]
    public void MergeIntoAnExistingUnit_MovesWhatTheSourcesHeld()
    {
        var r = Small();
        var day = new DateOnly(2020, 2, 1);
        r.Apply(new MergeCommand(Id(), day, ["D1"], "D2", null));

        Assert.Equal(1, Count(r, UnitKind.DistrictLevel, day));
        Assert.Equal("D2", r.Find("C1")!.On(day)!.ParentCode);
        Assert.Equal("D2-UBND", r.Find("D1-P1")!.On(day)!.ParentCode);
        Assert.Equal("D2-UBND", r.Find("S1")!.On(day)!.ParentCode);
        Assert.Equal("D1-UBND", r.Find("S1")!.On(day.AddDays(-1))!.ParentCode);
        Assert.Equal(["D2-UBND"], r.Find("D1-UBND")!.Last.Successors);
    }

    [Fact]
    public void Split_EndsTheSource_FoundsTheParts_WithTheirBodies()
    {
        var r = Small();
        var day = new DateOnly(2015, 1, 1);
        r.Apply(new SplitCommand(Id(), day, "C3", [Unit("C3a", "xã C Bắc", UnitKind.CommuneLevel, "D2"), Unit("C3b", "xã C Nam", UnitKind.CommuneLevel, "D2")]));

        Assert.Equal(ChangeKind.Split, r.Find("C3")!.EndedBy);
        Assert.Equal(["C3a", "C3b"], r.Find("C3")!.Last.Successors);
        Assert.Equal(4, Count(r, UnitKind.CommuneLevel, day));
        Assert.Equal("UBND xã C Nam", r.Find("C3b-UBND")!.On(day)!.Name);
    }

    [Fact]
    public void SplittingAUnitThatStillHoldsOrganisations_IsRefused()
    {
        var r = Small();
        var ex = Assert.Throws<DomainException>(() => r.Apply(new SplitCommand(Id(), new DateOnly(2015, 1, 1), "D1",
            [Unit("X1", "huyện X1", UnitKind.DistrictLevel, "P"), Unit("X2", "huyện X2", UnitKind.DistrictLevel, "P")])));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("source_code", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void AbolishingTheDistrictLevel_EndsDistrictsAndEverythingUnderTheirBodies_AndMovesCommunesUp()
    {
        var r = Small();
        var day = new DateOnly(2025, 7, 1);
        r.Apply(new AbolishLevelCommand(Id(), day, UnitKind.DistrictLevel, "P"));

        // 2019: three tiers; 2026: two.
        var before = new DateOnly(2019, 12, 31);
        var after = new DateOnly(2026, 1, 1);
        Assert.Equal(2, Count(r, UnitKind.DistrictLevel, before));
        Assert.Equal(0, Count(r, UnitKind.DistrictLevel, after));
        Assert.Equal(3, Count(r, UnitKind.CommuneLevel, after));
        Assert.All(r.Units.Where(u => u.On(after)?.Kind == UnitKind.CommuneLevel), u => Assert.Equal("P", u.On(after)!.ParentCode));
        Assert.Null(r.Find("D1-P1")!.On(after));
        Assert.Null(r.Find("S1")!.On(after));
        Assert.Equal(ChangeKind.LevelAbolished, r.Find("D1-UBND")!.EndedBy);
        Assert.Equal(0, Count(r, UnitKind.DistrictDivision, after));
        Assert.Equal(1, Count(r, UnitKind.DistrictDivision, before));
    }

    [Fact]
    public void AChangeBeforeTheUnitExists_IsRefused_NamingTheDay()
    {
        var r = Small();
        var ex = Assert.Throws<DomainException>(() => r.Apply(new RenameCommand(Id(), new DateOnly(2003, 6, 1), "C1", "xã Z")));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("effective_on", Assert.Single(ex.Violations).Field);
        Assert.Contains("chưa tồn tại", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangeAfterTheUnitEnded_IsRefused()
    {
        var r = Small();
        r.Apply(new DissolveCommand(Id(), new DateOnly(2010, 1, 1), "S1"));
        var ex = Assert.Throws<DomainException>(() => r.Apply(new RenameCommand(Id(), new DateOnly(2011, 1, 1), "S1", "Trường B")));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Contains("đã chấm dứt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AParentThatDoesNotExistOnTheDay_IsRefused()
    {
        var r = Small();
        r.Apply(new DissolveCommand(Id(), new DateOnly(2010, 1, 1), "S1"));
        r.Apply(new FoundCommand(Id(), new DateOnly(2012, 1, 1), Unit("D3", "huyện Ba", UnitKind.DistrictLevel, "P")));
        var ex = Assert.Throws<DomainException>(() =>
            r.Apply(new FoundCommand(Id(), new DateOnly(2011, 1, 1), Unit("C9", "xã Chín", UnitKind.CommuneLevel, "D3")), "changes[4].found."));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("changes[4].found.unit.parent_code", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void AnExistingCode_AWrongParentKind_AndALiveName_AreRefused()
    {
        var r = Small();
        Assert.Equal(ErrorKind.AlreadyExists, Assert.Throws<DomainException>(() =>
            r.Apply(new FoundCommand(Id(), Start.AddDays(5), Unit("C1", "xã Mới", UnitKind.CommuneLevel, "D1")))).Kind);
        Assert.Contains("không thể trực thuộc", Assert.Throws<DomainException>(() =>
            r.Apply(new FoundCommand(Id(), Start.AddDays(5), Unit("X", "xã X", UnitKind.CommuneLevel, "C1")))).Message, StringComparison.Ordinal);
        var taken = Assert.Throws<DomainException>(() => r.Apply(new FoundCommand(Id(), Start.AddDays(5), Unit("X", "xã A", UnitKind.CommuneLevel, "D2"))));
        Assert.Equal("unit.name", Assert.Single(taken.Violations).Field);
    }

    [Fact]
    public void DissolvingAUnitWithLiveChildren_IsRefused()
    {
        var r = Small();
        var ex = Assert.Throws<DomainException>(() => r.Apply(new DissolveCommand(Id(), new DateOnly(2010, 1, 1), "C1")));
        Assert.Contains("còn 2 đơn vị trực thuộc", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangeDatedBeforeTheUnitsLastChange_IsRefused()
    {
        var r = Small();
        r.Apply(new RenameCommand(Id(), new DateOnly(2015, 1, 1), "C1", "xã A Mới"));
        var ex = Assert.Throws<DomainException>(() => r.Apply(new MoveCommand(Id(), new DateOnly(2014, 1, 1), "C1", "D2")));
        Assert.Contains("phải sau thay đổi gần nhất", ex.Message, StringComparison.Ordinal);
    }
}
