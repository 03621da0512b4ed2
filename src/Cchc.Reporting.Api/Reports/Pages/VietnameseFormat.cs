using System.Globalization;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>Cell text as Vietnamese readers expect it: "1.477", "99,98%"; blank stays empty, not applicable is "-".</summary>
public static class VietnameseFormat
{
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    public static string Number(decimal value) => value.ToString("#,##0.####", Numbers);

    /// <summary>
    /// The decimals a row's percentages are printed with: the most any of its values has, at least two (99,98% and
    /// 99,999% in one row print as 99,980% and 99,999%), so a row reads with one precision. Null for other rows.
    /// </summary>
    public static int? RowDecimals(ReportRow row, string? valueType)
    {
        if (valueType != ValueTypes.Percent || row.Values is null)
        {
            return null;
        }
        var scale = row.Values.Values.OfType<ReportValue.Number>().Select(n => (int)n.Value.Scale).DefaultIfEmpty(0).Max();
        return Math.Clamp(scale, 2, Reports.IndicatorMath.PercentDecimals);
    }

    /// <summary>A cell with a row's fixed decimals for percentages (<see cref="RowDecimals"/>).</summary>
    public static string Cell(ReportValue? value, string? valueType, int? decimals) => value is ReportValue.Number n && decimals is { } d
        ? n.Value.ToString("#,##0." + new string('0', d), Numbers) + "%"
        : Cell(value, valueType);

    public static string Cell(ReportValue? value, string? valueType) => value switch
    {
        null => string.Empty,
        ReportValue.Dash => "-",
        ReportValue.Number n when valueType == ValueTypes.Percent => Number(n.Value) + "%",
        ReportValue.Number n => Number(n.Value),
        ReportValue.Text t => t.Value,
        ReportValue.Flag f => f.Value ? "Có" : "Không",
        ReportValue.Parts p => string.Join(" / ", p.Values.Select(v => Cell(v, valueType))),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown report value."),
    };
}
