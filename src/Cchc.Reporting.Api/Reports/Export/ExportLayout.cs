using System.Globalization;

namespace Cchc.Reporting.Api.Reports.Export;

/// <summary>
/// The grid both exports write, from the same <see cref="AppendixReport"/> the page and the JSON show: STT, Nội dung, the
/// indicator's key, then one column per period — or, when a row's cells are split (Appendix 4, section III), one
/// column per period and part. A cell is a number (decimal), a text, or empty.
/// </summary>
public static class ExportLayout
{
    public static readonly string[] PartNames = ["Thuộc UBND cấp tỉnh", "Thuộc CQ chuyên môn cấp tỉnh", "Thuộc UBND cấp huyện"];

    /// <summary>The columns after STT, Nội dung and Mã chỉ tiêu: (period, part or null, header).</summary>
    public static IReadOnlyList<(ReportPeriod Period, int? Part, string Header)> Columns(AppendixReport report)
    {
        var parts = report.Rows.Select(r => r.Values?.Values.OfType<ReportValue.Parts>().Select(p => p.Values.Count).DefaultIfEmpty(0).Max() ?? 0)
            .DefaultIfEmpty(0).Max();
        return report.Periods.SelectMany(p => parts == 0
                ? [(p, (int?)null, p.Label)]
                : Enumerable.Range(0, parts).Select(i => (p, (int?)i, $"{p.Label} - {PartNames.ElementAtOrDefault(i) ?? (i + 1).ToString(CultureInfo.InvariantCulture)}")))
            .ToList();
    }

    /// <summary>The value written in a column: a split cell's part, the whole value in the first part column of an unsplit row.</summary>
    public static ReportValue? ValueAt(ReportRow row, ReportPeriod period, int? part)
    {
        var value = row.Values?.GetValueOrDefault(period.Key);
        return (value, part) switch
        {
            (ReportValue.Parts p, { } i) => p.Values.ElementAtOrDefault(i),
            (_, null or 0) => value,
            _ => null,
        };
    }

    /// <summary>Number → decimal; text, "-", yes/no → text; blank → null.</summary>
    public static object? Cell(ReportValue? value) => value switch
    {
        null => null,
        ReportValue.Number n => n.Value,
        ReportValue.Text t => t.Value,
        ReportValue.Flag f => f.Value ? "Có" : "Không",
        ReportValue.Dash => "-",
        ReportValue.Parts p => string.Join(" / ", p.Values.Select(v => Cell(v)?.ToString())),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown report value."),
    };
}
