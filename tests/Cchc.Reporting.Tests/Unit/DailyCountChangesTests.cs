using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Procedures;

namespace Cchc.Reporting.Tests.Unit;

public sealed class DailyCountChangesTests
{
    private static DossierFact Fact(DossierStatus status, DateOnly? closedOn, bool? onTime, GovernmentLevel level = GovernmentLevel.Commune) => new()
    {
        DossierId = "HS-1",
        ProcedureCode = "P1",
        ReceivingUnit = "UBND xã",
        UnitLevel = level,
        Status = status,
        ClosedOn = closedOn,
        OnTime = onTime,
    };

    [Fact]
    public void ReplacingAStateByItself_ChangesNothing()
    {
        var changes = new DailyCountChanges();
        var fact = Fact(DossierStatus.Resolved, new DateOnly(2019, 5, 2), onTime: true);
        changes.Remove(fact);
        changes.Add(fact);
        Assert.Empty(changes.NonZero());
    }

    [Fact]
    public void ResolvingAReceivedDossier_AddsOneResolvedAndOneOnTimeOnItsDay()
    {
        var changes = new DailyCountChanges();
        changes.Remove(Fact(DossierStatus.Received, null, null));
        changes.Add(Fact(DossierStatus.Resolved, new DateOnly(2019, 5, 2), onTime: true));
        var change = Assert.Single(changes.NonZero());
        Assert.Equal((new DateOnly(2019, 5, 2), GovernmentLevel.Commune, DossierStatus.Resolved), change.Key);
        Assert.Equal((1L, 1L, 0L), change.Value);
    }

    [Fact]
    public void MovingAResolvedDossierToAnotherDay_MovesItsCounts()
    {
        var changes = new DailyCountChanges();
        changes.Remove(Fact(DossierStatus.Resolved, new DateOnly(2019, 5, 2), onTime: false));
        changes.Add(Fact(DossierStatus.Resolved, new DateOnly(2019, 5, 3), onTime: false));
        Assert.Equal(
            [(new DateOnly(2019, 5, 2), -1L, 0L), (new DateOnly(2019, 5, 3), 1L, 0L)],
            changes.NonZero().Select(c => (c.Key.Day, c.Value.Dossiers, c.Value.OnTime)));
    }

    [Fact]
    public void Changes_AreOrderedByKey_SoConcurrentBatchesLockCountersAlike()
    {
        var changes = new DailyCountChanges();
        changes.Add(Fact(DossierStatus.Resolved, new DateOnly(2020, 1, 1), true, GovernmentLevel.Province));
        changes.Add(Fact(DossierStatus.Returned, new DateOnly(2019, 1, 1), null, GovernmentLevel.District));
        changes.Add(Fact(DossierStatus.Resolved, new DateOnly(2019, 1, 1), true, GovernmentLevel.Province));
        var keys = changes.NonZero().Select(c => c.Key).ToList();
        Assert.Equal(keys.Order(), keys);
    }
}
