using System.Globalization;
using System.Text;

namespace Cchc.Reporting.Api.Reports.Export;

/// <summary>
/// An appendix as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese right): a
/// header line, then one line per row; numbers in invariant form (99.98), "-" where the source prints a dash.
/// </summary>
public static class CsvExport
{
    public static string Write(AppendixReport report)
    {
        var columns = ExportLayout.Columns(report);
        var csv = new StringBuilder();
        Line(csv, ["STT", "Nội dung", "Mã chỉ tiêu", .. columns.Select(c => c.Header)]);
        foreach (var row in report.Rows)
        {
            Line(csv, [row.Definition.Stt, row.Definition.Label, row.Definition.Heading ? string.Empty : row.Definition.Indicator,
                .. columns.Select(c => Text(ExportLayout.Cell(ExportLayout.ValueAt(row, c.Period, c.Part))))]);
        }
        return csv.ToString();
    }

    private static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? string.Empty,
    };

    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field.StartsWith(' ') ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
