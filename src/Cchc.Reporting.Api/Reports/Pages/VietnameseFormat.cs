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
