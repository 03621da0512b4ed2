
namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// Computes an appendix for a list of periods: runs each indicator source that computes one of its rows (each
/// source answers for all periods at once) and lays the values out row by row. A row whose indicator no source
/// computes is blank in every period.
/// </summary>
public sealed class AppendixCalculator(IEnumerable<IAppendix> appendices, IEnumerable<IIndicatorSource> sources)
{
    public IReadOnlyList<IAppendix> Appendices { get; } = appendices.OrderBy(a => a.Number).ToList();

    public IAppendix? Find(int number) => Appendices.FirstOrDefault(a => a.Number == number);

    public async Task<AppendixReport> ComputeAsync(IAppendix appendix, IReadOnlyList<ReportPeriod> periods, CancellationToken cancellationToken)
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
