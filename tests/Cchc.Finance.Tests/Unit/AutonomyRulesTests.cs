using Cchc.Contracts.Events.Finance;
using Cchc.Finance.Api.Domain;
using Cchc.ServiceKit;

namespace Cchc.Finance.Tests.Unit;

/// <summary>A unit has one status at a time: statuses are appended in day order, each ending the previous one.</summary>
public sealed class AutonomyRulesTests
{
    private const string Unit = "Trung tâm Y tế huyện Tam Đường";

    private static StatusFact Service(string from, AutonomyLevel level = AutonomyLevel.PartlyRecurrent) =>
        new(AutonomyRegime.PublicServiceUnit, level, ParentKind.DistrictCommittee, null, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), null, "nguồn");

    private static StatusFact None(string from) =>
        new(AutonomyRegime.None, AutonomyLevel.Unspecified, ParentKind.Unspecified, null, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), null, "nguồn");

    [Fact]
    public void ANewStatus_EndsThePreviousOneTheDayBefore()
    {
        var first = AutonomyRules.Record(null, Unit, Service("2016-01-01"))!;
        var second = AutonomyRules.Record(first, Unit, Service("2018-07-01", AutonomyLevel.Recurrent))!;

        Assert.Equal(2, second.Version);
        Assert.Equal(new DateOnly(2018, 6, 30), second.EffectiveTo(0));
        Assert.Null(second.EffectiveTo(1));
        Assert.Equal(0, second.IndexOn(new DateOnly(2018, 6, 30)));
        Assert.Equal(1, second.IndexOn(new DateOnly(2018, 7, 1)));
        Assert.Null(second.IndexOn(new DateOnly(2015, 12, 31)));
    }

    [Fact]
    public void TheSameStatusAgain_ChangesNothing()
    {
        var first = AutonomyRules.Record(null, Unit, Service("2016-01-01"))!;

        Assert.Null(AutonomyRules.Record(first, Unit, Service("2016-01-01")));
    }

    [Fact]
    public void AnotherStatusOnTheSameDay_IsAConflict()
    {
        var first = AutonomyRules.Record(null, Unit, Service("2016-01-01"))!;

        var ex = Assert.Throws<DomainException>(() => AutonomyRules.Record(first, Unit, Service("2016-01-01", AutonomyLevel.Recurrent)));

        Assert.Equal(ErrorKind.AlreadyExists, ex.Kind);
        Assert.Equal("status.effective_from", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void AStatusBeforeTheLatest_WouldOverlap_AndIsRefused()
    {
        var state = AutonomyRules.Record(null, Unit, Service("2016-01-01"))!;
        state = AutonomyRules.Record(state, Unit, Service("2018-01-01", AutonomyLevel.Recurrent))!;

        var ex = Assert.Throws<DomainException>(() => AutonomyRules.Record(state, Unit, Service("2017-01-01", AutonomyLevel.StateFunded)));

        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Contains("2018-01-01", Assert.Single(ex.Violations).Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AStatusThatChangesNothing_IsAContradiction()
    {
        var state = AutonomyRules.Record(null, Unit, Service("2016-01-01"))!;

        var ex = Assert.Throws<DomainException>(() => AutonomyRules.Record(state, Unit, Service("2017-01-01")));

        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
    }

    [Fact]
    public void LeavingTheRegimes_NeedsAStatusToEnd()
    {
        var ex = Assert.Throws<DomainException>(() => AutonomyRules.Record(null, Unit, None("2016-01-01")));
        var state = AutonomyRules.Record(null, Unit, Service("2016-01-01"))!;
        var left = AutonomyRules.Record(state, Unit, None("2019-01-01"))!;
        var twice = Assert.Throws<DomainException>(() => AutonomyRules.Record(left, Unit, None("2020-01-01")));

        Assert.Equal("status.regime", Assert.Single(ex.Violations).Field);
        Assert.Equal(ErrorKind.FailedPrecondition, twice.Kind);
        Assert.Equal(new DateOnly(2018, 12, 31), left.EffectiveTo(0));
    }
}
