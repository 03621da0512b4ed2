using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Demo;

/// <summary>The generated catalogue history: every change in chronological order, and per procedure what dossiers need.</summary>
public sealed class DemoCatalogue
{
    public required IReadOnlyList<CatalogueChange> Changes { get; init; }
    public required IReadOnlyList<ProcedureProfile> Profiles { get; init; }
    public required IReadOnlyList<Decision> Decisions { get; init; }

    /// <summary>The one online service (level 3) that receives online dossiers before 2019 (Appendix 7 row 11's 0.2%).</summary>
    public required string OnlinePilot { get; init; }

    public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>
/// Builds a SYNTHETIC catalogue history for Lai Châu: a starting catalogue announced in 2012–2014, then for
/// each report period the decisions of the year announcing new procedures, amending (receiving place, online
/// level, inter-agency and "4 tại chỗ" flags) and abolishing others, so that the catalogue in force at each
/// period's end has exactly the target counts by level, by receiving place and by flag.
/// </summary>
internal sealed class CatalogueGenerator
{
    private static readonly int[] ProvinceDays = [3, 5, 5, 7, 10, 10, 12, 15, 15, 20, 20, 30];
    private static readonly int[] DistrictDays = [2, 3, 5, 5, 7, 10, 10, 15, 20, 30];
    private static readonly int[] CommuneDays = [1, 1, 1, 2, 2, 3, 3, 5, 5, 7, 10, 15];

    private readonly DemoRandom _random = new(0x4C41_4943_4855_0001UL);
    private readonly List<Proc> _procedures = [];
    private readonly List<CatalogueChange> _changes = [];
    private readonly List<Decision> _decisions = [];
    private readonly Dictionary<GovernmentLevel, NamePool> _names = [];
    private readonly List<int> _codeNumbers;
    private int _nextCode;
    private Proc? _pilot;

    private CatalogueGenerator()
    {
        foreach (var level in DemoTargets.Levels) _names[level] = new NamePool(level, _random);
        _codeNumbers = Enumerable.Range(1000, 9000).ToList();
        _random.Shuffle(_codeNumbers);
    }

    public static DemoCatalogue Generate()
    {
        var generator = new CatalogueGenerator();
        generator.AnnounceStartingCatalogue();
        for (var period = 0; period < DemoPeriod.All.Count; period++) generator.ChangeDuring(period);
        return new DemoCatalogue
        {
            Changes = generator._changes.OrderBy(c => c.Day).ThenBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.Version).ToList(),
            Profiles = generator._procedures.Select(p => new ProcedureProfile(p.Code, p.ProcessingDays, p.Popularity)).ToList(),
            Decisions = generator._decisions,
            OnlinePilot = generator._pilot!.Code,
        };
    }

    private void AnnounceStartingCatalogue()
    {
        var decisions = new List<Decision>();
        for (var year = 2012; year <= 2014; year++) decisions.AddRange(MakeDecisions(new DateOnly(year, 2, 1), new DateOnly(year, 12, 20), 5));
        (GovernmentLevel Level, int Count)[] start = [(GovernmentLevel.Province, 1095), (GovernmentLevel.District, 204), (GovernmentLevel.Commune, 113)];
        foreach (var (level, count) in start)
        {
            for (var i = 0; i < count; i++)
            {
                var place = level switch
                {
                    GovernmentLevel.Province => _random.Chance(0.87) ? ReceivingPlace.ProvincialCentre : ReceivingPlace.Other,
                    GovernmentLevel.District => _random.Chance(0.97) ? ReceivingPlace.DistrictOneStop : ReceivingPlace.Other,
                    _ => ReceivingPlace.CommuneOneStop,
                };
                Announce(level, place, _random.Pick(decisions), replacing: null);
            }
        }
        ChoosePilot();
    }

    /// <summary>
    /// The most popular provincial procedure of the starting catalogue is announced as an online service at level 3 and
    /// kept (protected): until 2018 it is the only online service that receives online dossiers.
    /// </summary>
    private void ChoosePilot()
    {
        _pilot = _procedures.Where(p => p.Spec.Level == GovernmentLevel.Province)
            .OrderByDescending(p => p.Popularity).ThenBy(p => p.Code, StringComparer.Ordinal).First();
        _pilot.Spec = _pilot.Spec with { OnlineLevel = OnlineServiceLevel.Level3 };
        _pilot.Protected = true;
        var i = _changes.FindIndex(c => c.Code == _pilot.Code);
        _changes[i] = _changes[i] with { Attributes = _pilot.Spec };
    }

    private void ChangeDuring(int period)
    {
        var p = DemoPeriod.All[period];
        var isQuarter = p.To.Month != 12;
        var decisions = MakeDecisions(p.From.AddDays(6), p.To.AddDays(-6), isQuarter ? 6 : 20);
        var cells = PlaceAssignment.For(period);
        foreach (var level in DemoTargets.Levels)
        {
            var target = DemoTargets.ProceduresInForce[level][period];
            var replaced = Abolish(level, target, p.Year, isQuarter ? 0.03 : ChurnRate(level), cells, decisions);
            AnnounceNew(level, target, cells, decisions, replaced);
            MovePlaces(level, p.Year, cells, decisions);
        }
        if (p.Year == DemoTargets.FlagsFromYear) SetFlags(p.Year, decisions);
        AdjustOnlineServices(period, decisions);
    }

    private static double ChurnRate(GovernmentLevel level) => level switch
    {
        GovernmentLevel.Province => 0.08,
        GovernmentLevel.District => 0.07,
        _ => 0.06,
    };

    /// <summary>Abolishes the year's churn plus whatever exceeds the target, preferring places that have too many.</summary>
    private List<Proc> Abolish(GovernmentLevel level, int target, int year, double churn,
        Dictionary<(GovernmentLevel, ReceivingPlace), int> cells, IReadOnlyList<Decision> decisions)
    {
        var current = InForce(level).ToList();
        var count = Math.Max(0, current.Count - target) + (int)Math.Round(current.Count * churn);
        var surplus = PlaceAssignment.Places.ToDictionary(pl => pl, pl => current.Count(c => c.Spec.Place == pl) - cells[(level, pl)]);
        var candidates = current.Where(c => !c.Protected && c.LastChangeYear < year).ToList();
        _random.Shuffle(candidates);
        var chosen = new List<Proc>();
        foreach (var c in candidates)
        {
            if (chosen.Count >= count * 3 / 4) break;
            if (surplus[c.Spec.Place] > 0) { surplus[c.Spec.Place]--; chosen.Add(c); }
        }
        chosen.AddRange(candidates.Except(chosen).Take(count - chosen.Count));
        if (chosen.Count != count) throw new InvalidOperationException($"{year} {level}: only {chosen.Count} of {count} procedures can be abolished.");
        foreach (var c in chosen)
        {
            var decision = _random.Pick(decisions);
            c.Abolished = true;
            c.LastChangeYear = year;
            _changes.Add(new CatalogueChange(ChangeKind.Abolish, c.Code, ++c.Versions, decision.Date, c.Spec, decision));
        }
        return chosen;
    }

    /// <summary>Announces new procedures up to the target, at places that lack procedures; most replace an abolished one (same name, new code).</summary>
    private void AnnounceNew(GovernmentLevel level, int target, Dictionary<(GovernmentLevel, ReceivingPlace), int> cells,
        IReadOnlyList<Decision> decisions, List<Proc> replaced)
    {
        var current = InForce(level).ToList();
        var deficit = PlaceAssignment.Places.ToDictionary(pl => pl, pl => cells[(level, pl)] - current.Count(c => c.Spec.Place == pl));
        for (var i = current.Count; i < target; i++)
        {
            var open = PlaceAssignment.Places.Where(pl => deficit[pl] > 0).ToList();
            var weights = open.Sum(pl => deficit[pl]);
            var draw = _random.Next(weights);
            var place = open.First(pl => (draw -= deficit[pl]) < 0);
            deficit[place]--;
            Proc? old = null;
            if (replaced.Count > 0 && _random.Chance(0.75))
            {
                old = _random.Pick(replaced);
                replaced.Remove(old);
            }
            Announce(level, place, _random.Pick(decisions), old);
        }
    }

    /// <summary>Amends receiving places until every (level, place) cell has its target.</summary>
    private void MovePlaces(GovernmentLevel level, int year, Dictionary<(GovernmentLevel, ReceivingPlace), int> cells, IReadOnlyList<Decision> decisions)
    {
        var current = InForce(level).ToList();
        var deficit = PlaceAssignment.Places.ToDictionary(pl => pl, pl => cells[(level, pl)] - current.Count(c => c.Spec.Place == pl));
        foreach (var to in PlaceAssignment.Places)
        {
            while (deficit[to] > 0)
            {
                var from = PlaceAssignment.Places.First(pl => deficit[pl] < 0);
                var movable = current.Where(c => c.Spec.Place == from && !c.Protected && c.LastChangeYear < year).ToList();
                if (movable.Count == 0) throw new InvalidOperationException($"{year} {level}: no procedure can move from {from} to {to}.");
                Amend(_random.Pick(movable), c => c with { Place = to }, _random.Pick(decisions), year);
                deficit[to]--;
                deficit[from]++;
            }
        }
    }

    /// <summary>
    /// Online public services at levels 3 and 4 (Decree 43/2011): at the period's end exactly the target number are in
    /// force (Appendix 7 row 10). A decision of its own, after the period's others (so versions stay in date order),
    /// upgrades the most popular level-2 procedures or downgrades the least popular online ones; from 2019 the province
    /// keeps the most popular (the pilot first) and protects them, so each receives online dossiers (row 11).
    /// </summary>
    private void AdjustOnlineServices(int period, IReadOnlyList<Decision> decisions)
    {
        var p = DemoPeriod.All[period];
        var year = p.Year;
        var target = ModernisationTargets.OnlineServices[period];
        var last = MakeDecisions(decisions.Max(d => d.Date).AddDays(1), p.To.AddDays(-1), 1).Single();
        var lastDay = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var change in _changes)
        {
            if (!lastDay.TryGetValue(change.Code, out var day) || change.Day > day) lastDay[change.Code] = change.Day;
        }
        bool Changeable(Proc c) => lastDay[c.Code] < last.Date; // a procedure's versions are on strictly later days
        var online = _procedures.Where(c => !c.Abolished && ModernisationTargets.IsOnline(c.Spec.OnlineLevel)).ToList();
        if (year >= ModernisationTargets.EveryOnlineServiceUsedFrom && !online.Any(c => c.KeptOnline))
        {
            foreach (var c in online.OrderByDescending(c => c == _pilot).ThenByDescending(c => c.Popularity).ThenBy(c => c.Code, StringComparer.Ordinal).Take(target))
            {
                c.KeptOnline = true;
                c.Protected = true;
            }
        }
        if (online.Count > target)
        {
            foreach (var c in online.Where(c => !c.KeptOnline && c != _pilot && Changeable(c)).OrderBy(c => c.Popularity).ThenBy(c => c.Code, StringComparer.Ordinal)
                .Take(online.Count - target).ToList())
            {
                Amend(c, s => s with { OnlineLevel = OnlineServiceLevel.Level2 }, last, year);
            }
        }
        var upgradable = _procedures.Where(c => !c.Abolished && c.Spec.Level != GovernmentLevel.Commune && c.Spec.OnlineLevel == OnlineServiceLevel.Level2 && Changeable(c))
            .OrderByDescending(c => c.Popularity).ThenBy(c => c.Code, StringComparer.Ordinal).Take(target - online.Count).ToList();
        for (var i = 0; i < upgradable.Count; i++)
        {
            var to = i % 9 < 5 ? OnlineServiceLevel.Level4 : OnlineServiceLevel.Level3;
            Amend(upgradable[i], s => s with { OnlineLevel = to }, last, year);
        }
        var count = _procedures.Count(c => !c.Abolished && ModernisationTargets.IsOnline(c.Spec.OnlineLevel));
        if (count != target) throw new InvalidOperationException($"{year}: {count} online services at levels 3–4 instead of {target}.");
    }

    /// <summary>
    /// The 2019 decisions approving the lists of procedures done "4 tại chỗ" and through inter-agency one-stop
    /// shops. Flagged procedures stay in force and keep their place afterwards (they are protected).
    /// </summary>
    private void SetFlags(int year, IReadOnlyList<Decision> decisions)
    {
        var fourOnTheSpot = decisions[decisions.Count / 3];
        var interAgency = decisions[decisions.Count / 2];
        Flag(GovernmentLevel.Province, ReceivingPlace.ProvincialCentre, DemoTargets.FourOnTheSpot, s => s with { FourOnTheSpot = true }, fourOnTheSpot);
        var sameLevelAtDistrict = 26;
        Flag(GovernmentLevel.Province, ReceivingPlace.ProvincialCentre, DemoTargets.InterAgencySameLevel - sameLevelAtDistrict,
            s => s with { InterAgencySameLevel = true }, interAgency);
        Flag(GovernmentLevel.District, ReceivingPlace.DistrictOneStop, sameLevelAtDistrict, s => s with { InterAgencySameLevel = true }, interAgency);
        var betweenAtCommune = 15;
        Flag(GovernmentLevel.District, ReceivingPlace.DistrictOneStop, DemoTargets.InterAgencyBetweenLevels - betweenAtCommune,
            s => s with { InterAgencyBetweenLevels = true }, interAgency);
        Flag(GovernmentLevel.Commune, ReceivingPlace.CommuneOneStop, betweenAtCommune, s => s with { InterAgencyBetweenLevels = true }, interAgency);

        void Flag(GovernmentLevel level, ReceivingPlace place, int count, Func<ProcedureSpec, ProcedureSpec> change, Decision decision)
        {
            var candidates = InForce(level).Where(c => c.Spec.Place == place && !c.Protected && c.LastChangeYear < year).ToList();
            if (candidates.Count < count) throw new InvalidOperationException($"{year}: only {candidates.Count} {level} procedures at {place} can be flagged.");
            _random.Shuffle(candidates);
            foreach (var c in candidates.Take(count))
            {
                Amend(c, change, decision, year);
                c.Protected = true;
            }
        }
    }

    private void Announce(GovernmentLevel level, ReceivingPlace place, Decision decision, Proc? replacing)
    {
        string name, field, unit;
        if (replacing is not null) (name, field, unit) = (replacing.Spec.Name, replacing.Spec.Field, replacing.Spec.ResolvingUnit);
        else
        {
            var (n, f) = _names[level].Next();
            (name, field, unit) = (n, f.Field, f.ResolvingUnit);
        }
        var online = decision.Date.Year < 2017
            ? (_random.Chance(0.9) ? OnlineServiceLevel.Level2 : OnlineServiceLevel.None)
            : _random.NextDouble() switch { < 0.04 => OnlineServiceLevel.Level3, < 0.07 => OnlineServiceLevel.Level4, < 0.95 => OnlineServiceLevel.Level2, _ => OnlineServiceLevel.None };
        if (level == GovernmentLevel.Commune && online > OnlineServiceLevel.Level2) online = OnlineServiceLevel.Level2;
        var spec = new ProcedureSpec(name, field, level, unit, place, false, false, false, online);
        var days = level switch { GovernmentLevel.Province => ProvinceDays, GovernmentLevel.District => DistrictDays, _ => CommuneDays };
        var procedure = new Proc
        {
            Code = NewCode(),
            Spec = spec,
            ProcessingDays = _random.Pick(days),
            Popularity = Math.Round(Math.Exp(_random.NextDouble() * 4.5), 3),
            LastChangeYear = decision.Date.Year,
            Versions = 1,
        };
        _procedures.Add(procedure);
        _changes.Add(new CatalogueChange(ChangeKind.Announce, procedure.Code, 1, decision.Date, spec, decision));
    }

    private void Amend(Proc procedure, Func<ProcedureSpec, ProcedureSpec> change, Decision decision, int year)
    {
        procedure.Spec = change(procedure.Spec);
        procedure.LastChangeYear = year;
        _changes.Add(new CatalogueChange(ChangeKind.Amend, procedure.Code, ++procedure.Versions, decision.Date, procedure.Spec, decision));
    }

    private IEnumerable<Proc> InForce(GovernmentLevel level) => _procedures.Where(p => !p.Abolished && p.Spec.Level == level);

    private string NewCode()
    {
        var number = _codeNumbers[_nextCode++];
        var prefix = number % 4 == 0 ? 2 : 1;
        return $"{prefix}.00{number:D4}.000.00.00.H34";
    }

    /// <summary>Decisions of the provincial People's Committee's Chairman, numbered through the year ("123/QĐ-UBND").</summary>
    private List<Decision> MakeDecisions(DateOnly from, DateOnly to, int count)
    {
        var days = WorkingCalendar.WorkingDays(from, to);
        _random.Shuffle(days);
        var chosen = days.Take(count).Order().ToList();
        var result = new List<Decision>();
        var last = 0;
        foreach (var day in chosen)
        {
            var number = Math.Max(last + 1, day.DayOfYear * 5 + _random.Next(0, 5));
            last = number;
            result.Add(new Decision($"{number}/QĐ-UBND", day));
        }
        _decisions.AddRange(result);
        return result;
    }

    private sealed class Proc
    {
        public required string Code { get; init; }
        public required ProcedureSpec Spec { get; set; }
        public required int ProcessingDays { get; init; }
        public required double Popularity { get; init; }
        public int LastChangeYear { get; set; }
        public int Versions { get; set; }
        public bool Abolished { get; set; }
        public bool Protected { get; set; }
        /// <summary>One of the online services the province keeps from 2019 (Appendix 7 rows 10–11).</summary>
        public bool KeptOnline { get; set; }
    }
}
