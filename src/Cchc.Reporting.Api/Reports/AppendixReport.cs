
namespace Cchc.Reporting.Api.Reports;

/// <summary>An appendix computed for a list of periods.</summary>
public sealed record AppendixReport(int Number, string Title, IReadOnlyList<ReportPeriod> Periods, IReadOnlyList<ReportRow> Rows);

/// <summary>
/// A row with one value per period key (null = blank); <see cref="Values"/> is null for a heading.
/// <see cref="NotReported"/>: the period keys whose cell the source document did not report (the value comes from facts).
/// </summary>
/// <see cref="Sources"/>: per period key, where a submitted cell comes from or who owes it (null when no cell has any).
public sealed record ReportRow(RowDefinition Definition, IReadOnlyDictionary<string, ReportValue?>? Values, IReadOnlyList<string>? NotReported = null,
    IReadOnlyDictionary<string, IReadOnlyList<CellSource>>? Sources = null);
