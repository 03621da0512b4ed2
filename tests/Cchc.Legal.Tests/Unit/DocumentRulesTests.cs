using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;
using Cchc.Legal.Api.Domain;
using Cchc.ServiceKit;

namespace Cchc.Legal.Tests.Unit;

public sealed class DocumentRulesTests
{
    private static readonly DateOnly Signed = new(2015, 3, 1);

    private static DocumentState Doc(string id, DateOnly effective, params LifecycleChange[] events) =>
        new(id, new DocumentDefinition(DocumentKind.Decision, IssuingBody.PeoplesCommittee, GovernmentLevel.Province, "UBND tỉnh Lai Châu",
            "05/2015/QĐ-UBND", "Quy định", "Sở Tư pháp", Signed, effective, null, null), events, 1 + events.Length);

    private static LifecycleChange Change(LifecycleEventType type, DateOnly day, string? cause = null) => new(type, day, cause, null);

    [Fact]
    public void StatusOn_FollowsTheLifecycle_NotYetInForce_InForce_Amended_PartlyExpired_Repealed()
    {
        var d = Doc("A", new DateOnly(2015, 3, 11),
            Change(LifecycleEventType.Amended, new DateOnly(2016, 1, 1), "B"),
            Change(LifecycleEventType.PartlyExpired, new DateOnly(2017, 1, 1)),
            Change(LifecycleEventType.Repealed, new DateOnly(2018, 7, 1), "C"));

        Assert.Equal(DocumentStatus.NotYetInForce, d.StatusOn(new DateOnly(2015, 3, 10)));
        Assert.Equal(DocumentStatus.InForce, d.StatusOn(new DateOnly(2015, 3, 11)));
        Assert.Equal(DocumentStatus.InForce, d.StatusOn(new DateOnly(2016, 6, 1)));
        Assert.Equal(DocumentStatus.PartlyExpired, d.StatusOn(new DateOnly(2017, 1, 1)));
        Assert.Equal(DocumentStatus.PartlyExpired, d.StatusOn(new DateOnly(2018, 6, 30)));
        Assert.Equal(DocumentStatus.Expired, d.StatusOn(new DateOnly(2018, 7, 1)));
        Assert.Equal(new DateOnly(2018, 7, 1), d.ExpiredOn);
        Assert.Equal(new DateOnly(2017, 1, 1), d.PartlyExpiredOn);
    }

    [Fact]
    public void Record_RepealOfARepealedDocument_IsFailedPrecondition()
    {
        var repealed = Doc("A", new DateOnly(2015, 3, 11), Change(LifecycleEventType.Repealed, new DateOnly(2017, 1, 1), "B"));
        var cause = Doc("C", new DateOnly(2016, 1, 1));

        var ex = Assert.Throws<DomainException>(() =>
            DocumentRules.Record(repealed, "UBND tỉnh Lai Châu", Change(LifecycleEventType.Repealed, new DateOnly(2018, 1, 1), "C"), cause));

        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("document_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Record_TheSameEventAgain_ReturnsNull_AndAnAmendmentByAMissingOrExpiredDocument_IsRefused()
    {
        var target = Doc("A", new DateOnly(2015, 3, 11), Change(LifecycleEventType.Amended, new DateOnly(2016, 1, 1), "B"));
        var amender = Doc("B", new DateOnly(2015, 12, 1));
        Assert.Null(DocumentRules.Record(target, "UBND tỉnh Lai Châu", Change(LifecycleEventType.Amended, new DateOnly(2016, 1, 1), "B"), amender));

        var missing = Assert.Throws<DomainException>(() =>
            DocumentRules.Record(target, "UBND tỉnh Lai Châu", Change(LifecycleEventType.Amended, new DateOnly(2017, 1, 1), "X"), null));
        Assert.Equal(("event.caused_by", ErrorKind.FailedPrecondition), (missing.Violations[0].Field, missing.Kind));

        var expiredCause = Doc("E", new DateOnly(2015, 4, 1), Change(LifecycleEventType.WhollyExpired, new DateOnly(2016, 6, 1)));
        var notInForce = Assert.Throws<DomainException>(() =>
            DocumentRules.Record(target, "UBND tỉnh Lai Châu", Change(LifecycleEventType.Amended, new DateOnly(2017, 1, 1), "E"), expiredCause));
        Assert.Equal("event.caused_by", notInForce.Violations[0].Field);
    }

    [Fact]
    public void Record_BeforeTheLastEventOrBeforeInForce_OrByAnotherIssuer_IsRefused()
    {
        var target = Doc("A", new DateOnly(2015, 3, 11), Change(LifecycleEventType.PartlyExpired, new DateOnly(2016, 1, 1)));

        Assert.Equal("event.effective_on", Assert.Throws<DomainException>(() =>
            DocumentRules.Record(target, "UBND tỉnh Lai Châu", Change(LifecycleEventType.WhollyExpired, new DateOnly(2015, 12, 31)), null)).Violations[0].Field);
        Assert.Equal("event.effective_on", Assert.Throws<DomainException>(() =>
            DocumentRules.Record(Doc("A", new DateOnly(2015, 3, 11)), "UBND tỉnh Lai Châu", Change(LifecycleEventType.WhollyExpired, new DateOnly(2015, 3, 10)), null)).Violations[0].Field);
        Assert.Equal("issuer_unit", Assert.Throws<DomainException>(() =>
            DocumentRules.Record(target, "HĐND tỉnh Lai Châu", Change(LifecycleEventType.WhollyExpired, new DateOnly(2017, 1, 1)), null)).Violations[0].Field);
    }

    [Fact]
    public void Systematisation_CountsFromTheLifecycle()
    {
        DateOnly from = new(2014, 1, 1), to = new(2018, 12, 31);
        var documents = new[]
        {
            Doc("expired-before", new DateOnly(2010, 1, 1), Change(LifecycleEventType.Repealed, new DateOnly(2013, 12, 31), "x")),
            Doc("expired-on-from", new DateOnly(2010, 1, 1), Change(LifecycleEventType.Replaced, new DateOnly(2014, 1, 1), "x")),
            Doc("expired-inside", new DateOnly(2012, 1, 1), Change(LifecycleEventType.WhollyExpired, new DateOnly(2016, 5, 1))),
            Doc("partly", new DateOnly(2015, 3, 11), Change(LifecycleEventType.PartlyExpired, new DateOnly(2017, 1, 1))),
            Doc("in-force", new DateOnly(2015, 3, 11)),
            Doc("expires-after", new DateOnly(2015, 3, 11), Change(LifecycleEventType.Repealed, new DateOnly(2019, 2, 1), "x")),
            Doc("effective-after", new DateOnly(2019, 1, 5)),
        };
        var findings = new[] { ("in-force", new DateOnly(2016, 1, 1)), ("partly", new DateOnly(2019, 1, 1)), ("expired-before", new DateOnly(2014, 2, 1)) };

        var counts = Systematisation.Count(documents, findings, from, to);

        // In scope: in force on some day of the period: expired-inside, partly, in-force, expires-after (expired-on-from ends on its first day).
        Assert.Equal(new SystematisationCounts(InScope: 4, InForce: 3, WhollyExpired: 1, PartlyExpired: 1, NeedingAmendment: 1), counts);
    }
}
