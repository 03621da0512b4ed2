using Cchc.Contracts.Events.Procedures;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// A random but reproducible history of procedures (announced, amended, abolished), dossiers (each state
/// change a new version, some closed dossiers corrected afterwards) and feedback, with instants spread over
/// the whole UTC day so that local-day boundaries (UTC+7) matter.
/// </summary>
internal sealed class Scenario
{
    private static readonly DateOnly Start = new(2018, 6, 1);
    private readonly Random _random;

    public Scenario(int seed, int procedures, int dossiers, int feedback)
    {
        _random = new Random(seed);
        Versions = Enumerable.Range(1, procedures).SelectMany(i => ProcedureHistory($"P{i:0000}")).ToList();
        DossierStates = Enumerable.Range(1, dossiers).SelectMany(i => DossierHistory($"HS-{i:000000}")).ToList();
        FeedbackStates = Enumerable.Range(1, feedback).SelectMany(i => FeedbackHistory($"PAKN-{i:0000}")).ToList();
    }

    public List<ProcedureVersion> Versions { get; }

    public List<DossierState> DossierStates { get; }

    public List<FeedbackState> FeedbackStates { get; }

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    private DateOnly Day(DateOnly from, int days) => from.AddDays(_random.Next(days));

    private DateTimeOffset Instant(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(_random.Next(24 * 60));

    private IEnumerable<ProcedureVersion> ProcedureHistory(string code)
    {
        var inForceFrom = Day(Start, 900);
        var first = new ProcedureVersion
        {
            Code = code,
            Version = 1,
            EffectiveFrom = inForceFrom.AddDays(-_random.Next(0, 20)),
            Name = "Thủ tục " + code,
            Field = Pick("Đất đai", "Hộ tịch", "Xây dựng"),
            Level = Pick(GovernmentLevel.Province, GovernmentLevel.Province, GovernmentLevel.District, GovernmentLevel.Commune),
            ResolvingUnit = "Sở Tư pháp",
            ReceivingPlace = Pick(ReceivingPlace.ProvincialCentre, ReceivingPlace.DistrictOneStop, ReceivingPlace.CommuneOneStop, ReceivingPlace.Other),
            InterAgencySameLevel = _random.Next(4) == 0,
            InterAgencyBetweenLevels = _random.Next(5) == 0,
            FourOnTheSpot = _random.Next(3) == 0,
            OnlineLevel = Pick(OnlineServiceLevel.None, OnlineServiceLevel.Level3, OnlineServiceLevel.Level4),
            InForceFrom = inForceFrom,
        };
        yield return first;
        var last = first;
        if (_random.Next(3) == 0)
        {
            last = last with
            {
                Version = 2,
                EffectiveFrom = Day(last.EffectiveFrom.AddDays(1), 400),
                Level = Pick(GovernmentLevel.Province, GovernmentLevel.District, GovernmentLevel.Commune),
                ReceivingPlace = Pick(ReceivingPlace.ProvincialCentre, ReceivingPlace.DistrictOneStop, ReceivingPlace.CommuneOneStop),
                InterAgencySameLevel = !last.InterAgencySameLevel,
                FourOnTheSpot = !last.FourOnTheSpot,
            };
            yield return last;
        }
        if (_random.Next(5) == 0)
        {
            var abolishedOn = Day(last.EffectiveFrom.AddDays(1), 500);
            yield return last with { Version = last.Version + 1, EffectiveFrom = abolishedOn, AbolishedOn = abolishedOn };
        }
    }

    private IEnumerable<DossierState> DossierHistory(string id)
    {
        var receivedAt = Instant(Day(Start, 800));
        var received = new DossierState
        {
            DossierId = id,
            Version = 1,
            ProcedureCode = $"P{_random.Next(1, 100):0000}",
            ReceivingUnit = "Đơn vị " + _random.Next(20),
            UnitLevel = Pick(GovernmentLevel.Province, GovernmentLevel.District, GovernmentLevel.Commune),
            Channel = Pick(DossierChannel.InPerson, DossierChannel.Online),
            Status = DossierStatus.Received,
            ReceivedAt = receivedAt,
            DueAt = receivedAt.AddDays(_random.Next(1, 15)),
        };
        yield return received;
        var roll = _random.Next(100);
        if (roll < 8)
        {
            yield break;
        }
        var status = roll < 84 ? DossierStatus.Resolved : roll < 93 ? DossierStatus.Returned : DossierStatus.Withdrawn;
        // Mostly on time, some late, some within hours of the due instant.
        var closedAt = _random.Next(10) == 0
            ? received.DueAt.AddHours(_random.Next(-6, 30))
            : received.ReceivedAt.AddMinutes(_random.Next(10, (int)(received.DueAt - received.ReceivedAt).TotalMinutes));
        var closed = received with { Version = 2, Status = status, ClosedAt = closedAt };
        yield return closed;
        if (_random.Next(8) == 0)
        {
            // A correction of a closed dossier: another closing day, sometimes another outcome.
            yield return closed with
            {
                Version = 3,
                Status = Pick(DossierStatus.Resolved, DossierStatus.Resolved, DossierStatus.Returned),
                ClosedAt = closedAt.AddHours(_random.Next(-48, 48)),
            };
        }
    }

    private IEnumerable<FeedbackState> FeedbackHistory(string id)
    {
        var received = new FeedbackState { FeedbackId = id, Version = 1, ReceivedAt = Instant(Day(Start, 800)) };
        yield return received;
        if (_random.Next(4) == 0)
        {
            yield break;
        }
        var resolved = received with { Version = 2, ResolvedAt = received.ReceivedAt.AddHours(_random.Next(1, 24 * 40)) };
        yield return resolved;
        if (_random.Next(3) > 0)
        {
            yield return resolved with { Version = 3, PublishedAt = resolved.ResolvedAt!.Value.AddHours(_random.Next(1, 24 * 10)) };
        }
    }
}
