using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>The procedures of one level in force between two catalogue changes, with cumulative popularity for drawing.</summary>
internal sealed class LevelSnapshot(string[] codes, int[] processingDays, OnlineServiceLevel[] online, string[] units, double[] cumulative)
{
    public int Count => codes.Length;
    public string Code(int i) => codes[i];
    public int ProcessingDays(int i) => processingDays[i];
    public OnlineServiceLevel Online(int i) => online[i];
    public string Unit(int i) => units[i];

    /// <summary>A procedure drawn by popularity; <paramref name="u"/> is uniform in [0, 1).</summary>
    public int Draw(double u)
    {
        var i = Array.BinarySearch(cumulative, u * cumulative[^1]);
        return Math.Min(i < 0 ? ~i : i + 1, codes.Length - 1);
    }
}

/// <summary>The catalogue in force on any day, rebuilt from the change list (one snapshot per day with changes).</summary>
internal sealed class CatalogueSnapshots
{
    private readonly List<DateOnly> _days = [];
    private readonly List<Dictionary<GovernmentLevel, LevelSnapshot>> _snapshots = [];

    public CatalogueSnapshots(DemoCatalogue catalogue)
    {
        OnlinePilot = catalogue.OnlinePilot;
        var profiles = catalogue.Profiles.ToDictionary(p => p.Code);
        var order = new List<string>();
        var current = new Dictionary<string, ProcedureSpec?>();
        foreach (var group in catalogue.Changes.GroupBy(c => c.Day))
        {
            foreach (var change in group)
            {
                if (!current.ContainsKey(change.Code)) order.Add(change.Code);
                current[change.Code] = change.Kind == ChangeKind.Abolish ? null : change.Attributes;
            }
            _days.Add(group.Key);
            _snapshots.Add(DemoTargets.Levels.ToDictionary(level => level, level => Build(level, order, current, profiles)));
        }
    }

    /// <summary>The code of the only online service used before 2019 (<see cref="DemoCatalogue.OnlinePilot"/>).</summary>
    public string OnlinePilot { get; }

    /// <summary>The procedures of <paramref name="level"/> in force on <paramref name="day"/>.</summary>
    public LevelSnapshot At(DateOnly day, GovernmentLevel level)
    {
        var i = _days.BinarySearch(day);
        i = i >= 0 ? i : ~i - 1;
        if (i < 0) throw new InvalidOperationException($"No procedure is in force on {day}.");
        return _snapshots[i][level];
    }

    private static LevelSnapshot Build(GovernmentLevel level, List<string> order, Dictionary<string, ProcedureSpec?> current,
        Dictionary<string, ProcedureProfile> profiles)
    {
        var codes = new List<string>();
        var days = new List<int>();
        var online = new List<OnlineServiceLevel>();
        var units = new List<string>();
        var cumulative = new List<double>();
        var sum = 0.0;
        foreach (var code in order)
        {
            if (current[code] is not { } spec || spec.Level != level) continue;
            var profile = profiles[code];
            codes.Add(code);
            days.Add(profile.ProcessingDays);
            online.Add(spec.OnlineLevel);
            units.Add(spec.ResolvingUnit);
            sum += profile.Popularity;
            cumulative.Add(sum);
        }
        return new LevelSnapshot([.. codes], [.. days], [.. online], [.. units], [.. cumulative]);
    }
}
