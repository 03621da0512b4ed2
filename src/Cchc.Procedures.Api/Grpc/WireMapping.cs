using Cchc.Procedures.Api.Data;
using Cchc.Procedures.Api.Domain;

namespace Cchc.Procedures.Api.Grpc;

/// <summary>Stored state → wire messages (enum numbers are shared by the contract and the proto); the gRPC services use them unqualified (GlobalUsings.cs).</summary>
internal static class WireMapping
{
    public static Procedure MapToProcedure(ProcedureSnapshot p)
    {
        var procedure = new Procedure
        {
            Code = p.Code,
            Version = p.Version,
            Attributes = new ProcedureAttributes
            {
                Name = p.Name,
                Field = p.Field,
                Level = (GovernmentLevel)(int)p.Level,
                ResolvingUnit = p.ResolvingUnit,
                ReceivingPlace = (ReceivingPlace)(int)p.ReceivingPlace,
                InterAgencySameLevel = p.InterAgencySameLevel,
                InterAgencyBetweenLevels = p.InterAgencyBetweenLevels,
                FourOnTheSpot = p.FourOnTheSpot,
                OnlineLevel = (OnlineServiceLevel)(int)p.OnlineLevel,
            },
            InForceFrom = IsoDate.Format(p.InForceFrom),
            AbolishedOn = IsoDate.Format(p.AbolishedOn),
            EffectiveFrom = IsoDate.Format(p.EffectiveFrom),
            RecordedAt = Instant.ToTimestamp(p.RecordedAt),
        };
        if (p.DecisionNumber is not null || p.DecisionDate is not null)
        {
            procedure.Publication = new Publication { DecisionNumber = p.DecisionNumber ?? string.Empty, DecisionDate = IsoDate.Format(p.DecisionDate) };
        }
        return procedure;
    }

    public static Dossier MapToDossier(DossierEntity d) => new Dossier()
    {
        Record = new DossierRecord
        {
            DossierId = d.DossierId,
            ProcedureCode = d.ProcedureCode,
            ReceivingUnit = d.ReceivingUnit,
            UnitLevel = (GovernmentLevel)(int)d.UnitLevel,
            Channel = (DossierChannel)(int)d.Channel,
            ReceivedAt = Instant.ToTimestamp(d.ReceivedAt),
            DueAt = Instant.ToTimestamp(d.DueAt),
            Status = (DossierStatus)(int)d.Status,
            ClosedAt = Instant.ToTimestamp(d.ClosedAt),
        },
        OnTime = DossierRules.IsOnTime(d.Status, d.ClosedAt, d.DueAt),
        Version = d.Version,
    }.WithElectronicFlag(d.ProcessedElectronically);

    public static Feedback MapToFeedback(FeedbackEntity f) => new()
    {
        FeedbackId = f.FeedbackId,
        ProcedureCode = f.ProcedureCode ?? string.Empty,
        Subject = f.Subject,
        ReceivedAt = Instant.ToTimestamp(f.ReceivedAt),
        ResolvedAt = Instant.ToTimestamp(f.ResolvedAt),
        PublishedAt = Instant.ToTimestamp(f.PublishedAt),
        Version = f.Version,
    };

    /// <summary>Sets processed_electronically only when the sender said it (the field is optional on the wire).</summary>
    public static Dossier WithElectronicFlag(this Dossier dossier, bool? processedElectronically)
    {
        if (processedElectronically is { } flag)
        {
            dossier.Record.ProcessedElectronically = flag;
        }
        return dossier;
    }
}
