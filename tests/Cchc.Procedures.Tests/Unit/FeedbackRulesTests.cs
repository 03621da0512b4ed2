using Cchc.Procedures.Api.Domain;
using Cchc.Procedures.Api.Grpc;

namespace Cchc.Procedures.Tests.Unit;

public sealed class FeedbackRulesTests
{
    private static readonly FeedbackFacts Received = new("PA-1", null, "Chậm trả kết quả", TestData.May2, null, null);

    [Fact]
    public void Resolve_ThenPublish_RecordsBothInstants()
    {
        var resolved = FeedbackRules.Resolve(Received, TestData.May2.AddDays(1))!;
        var published = FeedbackRules.Publish(resolved, TestData.May2.AddDays(2))!;

        Assert.Equal(TestData.May2.AddDays(1), published.ResolvedAt);
        Assert.Equal(TestData.May2.AddDays(2), published.PublishedAt);
    }

    [Fact]
    public void Resolve_BeforeReceipt_IsAnInvalidAt()
    {
        var ex = Assert.Throws<DomainException>(() => FeedbackRules.Resolve(Received, TestData.May2.AddTicks(-10)));
        Assert.Equal([new FieldViolation("at", Messages.StepBeforeReceived)], ex.Violations);
    }

    [Fact]
    public void Resolve_Twice_IsARetryWhenIdenticalAndFailsOtherwise()
    {
        var resolved = FeedbackRules.Resolve(Received, TestData.May2.AddDays(1))!;

        Assert.Null(FeedbackRules.Resolve(resolved, TestData.May2.AddDays(1)));
        Assert.Equal(ErrorKind.FailedPrecondition,
            Assert.Throws<DomainException>(() => FeedbackRules.Resolve(resolved, TestData.May2.AddDays(2))).Kind);
    }

    [Fact]
    public void Publish_BeforeResolution_FailsPrecondition()
    {
        var ex = Assert.Throws<DomainException>(() => FeedbackRules.Publish(Received, TestData.May2.AddDays(1)));
        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("feedback_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Publish_AtAnInstantBeforeTheResolution_IsAnInvalidAt()
    {
        var resolved = FeedbackRules.Resolve(Received, TestData.May2.AddDays(1))!;
        var ex = Assert.Throws<DomainException>(() => FeedbackRules.Publish(resolved, TestData.May2.AddHours(1)));
        Assert.Equal([new FieldViolation("at", Messages.PublishedBeforeResolved)], ex.Violations);
    }

    [Fact]
    public void Receive_EmptyProcedureCodeMeansNone_AndSubjectIsRequired()
    {
        var facts = FeedbackValidation.Receive(new ReceiveFeedbackRequest { FeedbackId = "PA-1", Subject = "x", ReceivedAt = TestData.At(TestData.May2) });
        Assert.Null(facts.ProcedureCode);

        var ex = Assert.Throws<DomainException>(() => FeedbackValidation.Receive(new ReceiveFeedbackRequest { FeedbackId = "PA-1" }));
        Assert.Equal(["subject", "received_at"], ex.Violations.Select(v => v.Field));
    }
}
