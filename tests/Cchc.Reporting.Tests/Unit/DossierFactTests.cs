using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Procedures;

namespace Cchc.Reporting.Tests.Unit;

public sealed class DossierFactTests
{
    private static readonly DateTimeOffset Due = new(2019, 12, 31, 17, 0, 0, TimeSpan.FromHours(7));

    private static DossierState State(DossierStatus status, DateTimeOffset? closedAt) => new()
    {
        DossierId = "HS-1",
        Version = 2,
        ProcedureCode = "1.000001",
        ReceivingUnit = "UBND huyện Tam Đường",
        UnitLevel = GovernmentLevel.District,
        Channel = DossierChannel.Online,
        Status = status,
        ReceivedAt = new DateTimeOffset(2019, 12, 20, 1, 30, 0, TimeSpan.Zero),
        DueAt = Due,
        ClosedAt = closedAt,
    };

    [Fact]
    public void ResolvedLateEveningUtc_CountsOnTheNextVietnamDay()
    {
        var fact = DossierFactWriter.ToFact(State(DossierStatus.Resolved, new DateTimeOffset(2019, 12, 31, 20, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2020, 1, 1), fact.ClosedOn);
        Assert.Equal(new DateOnly(2019, 12, 20), fact.ReceivedOn);
    }

    [Fact]
    public void ResolvedExactlyAtTheDueInstant_IsOnTime()
    {
        Assert.True(DossierFactWriter.ToFact(State(DossierStatus.Resolved, Due)).OnTime);
    }

    [Fact]
    public void ResolvedAfterTheDueInstant_IsLate()
    {
        Assert.False(DossierFactWriter.ToFact(State(DossierStatus.Resolved, Due.AddSeconds(1))).OnTime);
    }

    [Theory]
    [InlineData(DossierStatus.Returned)]
    [InlineData(DossierStatus.Withdrawn)]
    public void ClosedOtherwiseThanResolved_HasNoOnTimeFlag(DossierStatus status)
    {
        var fact = DossierFactWriter.ToFact(State(status, Due.AddDays(-1)));
        Assert.Null(fact.OnTime);
        Assert.Equal(new DateOnly(2019, 12, 30), fact.ClosedOn);
    }

    [Fact]
    public void StillReceived_IsNotClosed()
    {
        var fact = DossierFactWriter.ToFact(State(DossierStatus.Received, closedAt: null));
        Assert.Null(fact.ClosedAt);
        Assert.Null(fact.ClosedOn);
        Assert.Null(fact.OnTime);
    }
}
