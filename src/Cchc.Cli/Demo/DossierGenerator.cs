using Cchc.Contracts;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>
/// Generates a period's dossiers lazily, day by day in order of receipt, following its <see cref="PeriodPlan"/>:
/// each dossier is for a procedure of its unit's level in force on the day it is received, due a number of
/// working days later (the procedure's prescribed time), and resolved on or before its due date unless the plan
/// makes it one of the period's late ones (resolved 1–5 working days after it). Each period has its own random
/// stream, so any period can be generated without the others.
/// </summary>
internal sealed class DossierGenerator(CatalogueSnapshots catalogue)
{
    private static readonly TimeSpan EndOfOfficeDay = new(17, 0, 0);

    public IEnumerable<DemoDossier> Generate(PeriodPlan plan)
    {
        var random = new DemoRandom(DemoRandom.Hash((ulong)plan.Period.Year, 0xD0551E5));
        var days = plan.WorkingDays;
        var levels = plan.Levels;
        var index = new int[levels.Count];
        var eligibleRank = new long[levels.Count];
        var buffer = new List<Draft>(4096);
        var sequence = 0;
        for (var d = 0; d < days.Count; d++)
        {
            buffer.Clear();
            for (var l = 0; l < levels.Count; l++)
            {
                var level = levels[l];
                var snapshot = catalogue.At(days[d], level.Level);
                for (var i = 0; i < level.PerDay[d]; i++, index[l]++)
                {
                    var status = PeriodPlan.StatusOf(plan.Period.Year, level.Level, index[l], plan.StillOpenWindow(d));
                    var late = false;
                    if (status == DossierStatus.Resolved && d <= plan.LastLateEligibleDay)
                    {
                        var k = eligibleRank[l]++;
                        late = (k + 1) * level.Late / level.LateEligible > k * level.Late / level.LateEligible;
                    }
                    buffer.Add(Make(random, plan, d, level.Level, snapshot, status, late, index[l]));
                }
            }
            buffer.Sort(static (a, b) => a.ReceivedAt != b.ReceivedAt ? a.ReceivedAt.CompareTo(b.ReceivedAt)
                : a.Level != b.Level ? a.Level.CompareTo(b.Level) : a.Index.CompareTo(b.Index));
            foreach (var x in buffer)
            {
                yield return new DemoDossier(PeriodPlan.DossierId(plan.Period.Year, ++sequence), x.ProcedureCode, x.Unit, x.Level,
                    x.Channel, x.ReceivedAt, x.DueAt, x.Status, x.ClosedAt);
            }
        }
    }

    private static Draft Make(DemoRandom random, PeriodPlan plan, int d, GovernmentLevel level, LevelSnapshot snapshot,
        DossierStatus status, bool late, int index)
    {
        var days = plan.WorkingDays;
        var last = days.Count - 1;
        var p = snapshot.Draw(random.NextDouble());
        var processingDays = snapshot.ProcessingDays(p);
        var receivedAt = At(days[d], random.Chance(0.6) ? random.Next(450, 690) : random.Next(810, 1020), random);
        var dueDay = d + processingDays <= last ? days[d + processingDays] : WorkingCalendar.AddWorkingDays(days[d], processingDays);
        var dueAt = VietnamCalendar.StartOfDay(dueDay) + EndOfOfficeDay;
        DateTimeOffset? closedAt = status switch
        {
            DossierStatus.Received => null,
            DossierStatus.Resolved when late => At(days[d + processingDays + random.Next(1, 6)], random.Next(450, 1020), random),
            DossierStatus.Resolved => CloseBetween(random, days, d, Math.Min(d + processingDays, last), receivedAt),
            _ => CloseBetween(random, days, d, Math.Min(d + 3, last), receivedAt),
        };
        var unit = level switch
        {
            GovernmentLevel.Province => snapshot.Unit(p),
            GovernmentLevel.District => LaiChauUnits.DistrictUnits[random.Next(LaiChauUnits.DistrictUnits.Length)],
            // Only communes that exist on the day received (108 before the 2020 merger, 106 after): the counts by level
            // do not depend on which commune, so Appendix 3 is unchanged.
            _ => Pick(random, LaiChauUnits.CommuneUnitsOn(days[d])),
        };
        var online = snapshot.Online(p) switch { OnlineServiceLevel.Level4 => 0.45, OnlineServiceLevel.Level3 => 0.25, _ => 0.0 };
        var u = random.NextDouble();
        var channel = u < online ? DossierChannel.Online : u > 0.975 ? DossierChannel.PublicPostal : DossierChannel.InPerson;
        return new Draft(snapshot.Code(p), unit, level, channel, receivedAt, dueAt, status, closedAt, index);
    }

    private static string Pick(DemoRandom random, string[] units) => units[random.Next(units.Length)];

    /// <summary>Closed on a working day from the day received to <paramref name="latest"/>, mostly early (processing times are cut on average).</summary>
    private static DateTimeOffset CloseBetween(DemoRandom random, IReadOnlyList<DateOnly> days, int from, int latest, DateTimeOffset receivedAt)
    {
        var span = latest - from;
        var day = from + (int)(span * Math.Pow(random.NextDouble(), 1.6) + 0.5);
        return day == from ? receivedAt.AddMinutes(random.Next(10, 180)) : At(days[day], random.Next(450, 1020), random);
    }

    /// <summary>A local instant on <paramref name="day"/>, <paramref name="minuteOfDay"/> minutes after midnight plus some seconds.</summary>
    private static DateTimeOffset At(DateOnly day, int minuteOfDay, DemoRandom random) =>
        VietnamCalendar.StartOfDay(day).AddMinutes(minuteOfDay).AddSeconds(random.Next(60));

    private readonly record struct Draft(string ProcedureCode, string Unit, GovernmentLevel Level, DossierChannel Channel,
        DateTimeOffset ReceivedAt, DateTimeOffset DueAt, DossierStatus Status, DateTimeOffset? ClosedAt, int Index);
}
