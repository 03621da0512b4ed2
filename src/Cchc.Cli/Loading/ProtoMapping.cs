using System.Globalization;
using Cchc.Cli.Demo;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Cchc.Cli.Loading;

/// <summary>Maps the generator's records to the procedures API's messages (the enums share their numbers by contract).</summary>
internal static class ProtoMapping
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ProcedureAttributes ToProto(ProcedureSpec spec) => new()
    {
        Name = spec.Name,
        Field = spec.Field,
        Level = (GovernmentLevel)(int)spec.Level,
        ResolvingUnit = spec.ResolvingUnit,
        ReceivingPlace = (ReceivingPlace)(int)spec.Place,
        InterAgencySameLevel = spec.InterAgencySameLevel,
        InterAgencyBetweenLevels = spec.InterAgencyBetweenLevels,
        FourOnTheSpot = spec.FourOnTheSpot,
        OnlineLevel = (OnlineServiceLevel)(int)spec.OnlineLevel,
    };

    public static Publication ToProto(Decision decision) => new() { DecisionNumber = decision.Number, DecisionDate = Day(decision.Date) };

    public static DossierRecord ToProto(DemoDossier d)
    {
        var record = new DossierRecord
        {
            DossierId = d.DossierId,
            ProcedureCode = d.ProcedureCode,
            ReceivingUnit = d.ReceivingUnit,
            UnitLevel = (GovernmentLevel)(int)d.UnitLevel,
            Channel = (DossierChannel)(int)d.Channel,
            ReceivedAt = Timestamp.FromDateTimeOffset(d.ReceivedAt),
            DueAt = Timestamp.FromDateTimeOffset(d.DueAt),
            Status = (DossierStatus)(int)d.Status,
        };
        if (d.ClosedAt is { } closed) record.ClosedAt = Timestamp.FromDateTimeOffset(closed);
        if (d.ProcessedElectronically is { } electronic) record.ProcessedElectronically = electronic;
        return record;
    }
}
