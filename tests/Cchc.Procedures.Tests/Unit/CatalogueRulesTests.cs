using Cchc.Procedures.Api.Domain;

namespace Cchc.Procedures.Tests.Unit;

public sealed class CatalogueRulesTests
{
    private static readonly CreateProcedureCommand Announcement = ProcedureValidation.Create(TestData.Create("1.001", "2018-01-01"));
    private static readonly ProcedureState First = CatalogueRules.Announce(Announcement);

    private static AmendProcedureCommand Amendment(string effectiveFrom, string name = "Tên mới") =>
        ProcedureValidation.Amend(TestData.Amend("1.001", effectiveFrom, name));

    private static AbolishProcedureCommand Abolition(string abolishedOn, string decision = "5/QĐ-UBND") =>
        ProcedureValidation.Abolish(new() { Code = "1.001", AbolishedOn = abolishedOn, Publication = new() { DecisionNumber = decision } });

    [Fact]
    public void Announce_IsVersionOneEffectiveFromTheDayItEntersIntoForce()
    {
        Assert.Equal(1, First.Version);
        Assert.Equal(new DateOnly(2018, 1, 1), First.EffectiveFrom);
        Assert.Equal(First.EffectiveFrom, First.InForceFrom);
        Assert.Null(First.AbolishedOn);
        Assert.Equal("1234/QĐ-UBND", First.Definition.DecisionNumber);
    }

    [Fact]
    public void EnsureSameAnnouncement_SameContent_Passes()
    {
        CatalogueRules.EnsureSameAnnouncement(First, Announcement);
    }

    [Fact]
    public void EnsureSameAnnouncement_OtherName_IsAlreadyExistsNamingTheField()
    {
        var other = Announcement with { Definition = Announcement.Definition with { Name = "Khác" } };

        var ex = Assert.Throws<DomainException>(() => CatalogueRules.EnsureSameAnnouncement(First, other));

        Assert.Equal(ErrorKind.AlreadyExists, ex.Kind);
        Assert.Equal("attributes.name", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void EnsureSameAnnouncement_OtherInForceDay_IsAlreadyExists()
    {
        var ex = Assert.Throws<DomainException>(() =>
            CatalogueRules.EnsureSameAnnouncement(First, Announcement with { InForceFrom = new DateOnly(2018, 1, 2) }));
        Assert.Equal("in_force_from", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Amend_RecordsTheNextVersionFromItsDay()
    {
        var second = CatalogueRules.Amend(First, Amendment("2019-06-01"))!;

        Assert.Equal(2, second.Version);
        Assert.Equal(new DateOnly(2019, 6, 1), second.EffectiveFrom);
        Assert.Equal(First.InForceFrom, second.InForceFrom);
        Assert.Equal("Tên mới", second.Definition.Name);
    }

    [Fact]
    public void Amend_OnTheSameDayAsTheCurrentVersion_IsAllowed()
    {
        Assert.Equal(2, CatalogueRules.Amend(First, Amendment("2018-01-01"))!.Version);
    }

    [Fact]
    public void Amend_EffectiveBeforeTheCurrentVersion_FailsPrecondition()
    {
        var second = CatalogueRules.Amend(First, Amendment("2019-06-01"))!;

        var ex = Assert.Throws<DomainException>(() => CatalogueRules.Amend(second, Amendment("2019-05-31", "Khác")));

        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("effective_from", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Amend_EffectiveBeforeTheProcedureEntersIntoForce_FailsPrecondition()
    {
        var ex = Assert.Throws<DomainException>(() => CatalogueRules.Amend(First, Amendment("2017-12-31")));

        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("effective_from", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Amend_RepeatingTheCurrentVersionExactly_IsARetryWithNothingToWrite()
    {
        var second = CatalogueRules.Amend(First, Amendment("2019-06-01"))!;
        Assert.Null(CatalogueRules.Amend(second, Amendment("2019-06-01")));
    }

    [Fact]
    public void Amend_AbolishedProcedure_FailsPreconditionOnCode()
    {
        var abolished = CatalogueRules.Abolish(First, Abolition("2020-01-01"))!;

        var ex = Assert.Throws<DomainException>(() => CatalogueRules.Amend(abolished, Amendment("2020-06-01")));

        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("code", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Abolish_RecordsAVersionEffectiveFromTheAbolitionKeepingTheAttributes()
    {
        var abolished = CatalogueRules.Abolish(First, Abolition("2020-01-01"))!;

        Assert.Equal(2, abolished.Version);
        Assert.Equal(new DateOnly(2020, 1, 1), abolished.AbolishedOn);
        Assert.Equal(abolished.AbolishedOn, abolished.EffectiveFrom);
        Assert.Equal(First.Definition.Name, abolished.Definition.Name);
        Assert.Equal("5/QĐ-UBND", abolished.Definition.DecisionNumber);
        Assert.Null(abolished.Definition.DecisionDate);
    }

    [Fact]
    public void Abolish_BeforeTheProcedureEntersIntoForce_FailsPrecondition()
    {
        var ex = Assert.Throws<DomainException>(() => CatalogueRules.Abolish(First, Abolition("2017-12-31")));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("abolished_on", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Abolish_BeforeTheCurrentVersion_FailsPrecondition()
    {
        var second = CatalogueRules.Amend(First, Amendment("2019-06-01"))!;
        var ex = Assert.Throws<DomainException>(() => CatalogueRules.Abolish(second, Abolition("2019-05-01")));
        Assert.Equal("abolished_on", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Abolish_AnAbolishedProcedureAgain_IsARetryWhenIdenticalAndFailsOtherwise()
    {
        var abolished = CatalogueRules.Abolish(First, Abolition("2020-01-01"))!;

        Assert.Null(CatalogueRules.Abolish(abolished, Abolition("2020-01-01")));
        var otherDay = Assert.Throws<DomainException>(() => CatalogueRules.Abolish(abolished, Abolition("2020-02-01")));
        var otherDecision = Assert.Throws<DomainException>(() => CatalogueRules.Abolish(abolished, Abolition("2020-01-01", "6/QĐ-UBND")));
        Assert.Equal(ErrorKind.FailedPrecondition, otherDay.Kind);
        Assert.Equal(ErrorKind.FailedPrecondition, otherDecision.Kind);
    }
}
