using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>How many dossiers units of one level receive in a period, per working day, and how many of the resolved ones are late.</summary>
public sealed record LevelPlan(GovernmentLevel Level, int Received, int Resolved, int Late, int LateEligible, IReadOnlyList<int> PerDay)
{
    public decimal OnTimePercent => Resolved == 0 ? 0 : 100m * (Resolved - Late) / Resolved;
}

/// <summary>
/// The dossiers of one period. Every dossier is received and closed inside its period (Vietnam local days),
/// so the period that counts it is the one it is generated for. Late dossiers are received early enough
/// (at least <see cref="LateMargin"/> working days before the period's end) to be resolved late inside it.
/// </summary>
public sealed class PeriodPlan
{
    /// <summary>Longest prescribed time (30 working days) + longest delay (5) + 1.</summary>
    public const int LateMargin = 36;

    public required DemoPeriod Period { get; init; }
    public required int Index { get; init; }
    public required IReadOnlyList<DateOnly> WorkingDays { get; init; }
    public required IReadOnlyList<LevelPlan> Levels { get; init; }
    public required bool Last { get; init; }

    public int Received => Levels.Sum(l => l.Received);
    public int Late => Levels.Sum(l => l.Late);
    public int LastLateEligibleDay => WorkingDays.Count - 1 - LateMargin;

    /// <summary>The ids are "H34.{year}.{sequence}", numbered in order of receipt; the last one closes the period.</summary>
    public string LastDossierId => DossierId(Period.Year, Received);

    public static string DossierId(int year, int sequence) => $"H34.{year}.{sequence:D7}";

    /// <summary>
    /// The status of the <paramref name="index"/>-th dossier of a level in a period: a stateless hash, so the plan
    /// can count resolved dossiers before generating them. About 0.6 % are returned, 0.4 % withdrawn; in the last
    /// two working days of the last period 8 % are still being processed.
    /// </summary>
    public static DossierStatus StatusOf(int year, GovernmentLevel level, int index, bool stillOpenWindow)
    {
        var h = DemoRandom.Hash((ulong)year, (ulong)level, (ulong)index) % 1000;
        if (stillOpenWindow && h < 80) return DossierStatus.Received;
        return h switch { >= 996 => DossierStatus.Withdrawn, >= 990 => DossierStatus.Returned, _ => DossierStatus.Resolved };
    }

    public bool StillOpenWindow(int dayIndex) => Last && dayIndex >= WorkingDays.Count - 2;

    public static IReadOnlyList<PeriodPlan> Build()
    {
        var plans = new List<PeriodPlan>();
        for (var k = 0; k < DemoPeriod.All.Count; k++)
        {
            var period = DemoPeriod.All[k];
            var draft = new PeriodPlan
            {
                Period = period,
                Index = k,
                WorkingDays = WorkingCalendar.WorkingDays(period.From, period.To),
                Levels = [],
                Last = k == DemoPeriod.All.Count - 1,
            };
            var levels = DemoTargets.Levels
                .Select(level => draft.PlanLevel(level, (int)Math.Round(DemoTargets.DossiersReceived[k] * DemoTargets.LevelShare[level]),
                    DemoTargets.OnTimePercent[level][k]))
                .ToList();
            plans.Add(new PeriodPlan { Period = period, Index = k, WorkingDays = draft.WorkingDays, Levels = levels, Last = draft.Last });
        }
        return plans;
    }

    /// <summary>Finds the smallest volume from <paramref name="received"/> on for which some late count gives the printed rate.</summary>
    private LevelPlan PlanLevel(GovernmentLevel level, int received, decimal target)
    {
        for (var volume = received; volume < received + 1000; volume++)
        {
            var perDay = Spread(level, volume);
            int resolved = 0, eligible = 0, index = 0;
            for (var d = 0; d < perDay.Length; d++)
            {
                for (var i = 0; i < perDay[d]; i++, index++)
                {
                    if (StatusOf(Period.Year, level, index, StillOpenWindow(d)) != DossierStatus.Resolved) continue;
                    resolved++;
                    if (d <= LastLateEligibleDay) eligible++;
                }
            }
            if (LateCountFor(resolved, target) is { } late && late <= eligible)
                return new LevelPlan(level, volume, resolved, late, eligible, perDay);
        }
        throw new InvalidOperationException($"{Period.Key} {level}: no volume near {received} gives {target} %.");
    }

    /// <summary>
    /// The late count whose on-time rate, rounded to the decimals <paramref name="target"/> is printed with, equals it,
    /// and lies closest to it (never on a rounding boundary); null if none exists for this number of resolved dossiers.
    /// </summary>
    public static int? LateCountFor(int resolved, decimal target)
    {
        var halfStep = 0.5m / Pow10(target.Scale);
        var guess = (int)Math.Round(resolved * (100m - target) / 100m);
        int? best = null;
        var bestDistance = decimal.MaxValue;
        for (var late = Math.Max(0, guess - 3); late <= guess + 3 && late <= resolved; late++)
        {
            var distance = Math.Abs(100m * (resolved - late) / resolved - target);
            if (distance < halfStep * 0.98m && distance < bestDistance) (best, bestDistance) = (late, distance);
        }
        return best;
    }

    private static decimal Pow10(int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++) r *= 10;
        return r;
    }

    /// <summary>Spreads a volume over the working days (busier before Tết and at the year's end, a little noise), summing exactly.</summary>
    private int[] Spread(GovernmentLevel level, int volume)
    {
        var days = WorkingDays;
        var weights = new double[days.Count];
        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            var u = (DemoRandom.Hash((ulong)day.DayNumber, (ulong)level, 7) % 10_000) / 10_000.0;
            weights[i] = 1 + 0.12 * Math.Sin(2 * Math.PI * day.DayOfYear / 365.25 + 1.3) + 0.3 * (u - 0.5)
                + (day.DayOfWeek == DayOfWeek.Monday ? 0.1 : 0);
        }
        var total = weights.Sum();
        var counts = new int[days.Count];
        var remainders = new (double Fraction, int Index)[days.Count];
        var assigned = 0;
        for (var i = 0; i < days.Count; i++)
        {
            var exact = volume * weights[i] / total;
            counts[i] = (int)Math.Floor(exact);
            assigned += counts[i];
            remainders[i] = (exact - counts[i], i);
        }
        foreach (var (_, i) in remainders.OrderByDescending(r => r.Fraction).ThenBy(r => r.Index).Take(volume - assigned)) counts[i]++;
        return counts;
    }
}
