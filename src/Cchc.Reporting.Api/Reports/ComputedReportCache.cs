using System.Collections.Concurrent;
using System.Globalization;

namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// The computed tables (an appendix or key figures for a list of periods) of the read model's latest revision
/// (Data/ReadModelRevision.cs; docs/adr/0044-computed-report-cache-keyed-by-read-model-revision.md). An entry is keyed on the
/// revision the computation started from and is stored only when the revision had not moved by its end, so it holds exactly
/// the facts of that revision; a reader that sees a later revision (any fact written since, in any process) misses it. When a
/// later revision is stored, every older entry is dropped. Singleton; the reports are immutable and shared.
/// </summary>
public sealed class ComputedReportCache
{
    /// <summary>Entries kept at most (tables × period lists of one revision); beyond it the cache starts again empty.</summary>
    private const int Capacity = 256;

    private readonly ConcurrentDictionary<(long Revision, string Table, string Periods), AppendixReport> reports = new();
    private readonly Lock gate = new();
    private long newest = -1;
    private long hits;
    private long misses;

    /// <summary>Hits and misses since the process started (what docs/benchmarks.md reports beside the latency).</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref hits), Interlocked.Read(ref misses));

    public bool TryGet(long revision, IAppendix table, IReadOnlyList<ReportPeriod> periods, out AppendixReport report)
    {
        // The key names the table by its type, number and rows' indicators; a hit must also be the same table, row for row
        // (value equality of the row definitions): a view built per request (the drill-down's one row) is never mistaken.
        if (reports.TryGetValue((revision, KeyOf(table), KeyOf(periods)), out report!) && report.Title == table.Title
            && report.Rows.Select(r => r.Definition).SequenceEqual(table.Rows))
        {
            Interlocked.Increment(ref hits);
            return true;
        }
        Interlocked.Increment(ref misses);
        return false;
    }

    /// <summary>Keeps <paramref name="report"/>, computed wholly at <paramref name="revision"/>; an older revision than the newest seen is not kept.</summary>
    public void Store(long revision, IAppendix table, IReadOnlyList<ReportPeriod> periods, AppendixReport report)
    {
        lock (gate)
        {
            if (revision < newest)
            {
                return;
            }
            if (revision > newest || reports.Count >= Capacity)
            {
                reports.Clear();
                newest = revision;
            }
            reports[(revision, KeyOf(table), KeyOf(periods))] = report;
        }
    }

    private static string KeyOf(IAppendix table) => table.GetType().FullName + "#" + table.Number.ToString(CultureInfo.InvariantCulture) + "#"
        + string.Join('|', table.Rows.Select(r => r.Indicator));

    private static string KeyOf(IReadOnlyList<ReportPeriod> periods) =>
        string.Join('\n', periods.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}|{p.From:yyyy-MM-dd}|{p.To:yyyy-MM-dd}")));
}
