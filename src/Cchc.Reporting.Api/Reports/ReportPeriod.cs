using System.Globalization;

namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// A report column: the days [<see cref="From"/>, <see cref="To"/>], both included (Vietnam local days).
/// <see cref="Key"/> is the period as the caller wrote it; values are keyed by it.
/// </summary>
public sealed record ReportPeriod(string Key, DateOnly From, DateOnly To)
{
    /// <summary>The column heading as the source report prints it: "Năm 2019", "Năm 2020 (Tính đến 31/3)", or "Từ … đến …".</summary>
    public string Label => LabelOf(From, To);

    public static ReportPeriod Year(int year) =>
        new(year.ToString(CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static string LabelOf(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Tính đến {to:dd/MM/yyyy}");
        }
        var startsYear = from is { Month: 1, Day: 1 } && to.Year == from.Year;
        if (startsYear && to is { Month: 12, Day: 31 })
        {
            return $"Năm {from.Year}";
        }
        if (startsYear)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Năm {from.Year} (Tính đến {to.Day}/{to.Month})");
        }
        return string.Create(CultureInfo.InvariantCulture, $"Từ {from:dd/MM/yyyy} đến {to:dd/MM/yyyy}");
    }
}
