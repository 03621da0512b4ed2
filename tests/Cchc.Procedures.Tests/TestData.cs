using Cchc.Procedures.Api.Domain;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace Cchc.Procedures.Tests;

/// <summary>Valid requests to start from; each test changes what it is about.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset May2 = new(2019, 5, 2, 1, 30, 0, TimeSpan.Zero);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 33)];

    public static Timestamp At(DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static ProcedureAttributes Attributes(string name = "Đăng ký khai sinh") => new()
    {
        Name = name,
        Field = "Hộ tịch",
        Level = GovernmentLevel.Commune,
        ResolvingUnit = "UBND cấp xã",
        ReceivingPlace = ReceivingPlace.CommuneOneStop,
        InterAgencySameLevel = false,
        InterAgencyBetweenLevels = true,
        FourOnTheSpot = false,
        OnlineLevel = OnlineServiceLevel._3,
    };

    public static CreateProcedureRequest Create(string code, string inForceFrom = "2018-01-01") => new()
    {
        Code = code,
        Attributes = Attributes(),
        Publication = new Publication { DecisionNumber = "1234/QĐ-UBND", DecisionDate = "2017-12-20" },
        InForceFrom = inForceFrom,
    };

    public static AmendProcedureRequest Amend(string code, string effectiveFrom, string name = "Đăng ký khai sinh (sửa đổi)") => new()
    {
        Code = code,
        Attributes = Attributes(name),
        Publication = new Publication { DecisionNumber = "99/QĐ-UBND", DecisionDate = "2019-01-02" },
        EffectiveFrom = effectiveFrom,
    };

    public static ReceiveDossierRequest Receive(string dossierId, string procedureCode, DateTimeOffset? receivedAt = null) => new()
    {
        DossierId = dossierId,
        ProcedureCode = procedureCode,
        ReceivingUnit = "UBND xã Bản Lang",
        UnitLevel = GovernmentLevel.Commune,
        Channel = DossierChannel.InPerson,
        ReceivedAt = At(receivedAt ?? May2),
        DueAt = At((receivedAt ?? May2).AddDays(3)),
    };

    public static DossierRecord Record(string dossierId, string procedureCode, int n = 0)
    {
        var received = May2.AddMinutes(n);
        return new DossierRecord
        {
            DossierId = dossierId,
            ProcedureCode = procedureCode,
            ReceivingUnit = $"Bộ phận Một cửa huyện {n % 8}",
            UnitLevel = GovernmentLevel.District,
            Channel = n % 3 == 0 ? DossierChannel.Online : DossierChannel.InPerson,
            ReceivedAt = At(received),
            DueAt = At(received.AddDays(5)),
            Status = DossierStatus.Resolved,
            ClosedAt = At(received.AddDays(n % 7)),
        };
    }

    public static DossierFacts Facts(string id = "HS-1") => new(
        id, "1.001", "UBND xã", Contracts.Events.Procedures.GovernmentLevel.Commune, Contracts.Events.Procedures.DossierChannel.Online,
        May2, May2.AddDays(3), Contracts.Events.Procedures.DossierStatus.Received, null);
}

/// <summary>A clock standing still at a given instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
