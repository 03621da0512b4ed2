using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cchc.Reporting.Api.Reports.Http;
using Cchc.Reporting.Api.Reports.Validation;

namespace Cchc.Reporting.Api.Reports.Reconciliation;

/// <summary>
/// Published against computed, cell by cell (pure): every value row of every published table, for every asked period
/// the published table has a column for (same days; Appendix 4 the column of the period's last day), split cells part
/// by part.
/// </summary>
public static class Reconciler
{
    public static IReadOnlyList<ReconciledCell> Reconcile(PublishedTables published, ComputedTables computed)
    {
        var cells = new List<ReconciledCell>();
        foreach (var row in published.Rows.Where(r => !r.Heading && r.Table != CellRef.BodyTable))
        {
            foreach (var period in computed.Periods)
            {
                if (published.Match(row.Table, period) is not { } column)
                {
                    continue;
                }
                var printed = published.ValueAt(row, column.Key);
                ReportValue? value = row.Mapped && computed.HasRow(row.Table, row.Indicator) ? computed.Get(row.Table, row.Indicator, period) : null;
                var status = !row.Mapped || !computed.HasRow(row.Table, row.Indicator) ? ReconciledStatus.NotComputed : null;
                if (printed is ReportValue.Parts parts)
                {
                    for (var i = 0; i < parts.Values.Count; i++)
                    {
                        var part = value is ReportValue.Parts p && i < p.Values.Count ? p.Values[i] : null;
                        cells.Add(Cell(row, period, column, i, parts.Values[i], part, status));
                    }
                }
                else
                {
                    cells.Add(Cell(row, period, column, null, printed, value, status));
                }
            }
        }
        return cells;
    }

    private static ReconciledCell Cell(PublishedRow row, ReportPeriod period, ReportPeriod column, int? part, ReportValue? printed, ReportValue? computed, string? status)
    {
        var a = RuleEvaluator.Numeric(printed, null);
        var b = RuleEvaluator.Numeric(computed, null);
        decimal? difference = a is { } x && b is { } y ? y - x : null;
        status ??= (printed, computed) switch
        {
            (null, null) => ReconciledStatus.Equal,
            (null, _) => ReconciledStatus.ComputedOnly,
            (_, null) => ReconciledStatus.PublishedOnly,
            _ when difference is { } d => d == 0 ? ReconciledStatus.Equal : ReconciledStatus.Different,
            _ => Equals(printed, computed) ? ReconciledStatus.Equal : ReconciledStatus.Different,
        };
        return new ReconciledCell(row, period, column, part, printed, computed, difference, status);
    }
}

public static class ReconciledStatus
{
    public const string Equal = "equal";
    public const string Different = "different";
    public const string PublishedOnly = "published-only";
    public const string ComputedOnly = "computed-only";
    public const string NotComputed = "not-computed";
}

public sealed record ReconciledCell(PublishedRow Row, ReportPeriod Period, ReportPeriod PublishedColumn, int? Part,
    ReportValue? Published, ReportValue? Computed, decimal? Difference, string Status);

/// <summary>GET /api/reports/reconciliation.</summary>
public sealed record ReconciliationDto(string Source, string Title, DateTimeOffset LoadedAt, IReadOnlyList<PeriodDto> Periods,
    ReconciliationSummaryDto Summary, IReadOnlyList<ReconciledCellDto> Cells, IReadOnlyList<ViolationDto> PublishedViolations);

public sealed record ReconciliationSummaryDto(int Cells, int Equal, int Different, int PublishedOnly, int ComputedOnly, int NotComputed)
{
    public static ReconciliationSummaryDto Of(IReadOnlyList<ReconciledCell> cells) => new(cells.Count,
        cells.Count(c => c.Status == ReconciledStatus.Equal), cells.Count(c => c.Status == ReconciledStatus.Different),
        cells.Count(c => c.Status == ReconciledStatus.PublishedOnly), cells.Count(c => c.Status == ReconciledStatus.ComputedOnly),
        cells.Count(c => c.Status == ReconciledStatus.NotComputed));
}

public sealed record ReconciledCellDto(int Appendix, string Stt, string Label, string Indicator, string Period, string PublishedPeriod,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Part,
    JsonNode? Published, JsonNode? Computed, decimal? Difference, string Status)
{
    public static ReconciledCellDto From(ReconciledCell c) => new(int.Parse(c.Row.Table, System.Globalization.CultureInfo.InvariantCulture),
        c.Row.Stt, c.Row.Label, c.Row.Indicator, c.Period.Key, c.PublishedColumn.Key, c.Part, RowDto.ToJson(c.Published), RowDto.ToJson(c.Computed),
        c.Difference, c.Status);
}

/// <summary>PUT /api/reports/published: what was loaded and what its tables break on their own.</summary>
public sealed record PublishedLoadDto(string Source, DateTimeOffset LoadedAt, IReadOnlyList<int> Appendices, int Cells, int Unmatched, int Violations);

/// <summary>GET /api/reports/published.</summary>
public sealed record PublishedSummaryDto(string Source, string Title, DateTimeOffset LoadedAt, string? LoadedBy, IReadOnlyList<int> Appendices, int Cells);
