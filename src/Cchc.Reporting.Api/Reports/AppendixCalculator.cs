using Cchc.Reporting.Api.Data;

namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// Computes an appendix for a list of periods: runs each indicator source that computes one of its rows (each
/// source answers for all periods at once) and lays the values out row by row. A row whose indicator no source
/// computes is blank in every period. With the read model and the cache (as registered), a table already computed at the
/// read model's current revision is served from <see cref="ComputedReportCache"/> (docs/adr/0044): the same cells, since
/// no fact has changed since.
/// </summary>
public sealed class AppendixCalculator(IEnumerable<IAppendix> appendices, IEnumerable<IIndicatorSource> sources,
    ReportingDbContext? db = null, ComputedReportCache? cache = null)
{
    public IReadOnlyList<IAppendix> Appendices { get; } = appendices.OrderBy(a => a.Number).ToList();

    public IAppendix? Find(int number) => Appendices.FirstOrDefault(a => a.Number == number);

    public async Task<AppendixReport> ComputeAsync(IAppendix appendix, IReadOnlyList<ReportPeriod> periods, CancellationToken cancellationToken)
    {
        // Inside a transaction (a gRPC write's) the revision could count the transaction's own uncommitted writes: computed, not cached.
        if (db is null || cache is null || db.Database.CurrentTransaction is not null)
        {
            return await ComputeFromFactsAsync(appendix, periods, cancellationToken);
        }
        var revision = await ReadModelRevision.ReadAsync(db, cancellationToken);
        if (cache.TryGet(revision, appendix, periods, out var cached))
        {
            return cached;
        }
        var report = await ComputeFromFactsAsync(appendix, periods, cancellationToken);
        // Kept only if no fact was written while it was computed: then every query saw exactly the facts of this revision.
        if (await ReadModelRevision.ReadAsync(db, cancellationToken) == revision)
        {
            cache.Store(revision, appendix, periods, report);
        }
        return report;
    }

    private async Task<AppendixReport> ComputeFromFactsAsync(IAppendix appendix, IReadOnlyList<ReportPeriod> periods, CancellationToken cancellationToken)
    {
        var wanted = appendix.Rows.Where(r => !r.Heading).Select(r => r.Indicator).ToHashSet(StringComparer.Ordinal);
        var values = new IndicatorValues();
        foreach (var source in sources.Where(s => s.Indicators.Any(wanted.Contains)))
        {
            await source.ComputeAsync(periods, values, cancellationToken);
        }
        var rows = appendix.Rows
            .Select(r => new ReportRow(r, r.Heading ? null : periods.ToDictionary(p => p.Key, p => values.Get(r.Indicator, p.Key)),
                NotReportedIn(r, periods, values), SourcesIn(r, periods, values)))
            .ToList();
        return new AppendixReport(appendix.Number, appendix.Title, periods, rows);
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<CellSource>>? SourcesIn(RowDefinition row, IReadOnlyList<ReportPeriod> periods, IndicatorValues values)
    {
        var sources = row.Heading ? [] : periods
            .Select(p => (p.Key, Sources: values.SourcesOf(row.Indicator, p.Key)))
            .Where(s => s.Sources is { Count: > 0 })
            .ToDictionary(s => s.Key, s => s.Sources!);
        return sources.Count == 0 ? null : sources;
    }

    private static IReadOnlyList<string>? NotReportedIn(RowDefinition row, IReadOnlyList<ReportPeriod> periods, IndicatorValues values)
    {
        var keys = row.Heading ? [] : periods.Where(p => values.IsNotReported(row.Indicator, p.Key)).Select(p => p.Key).ToList();
        return keys.Count == 0 ? null : keys;
    }
}
