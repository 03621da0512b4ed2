namespace Cchc.Reporting.Api.Reports.Validation;

/// <summary>
/// What rules read: the cells of a set of tables for a set of periods — the computed report (<see cref="ComputedTables"/>)
/// or a published report's tables (Reconciliation/PublishedTables).
/// </summary>
public interface IReportTables
{
    /// <summary>The periods the tables have columns for, in order.</summary>
    IReadOnlyList<ReportPeriod> Periods { get; }

    /// <summary>Whether the table has the row (an indicator, or "row:N" for a published table's N-th row).</summary>
    bool HasRow(string table, string indicator);

    /// <summary>The cell of the row in the period (Appendix 4 counts on the period's last day); null = blank.</summary>
    ReportValue? Get(string table, string indicator, ReportPeriod period);

    /// <summary>Where the cell is shown: the table's label for people and the row's STT and label.</summary>
    CellPlace Describe(string table, string indicator);
}

/// <summary>Where a cell is shown: "Phụ lục 3", row "1", "Tổng số TTHC của tỉnh".</summary>
public sealed record CellPlace(string Table, string Stt, string Label);

/// <summary>The computed report: appendices and key figures computed for the same periods.</summary>
public sealed class ComputedTables : IReportTables
{
    private readonly Dictionary<string, AppendixReport> _tables;
    private readonly Dictionary<(string Table, string Indicator), ReportRow> _rows = [];

    public ComputedTables(IReadOnlyList<ReportPeriod> periods, IEnumerable<AppendixReport> appendices, IEnumerable<(string Area, AppendixReport Report)> keyFigures)
    {
        Periods = periods;
        _tables = appendices.ToDictionary(a => a.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (area, report) in keyFigures)
        {
            _tables[CellRef.KeyFiguresTable(area)] = report;
        }
        foreach (var (name, report) in _tables)
        {
            foreach (var row in report.Rows.Where(r => !r.Definition.Heading))
            {
                _rows.TryAdd((name, row.Definition.Indicator), row);
            }
        }
    }

    public IReadOnlyList<ReportPeriod> Periods { get; }

    public IEnumerable<AppendixReport> Appendices => _tables.Where(t => !t.Key.Contains('/', StringComparison.Ordinal)).Select(t => t.Value).OrderBy(a => a.Number);

    public AppendixReport? Appendix(int no) => _tables.GetValueOrDefault(no.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public bool HasRow(string table, string indicator) => _rows.ContainsKey((table, indicator));

    public ReportValue? Get(string table, string indicator, ReportPeriod period) =>
        _rows.TryGetValue((table, indicator), out var row) ? row.Values?.GetValueOrDefault(period.Key) : null;

    public CellPlace Describe(string table, string indicator) =>
        _rows.TryGetValue((table, indicator), out var row)
            ? new CellPlace(TableLabel(table), row.Definition.Stt, row.Definition.Label)
            : new CellPlace(TableLabel(table), string.Empty, indicator);

    /// <summary>"Phụ lục 3", "Số liệu chính (procedures)", "Phần nội dung báo cáo".</summary>
    public static string TableLabel(string table) => table switch
    {
        CellRef.BodyTable => "Phần nội dung báo cáo",
        _ when table.StartsWith("key-figures/", StringComparison.Ordinal) => $"Số liệu chính ({table["key-figures/".Length..]})",
        _ => $"Phụ lục {table}",
    };
}
