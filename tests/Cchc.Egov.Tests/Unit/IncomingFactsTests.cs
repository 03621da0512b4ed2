using Cchc.Contracts.Events.Organisation;
using Cchc.Egov.Api.Domain;
using Cchc.ReferenceData;
using Cchc.ServiceKit;
using Cchc.Testing;
using Level = Cchc.Contracts.Events.Procedures.GovernmentLevel;

namespace Cchc.Egov.Tests.Unit;

/// <summary>The gate every incoming fact passes, over an in-memory copy of the registry: days, existence, levels from the tree.</summary>
public sealed class IncomingFactsTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    // "UBND huyện Cũ" is named like a district's committee but the registry has it as a provincial agency's centre:
    // the name says nothing, the tree does.
    private static readonly InMemoryUnitReference Registry = new(
        Period("P", "tỉnh Lai Châu", UnitKind.Province, null),
        Period("P-UBND", "UBND tỉnh Lai Châu", UnitKind.PeoplesCommittee, "P"),
        Period("S", "Sở Nội vụ", UnitKind.SpecialisedAgency, "P-UBND"),
        Period("S-X", "UBND huyện Cũ", UnitKind.PublicServiceUnit, "S"),
        Period("D", "huyện Tam Đường", UnitKind.DistrictLevel, "P"),
        Period("D-UBND", "UBND huyện Tam Đường", UnitKind.PeoplesCommittee, "D"),
        Period("D-P", "Phòng Nội vụ huyện Tam Đường", UnitKind.DistrictDivision, "D-UBND"),
        Period("C", "xã Bản Giang", UnitKind.CommuneLevel, "D"),
        Period("C-UBND", "UBND xã Bản Giang", UnitKind.PeoplesCommittee, "C"),
        Period("O", "Đơn vị mồ côi", UnitKind.AgencyDivision, "KHÔNG-CÓ"));

    private static readonly DateOnly Day = new(2019, 12, 31);

    private static IncomingFacts Facts(DateTimeOffset? now = null) =>
        new(new FixedClock(now ?? new DateTimeOffset(2020, 3, 31, 0, 0, 0, TimeSpan.Zero)), Registry);

    private static UnitOnDay Fact(string unit, Level claimed = Level.Unspecified, DateOnly? day = null, string prefix = "records[0].") =>
        new(unit, claimed, day ?? Day, prefix + "unit", prefix + "unit_level", prefix + "period_to");

    [Fact]
    public async Task TheLevel_IsTheRegistrys_WhateverTheUnitsName()
    {
        var levels = await Facts().EnsureAsync(
        [
            Fact("UBND tỉnh Lai Châu"), Fact("Sở Nội vụ"), Fact("UBND huyện Cũ"), Fact("UBND huyện Tam Đường"),
            Fact("Phòng Nội vụ huyện Tam Đường"), Fact("UBND xã Bản Giang", Level.Commune), Fact("D-UBND", Level.District),
        ], default);
        Assert.Equal([Level.Province, Level.Province, Level.Province, Level.District, Level.District, Level.Commune, Level.District], levels);
    }

    [Fact]
    public async Task AClaimedLevelTheRegistryContradicts_IsAFailedPrecondition_OnTheLevelField_SayingTheRegistrysLevel()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => Facts().EnsureAsync(
            [Fact("Sở Nội vụ", Level.Province), Fact("UBND huyện Cũ", Level.District, prefix: "records[1].")], default));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("records[1].unit_level", Assert.Single(ex.Violations).Field);
        Assert.Contains("\"UBND huyện Cũ\" thuộc cấp tỉnh", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownUnit_OrOneWhoseChainIsBroken_IsAFailedPrecondition_OnTheUnitField()
    {
        var unknown = await Assert.ThrowsAsync<DomainException>(() => Facts().EnsureAsync([Fact("UBND xã Không Có")], default));
        Assert.Equal((ErrorKind.FailedPrecondition, "records[0].unit"), (unknown.Kind, Assert.Single(unknown.Violations).Field));
        Assert.Contains("không có trong danh mục đơn vị", unknown.Message, StringComparison.Ordinal);
        var orphan = await Assert.ThrowsAsync<DomainException>(() => Facts().EnsureAsync([Fact("Đơn vị mồ côi")], default));
        Assert.Equal("records[0].unit", Assert.Single(orphan.Violations).Field);
        Assert.Contains("không xác định được cấp", orphan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADayAfterTodayInVietnam_IsInvalid_BeforeTheRegistryIsAsked()
    {
        // 2020-03-31 17:30 UTC is already 1 April in Vietnam.
        var facts = Facts(new DateTimeOffset(2020, 3, 31, 17, 30, 0, TimeSpan.Zero));
        await facts.EnsureAsync([Fact("Sở Nội vụ", day: new DateOnly(2020, 4, 1))], default);
        var ex = await Assert.ThrowsAsync<DomainException>(() => facts.EnsureAsync(
            [Fact("UBND xã Không Có", day: new DateOnly(2020, 4, 2)), Fact("Sở Nội vụ", day: new DateOnly(2020, 4, 2), prefix: "records[1].")], default));
        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(["records[0].period_to", "records[1].period_to"], ex.Violations.Select(v => v.Field));
    }

    private static UnitReferencePeriod Period(string code, string name, UnitKind kind, string? parent) =>
        InMemoryUnitReference.Period(code, name, new DateOnly(2004, 1, 1), kind: kind, parent: parent);
}
