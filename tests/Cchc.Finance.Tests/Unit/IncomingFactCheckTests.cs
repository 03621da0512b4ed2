using Cchc.Contracts.Events.Finance;
using Cchc.Finance.Api.Domain;
using Cchc.ServiceKit;
using Cchc.Testing;

namespace Cchc.Finance.Tests.Unit;

/// <summary>The one check of incoming units and days, over an in-memory copy of the registry: future days, then each status's unit on its day.</summary>
public sealed class IncomingFactCheckTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly DateOnly LastDay = new(2020, 1, 31);

    private static readonly IncomingFactCheck Check = new(new FixedClock(new DateTimeOffset(2020, 3, 31, 3, 0, 0, TimeSpan.Zero)), new InMemoryUnitReference(
        InMemoryUnitReference.Period("T", "Trường Sáp Nhập", new DateOnly(2013, 1, 2), LastDay),
        InMemoryUnitReference.Period("H", "UBND huyện Tam Đường", new DateOnly(2004, 1, 1))));

    private static (StatusCommand, string) Status(string unit, DateOnly from, AutonomyRegime regime = AutonomyRegime.PublicServiceUnit,
        string? parent = null, string prefix = "status.") =>
        (new StatusCommand(unit, new StatusFact(regime, regime == AutonomyRegime.PublicServiceUnit ? AutonomyLevel.Recurrent : AutonomyLevel.Unspecified,
            regime == AutonomyRegime.PublicServiceUnit ? ParentKind.DistrictCommittee : ParentKind.Unspecified, parent, from, null, "nguồn")), prefix);

    [Fact]
    public void TheDayOfAStatus_IsItsFirstDay_ButLeavingTheRegimesIsAFactOfTheDayBefore()
    {
        Assert.Equal(LastDay, IncomingFactCheck.DayOf(Status("T", LastDay).Item1.Status));
        Assert.Equal(LastDay, IncomingFactCheck.DayOf(Status("T", LastDay.AddDays(1), AutonomyRegime.None).Item1.Status));
    }

    [Fact]
    public async Task StatusesOfUnitsExistingOnTheirDay_Pass_AndTheFirstOtherOneIsRefused_OnItsUnitOrParentField()
    {
        await Check.EnsureStatusesAsync(
            [Status("Trường Sáp Nhập", new DateOnly(2013, 1, 2), parent: "UBND huyện Tam Đường"), Status("T", LastDay.AddDays(1), AutonomyRegime.None)], default);

        var late = await Assert.ThrowsAsync<DomainException>(() => Check.EnsureStatusesAsync(
            [Status("UBND huyện Tam Đường", LastDay, AutonomyRegime.AdministrativeAgency, prefix: "records[0]."),
             Status("Trường Sáp Nhập", LastDay.AddDays(1), prefix: "records[1]."), Status("Không Có", LastDay, prefix: "records[2].")], default));
        Assert.Equal((ErrorKind.FailedPrecondition, "records[1].unit"), (late.Kind, Assert.Single(late.Violations).Field));
        Assert.Contains("2020-02-01", late.Message, StringComparison.Ordinal);

        var parent = await Assert.ThrowsAsync<DomainException>(() => Check.EnsureStatusesAsync(
            [Status("Trường Sáp Nhập", new DateOnly(2016, 1, 1), parent: "UBND huyện Không Có")], default));
        Assert.Equal("status.parent_unit", Assert.Single(parent.Violations).Field);
    }

    [Fact]
    public async Task DaysAndYearsInTheFuture_AreInvalid_BeforeAnyUnitIsLookedUp()
    {
        await Check.EnsureStatusesAsync([Status("UBND huyện Tam Đường", new DateOnly(2020, 3, 31), AutonomyRegime.AdministrativeAgency)], default);
        var ex = await Assert.ThrowsAsync<DomainException>(() => Check.EnsureStatusesAsync(
            [Status("Không Có", new DateOnly(2020, 4, 1), prefix: "records[0]."), Status("Không Có", new DateOnly(2019, 1, 1), prefix: "records[1].")], default));
        var years = Assert.Throws<DomainException>(() => Check.EnsureYears(2019, 2021, "figure."));

        Assert.Equal((ErrorKind.InvalidArgument, "records[0].effective_from"), (ex.Kind, Assert.Single(ex.Violations).Field));
        Assert.Equal("figure.year_to", Assert.Single(years.Violations).Field);
    }
}
