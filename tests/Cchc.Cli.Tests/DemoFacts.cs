using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cchc.Cli.Demo;
using Cchc.Contracts;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Tests;

/// <summary>
/// The generated data set aggregated the plain way domain.md describes, written here independently of the
/// generator's bookkeeping: the catalogue is replayed from its change list, the dossiers are counted by the
/// Vietnam local day they were resolved on, in one streaming pass. Built once for all tests (a collection fixture).
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoFactsCollection : ICollectionFixture<DemoFacts>
{
    public const string Name = "generated demo data";
}

public sealed class DemoFacts
{
    public DemoFacts()
    {
        Reference = ReferenceAppendix3.Load();
        var watch = Stopwatch.StartNew();
        Data = DemoDataSet.Create();
        Catalogue = new ReplayedCatalogue(Data.Catalogue.Changes);
        var fingerprint = new DataSetFingerprint(Data);
        Dossiers = DossierTally.Count(fingerprint.Hashing(Data.AllDossiers()), Catalogue, Reference.Periods);
        Fingerprint = fingerprint.Finish();
        Elapsed = watch.Elapsed;
    }

    public ReferenceAppendix3 Reference { get; }
    public DemoDataSet Data { get; }
    public ReplayedCatalogue Catalogue { get; }
    public DossierTally Dossiers { get; }
    public TimeSpan Elapsed { get; }
    public string Fingerprint { get; }

    public static string FingerprintOf(DemoDataSet data)
    {
        var fingerprint = new DataSetFingerprint(data);
        foreach (var _ in fingerprint.Hashing(data.AllDossiers())) { }
        return fingerprint.Finish();
    }
}

/// <summary>A hash of everything a data set holds: catalogue changes, profiles, every dossier and feedback item.</summary>
public sealed class DataSetFingerprint
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly DemoDataSet _data;

    public DataSetFingerprint(DemoDataSet data)
    {
        _data = data;
        foreach (var c in data.Catalogue.Changes) Add($"{c.Kind}|{c.Code}|{c.Version}|{c.Day:O}|{c.Attributes}|{c.Decision}");
        foreach (var p in data.Catalogue.Profiles) Add(p.ToString());
    }

    public IEnumerable<DemoDossier> Hashing(IEnumerable<DemoDossier> dossiers)
    {
        foreach (var d in dossiers)
        {
            Add(string.Create(CultureInfo.InvariantCulture,
                $"{d.DossierId}|{d.ProcedureCode}|{d.ReceivingUnit}|{d.UnitLevel}|{d.Channel}|{d.ReceivedAt:O}|{d.DueAt:O}|{d.Status}|{d.ClosedAt:O}"));
            yield return d;
        }
    }

    public string Finish()
    {
        foreach (var f in _data.Feedback) Add(f.ToString());
        return Convert.ToHexString(_hash.GetHashAndReset());
    }

    private void Add(string line) => _hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
}

/// <summary>The catalogue rebuilt from its changes: per procedure its announcement, abolition and dated versions.</summary>
public sealed class ReplayedCatalogue
{
    public sealed class History
    {
        public DateOnly? Announced { get; set; }
        public DateOnly? Abolished { get; set; }
        public List<CatalogueChange> Changes { get; } = [];

        public bool InForceOn(DateOnly day) => Announced <= day && (Abolished is null || Abolished > day);

        /// <summary>The attributes of the latest announcement or amendment holding on <paramref name="day"/>.</summary>
        public ProcedureSpec SpecOn(DateOnly day)
        {
            ProcedureSpec? spec = null;
            foreach (var c in Changes)  // sorted by day, then version
            {
                if (c.Day > day) break;
                if (c.Kind != ChangeKind.Abolish) spec = c.Attributes;
            }
            return spec ?? throw new InvalidOperationException($"Not announced on {day}.");
        }
    }

    public Dictionary<string, History> Procedures { get; } = new(StringComparer.Ordinal);

    public ReplayedCatalogue(IEnumerable<CatalogueChange> changes)
    {
        foreach (var change in changes)
        {
            if (!Procedures.TryGetValue(change.Code, out var history)) Procedures[change.Code] = history = new History();
            history.Changes.Add(change);
            if (change.Kind == ChangeKind.Announce) history.Announced = change.Day;
            if (change.Kind == ChangeKind.Abolish) history.Abolished = change.Day;
        }
        foreach (var history in Procedures.Values) history.Changes.Sort((a, b) => a.Day != b.Day ? a.Day.CompareTo(b.Day) : a.Version.CompareTo(b.Version));
    }

    /// <summary>Procedures in force at the end of <paramref name="to"/> with their attributes then.</summary>
    public List<ProcedureSpec> InForceOn(DateOnly to) =>
        Procedures.Values.Where(h => h.InForceOn(to)).Select(h => h.SpecOn(to)).ToList();
}

/// <summary>One streaming pass over every dossier: counts per period and level, and every broken rule.</summary>
public sealed class DossierTally
{
    public Dictionary<(int Period, GovernmentLevel Level), (long Resolved, long OnTime)> Resolution { get; } = [];
    public Dictionary<(int Period, GovernmentLevel Level), long> Received { get; } = [];
    public Dictionary<DossierStatus, long> ByStatus { get; } = [];
    public Dictionary<DossierChannel, long> ByChannel { get; } = [];
    public long Total { get; private set; }
    public long Late { get; private set; }
    public long Violations { get; private set; }
    public List<string> FirstViolations { get; } = [];

    public static DossierTally Count(IEnumerable<DemoDossier> dossiers, ReplayedCatalogue catalogue, IReadOnlyList<ReferencePeriod> periods)
    {
        var tally = new DossierTally();
        string? previousId = null;
        foreach (var d in dossiers)
        {
            tally.Total++;
            tally.ByStatus[d.Status] = tally.ByStatus.GetValueOrDefault(d.Status) + 1;
            tally.ByChannel[d.Channel] = tally.ByChannel.GetValueOrDefault(d.Channel) + 1;
            if (previousId is not null && string.CompareOrdinal(previousId, d.DossierId) >= 0) tally.Broken(d, "id not after the previous one");
            previousId = d.DossierId;

            var receivedDay = VietnamCalendar.LocalDate(d.ReceivedAt);
            var receivedPeriod = IndexOf(periods, receivedDay);
            if (receivedPeriod < 0) tally.Broken(d, "received outside every period");
            else
            {
                tally.Received[(receivedPeriod, d.UnitLevel)] = tally.Received.GetValueOrDefault((receivedPeriod, d.UnitLevel)) + 1;
                if (!d.DossierId.StartsWith($"H34.{periods[receivedPeriod].From.Year}.", StringComparison.Ordinal)) tally.Broken(d, "id not of its year");
            }

            if (!catalogue.Procedures.TryGetValue(d.ProcedureCode, out var procedure)) tally.Broken(d, "unknown procedure");
            else if (!procedure.InForceOn(receivedDay)) tally.Broken(d, "procedure not in force on the received day");
            else
            {
                var spec = procedure.SpecOn(receivedDay);
                if (spec.Level != d.UnitLevel) tally.Broken(d, $"procedure of level {spec.Level}");
                if (d.Channel == DossierChannel.Online && spec.OnlineLevel is not (OnlineServiceLevel.Level3 or OnlineServiceLevel.Level4))
                    tally.Broken(d, "online dossier for a procedure not online at level 3/4");
            }

            if (d.DueAt <= d.ReceivedAt) tally.Broken(d, "due at or before received");
            if ((d.Status == DossierStatus.Received) != (d.ClosedAt is null)) tally.Broken(d, "closed_at does not match the status");
            if (d.ClosedAt is not { } closed) continue;
            if (closed < d.ReceivedAt) tally.Broken(d, "closed before received");
            var closedPeriod = IndexOf(periods, VietnamCalendar.LocalDate(closed));
            if (closedPeriod != receivedPeriod) tally.Broken(d, "closed in another period than received");
            if (d.Status != DossierStatus.Resolved || closedPeriod < 0) continue;

            var onTime = closed <= d.DueAt;
            if (!onTime) tally.Late++;
            var (resolved, onTimeCount) = tally.Resolution.GetValueOrDefault((closedPeriod, d.UnitLevel));
            tally.Resolution[(closedPeriod, d.UnitLevel)] = (resolved + 1, onTimeCount + (onTime ? 1 : 0));
        }
        return tally;
    }

    private static int IndexOf(IReadOnlyList<ReferencePeriod> periods, DateOnly day)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].Contains(day)) return i;
        }
        return -1;
    }

    private void Broken(DemoDossier d, string rule)
    {
        Violations++;
        if (FirstViolations.Count < 5) FirstViolations.Add($"{d.DossierId}: {rule}");
    }
}
