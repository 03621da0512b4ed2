using System.Globalization;
using System.Text.RegularExpressions;

namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// Parses the "periods" parameter: a comma-separated list (the parameter may also repeat) of "YYYY" (a whole year)
/// or "YYYY-MM-DD..YYYY-MM-DD" (both days included). None given: the current year. Errors are Vietnamese and name
/// the parameter.
/// </summary>
public static partial class PeriodParser
{
    public const string Parameter = "periods";
    public const int MaxPeriods = 12;

    /// <summary>
    /// The "periods" parameter, or else "asOf" (Appendix 4 compares states on days: asOf=2010-12-31,2019-12-31 is the
    /// same as periods=2010-12-31,2019-12-31, one-day periods keyed by the day).
    /// </summary>
    public static IReadOnlyCollection<string?>? PeriodsOrDays(string[]? periods, string[]? asOf) =>
        periods is { Length: > 0 } ? periods : asOf is { Length: > 0 } ? asOf : periods;

    /// <param name="values">The parameter's values as received; null or no values = not given.</param>
    /// <param name="today">Vietnam local today, for the default period.</param>
    public static PeriodParseResult Parse(IReadOnlyCollection<string?>? values, DateOnly today)
    {
        if (values is null || values.Count == 0)
        {
            return PeriodParseResult.Ok([ReportPeriod.Year(today.Year)]);
        }

        var items = values.SelectMany(v => (v ?? string.Empty).Split(',')).Select(s => s.Trim()).ToList();
        if (items.All(s => s.Length == 0))
        {
            return PeriodParseResult.Fail("Cần ít nhất một kỳ báo cáo, ví dụ periods=2019 hoặc periods=2020-01-01..2020-03-31.");
        }
        if (items.Count > MaxPeriods)
        {
            return PeriodParseResult.Fail($"Tối đa {MaxPeriods} kỳ báo cáo mỗi lần (đã yêu cầu {items.Count}).");
        }

        var periods = new List<ReportPeriod>(items.Count);
        foreach (var item in items)
        {
            if (item.Length == 0)
            {
                return PeriodParseResult.Fail("Danh sách kỳ báo cáo có phần tử trống (hai dấu phẩy liền nhau hoặc dấu phẩy ở đầu/cuối).");
            }
            if (TryParseOne(item) is not { } period)
            {
                return PeriodParseResult.Fail($"Kỳ báo cáo '{item}' không hợp lệ: dùng 'YYYY' (cả năm), 'YYYY-MM-DD..YYYY-MM-DD' (từ ngày..đến ngày) hoặc 'YYYY-MM-DD' (một ngày).");
            }
            if (period.To < period.From)
            {
                return PeriodParseResult.Fail($"Kỳ báo cáo '{item}' không hợp lệ: ngày kết thúc sớm hơn ngày bắt đầu.");
            }
            if (periods.Any(p => p.Key == period.Key))
            {
                return PeriodParseResult.Fail($"Kỳ báo cáo '{item}' bị lặp lại.");
            }
            periods.Add(period);
        }
        return PeriodParseResult.Ok(periods);
    }

    private static ReportPeriod? TryParseOne(string item)
    {
        if (YearPattern().IsMatch(item))
        {
            var year = int.Parse(item, CultureInfo.InvariantCulture);
            return year >= 1 ? ReportPeriod.Year(year) with { Key = item } : null;
        }
        if (DayPattern().IsMatch(item) && TryDate(item, out var day))
        {
            return new ReportPeriod(item, day, day);
        }
        var range = RangePattern().Match(item);
        if (range.Success && TryDate(range.Groups["from"].Value, out var from) && TryDate(range.Groups["to"].Value, out var to))
        {
            return new ReportPeriod(item, from, to);
        }
        return null;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^(?<from>\d{4}-\d{2}-\d{2})\.\.(?<to>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex RangePattern();
}

/// <summary>Either the periods or a Vietnamese error about the "periods" parameter.</summary>
public sealed record PeriodParseResult(IReadOnlyList<ReportPeriod> Periods, string? Error)
{
    public bool IsValid => Error is null;

    public static PeriodParseResult Ok(IReadOnlyList<ReportPeriod> periods) => new(periods, null);

    public static PeriodParseResult Fail(string error) => new([], error);
}
