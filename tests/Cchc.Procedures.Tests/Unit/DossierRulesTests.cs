using Cchc.Contracts.Events.Procedures;
using Cchc.Procedures.Api.Domain;

namespace Cchc.Procedures.Tests.Unit;

public sealed class DossierRulesTests
{
    private static readonly DossierFacts Received = TestData.Facts();

    [Fact]
    public void ResolveDossier_OnTheDueInstant_CountsAsOnTime()
    {
        var resolved = DossierRules.Close(Received, DossierStatus.Resolved, Received.DueAt)!;
        Assert.True(resolved.OnTime);
    }

    [Fact]
    public void ResolveDossier_AfterDueDate_CountsAsLate()
    {
        var resolved = DossierRules.Close(Received, DossierStatus.Resolved, Received.DueAt.AddTicks(10))!;
        Assert.False(resolved.OnTime);
    }

    [Theory]
    [InlineData(DossierStatus.Received)]
    [InlineData(DossierStatus.Returned)]
    [InlineData(DossierStatus.Withdrawn)]
    public void IsOnTime_OnlyResolvedDossiersCount(DossierStatus status)
    {
        Assert.False(DossierRules.IsOnTime(status, TestData.May2, TestData.May2.AddDays(1)));
        Assert.True(DossierRules.IsOnTime(DossierStatus.Resolved, TestData.May2, TestData.May2.AddDays(1)));
    }

    [Fact]
    public void Close_ReceivedDossier_SetsStatusAndClosedAt()
    {
        var closedAt = TestData.May2.AddDays(1);

        var returned = DossierRules.Close(Received, DossierStatus.Returned, closedAt);

        Assert.Equal(Received with { Status = DossierStatus.Returned, ClosedAt = closedAt }, returned);
    }

    [Fact]
    public void Close_ExactlyTheCloseAlreadyRecorded_IsARetryWithNothingToWrite()
    {
        var closedAt = TestData.May2.AddDays(1);
        var resolved = DossierRules.Close(Received, DossierStatus.Resolved, closedAt)!;

        Assert.Null(DossierRules.Close(resolved, DossierStatus.Resolved, closedAt));
    }

    [Fact]
    public void Close_ResolvedDossierAgainAtAnotherTime_FailsPrecondition()
    {
        var resolved = DossierRules.Close(Received, DossierStatus.Resolved, TestData.May2.AddDays(1))!;

        var ex = Assert.Throws<DomainException>(() => DossierRules.Close(resolved, DossierStatus.Resolved, TestData.May2.AddDays(2)));

        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
        Assert.Equal("dossier_id", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Close_ResolvedDossierAsWithdrawn_FailsPrecondition()
    {
        var closedAt = TestData.May2.AddDays(1);
        var resolved = DossierRules.Close(Received, DossierStatus.Resolved, closedAt)!;

        var ex = Assert.Throws<DomainException>(() => DossierRules.Close(resolved, DossierStatus.Withdrawn, closedAt));

        Assert.Equal(ErrorKind.FailedPrecondition, ex.Kind);
    }

    [Fact]
    public void Close_BeforeReceipt_IsAnInvalidClosedAt()
    {
        var ex = Assert.Throws<DomainException>(() => DossierRules.Close(Received, DossierStatus.Resolved, Received.ReceivedAt.AddTicks(-10)));

        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal([new FieldViolation("closed_at", Messages.ClosedBeforeReceived)], ex.Violations);
    }

    [Fact]
    public void FirstDifference_NamesTheFirstDifferingWireField()
    {
        Assert.Null(Received.FirstDifference(Received with { }));
        Assert.Equal("receiving_unit", Received.FirstDifference(Received with { ReceivingUnit = "x", DueAt = TestData.May2 }));
        Assert.Equal("due_at", Received.FirstDifference(Received with { DueAt = TestData.May2 }));
        Assert.Equal("status", Received.FirstDifference(Received with { Status = DossierStatus.Resolved }));
    }

    [Fact]
    public void FirstDifference_WithoutClosure_IgnoresWhatHappenedAfterReceipt()
    {
        var resolved = Received with { Status = DossierStatus.Resolved, ClosedAt = TestData.May2.AddDays(1) };
        Assert.Null(resolved.FirstDifference(Received, includeClosure: false));
        Assert.Equal("status", resolved.FirstDifference(Received));
    }
}
