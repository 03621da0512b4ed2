using Cchc.Contracts.Events.Procedures;

namespace Cchc.Procedures.Api.Domain;

/// <summary>The snapshots the integration events carry (consumers upsert them and ignore older versions).</summary>
public static class EventStates
{
    public static DossierState ToEventState(this DossierFacts d, int version) => new()
    {
        DossierId = d.DossierId,
        Version = version,
        ProcedureCode = d.ProcedureCode,
        ReceivingUnit = d.ReceivingUnit,
        UnitLevel = d.UnitLevel,
        Channel = d.Channel,
        Status = d.Status,
        ReceivedAt = d.ReceivedAt,
        DueAt = d.DueAt,
        ClosedAt = d.ClosedAt,
        ProcessedElectronically = d.ProcessedElectronically,
    };

    public static FeedbackState ToEventState(this FeedbackFacts f, int version) => new()
    {
        FeedbackId = f.FeedbackId,
        Version = version,
        ProcedureCode = f.ProcedureCode,
        ReceivedAt = f.ReceivedAt,
        ResolvedAt = f.ResolvedAt,
        PublishedAt = f.PublishedAt,
    };

    public static ProcedureVersion ToEventVersion(this ProcedureState p) => new()
    {
        Code = p.Code,
        Version = p.Version,
        EffectiveFrom = p.EffectiveFrom,
        Name = p.Definition.Name,
        Field = p.Definition.Field,
        Level = p.Definition.Level,
        ResolvingUnit = p.Definition.ResolvingUnit,
        ReceivingPlace = p.Definition.ReceivingPlace,
        InterAgencySameLevel = p.Definition.InterAgencySameLevel,
        InterAgencyBetweenLevels = p.Definition.InterAgencyBetweenLevels,
        FourOnTheSpot = p.Definition.FourOnTheSpot,
        OnlineLevel = p.Definition.OnlineLevel,
        DecisionNumber = p.Definition.DecisionNumber,
        DecisionDate = p.Definition.DecisionDate,
        InForceFrom = p.InForceFrom,
        AbolishedOn = p.AbolishedOn,
    };
}
