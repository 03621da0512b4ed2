
namespace Cchc.Reporting.Api.Reports;

/// <summary>An appendix computed for a list of periods.</summary>
public sealed record AppendixReport(int Number, string Title, IReadOnlyList<ReportPeriod> Periods, IReadOnlyList<ReportRow> Rows);

/// <summary>
/// A row with one value per period key (null = blank); <see cref="Values"/> is null for a heading.
/// <see cref="NotReported"/>: the period keys whose cell the source document did not report (the value comes from facts).
/// </summary>
public sealed record ReportRow(RowDefinition Definition, IReadOnlyDictionary<string, ReportValue?>? Values, IReadOnlyList<string>? NotReported = null);
