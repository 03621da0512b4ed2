using System.Globalization;
using System.Text.RegularExpressions;

namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// Parses the "periods" parameter: a comma-separated list (the parameter may also repeat) of "YYYY" (a whole year)
/// or "YYYY-MM-DD..YYYY-MM-DD" (both days included). None given: the current year. Every day lies in
/// [<see cref="EarliestDay"/>, <see cref="LatestDay"/>]. Errors are Vietnamese, name the parameter and quote at most
/// <see cref="QuotedLength"/> characters of what was sent.
/// </summary>
public static partial class PeriodParser
{
    public const string Parameter = "periods";
    public const int MaxPeriods = 12;

    /// <summary>
    /// The first day a report period may include: the year the state was founded (no record of the province's
    /// administration can be older; the domain services refuse facts before 2 September 1945).
    /// </summary>
    public static readonly DateOnly EarliestDay = new(1945, 1, 1);

    /// <summary>
    /// The last day a report period may include. Far beyond any fact (the domain services accept days up to a year
    /// ahead), and far from the calendar's end, whose days PostgreSQL would read as infinity.
    /// </summary>
    public static readonly DateOnly LatestDay = new(2099, 12, 31);

    /// <summary>How much of a rejected value an error message repeats.</summary>
    public const int QuotedLength = 40;

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
                return PeriodParseResult.Fail($"Kỳ báo cáo '{Quote(item)}' không hợp lệ: dùng 'YYYY' (cả năm), 'YYYY-MM-DD..YYYY-MM-DD' (từ ngày..đến ngày) hoặc 'YYYY-MM-DD' (một ngày).");
            }
            if (period.To < period.From)
            {
                return PeriodParseResult.Fail($"Kỳ báo cáo '{item}' không hợp lệ: ngày kết thúc sớm hơn ngày bắt đầu.");
            }
            if (period.From < EarliestDay || period.To > LatestDay)
            {
                return PeriodParseResult.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"Kỳ báo cáo '{item}' nằm ngoài khoảng cho phép: các ngày từ {EarliestDay:dd/MM/yyyy} đến {LatestDay:dd/MM/yyyy}."));
            }
            if (periods.Any(p => p.Key == period.Key))
            {
                return PeriodParseResult.Fail($"Kỳ báo cáo '{item}' bị lặp lại.");
            }
            periods.Add(period);
        }
        return PeriodParseResult.Ok(periods);
    }

    /// <summary>A value as an error message repeats it: at most <see cref="QuotedLength"/> characters.</summary>
    public static string Quote(string value) => value.Length <= QuotedLength ? value : string.Concat(value.AsSpan(0, QuotedLength), "…");

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

    // [0-9], not \d: \d also matches other scripts' digits ("２０１９"), which int.Parse then refuses with an exception.
    [GeneratedRegex(@"^[0-9]{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^(?<from>[0-9]{4}-[0-9]{2}-[0-9]{2})\.\.(?<to>[0-9]{4}-[0-9]{2}-[0-9]{2})$")]
    private static partial Regex RangePattern();
}

/// <summary>Either the periods or a Vietnamese error about the "periods" parameter.</summary>
public sealed record PeriodParseResult(IReadOnlyList<ReportPeriod> Periods, string? Error)
{
    public bool IsValid => Error is null;

    public static PeriodParseResult Ok(IReadOnlyList<ReportPeriod> periods) => new(periods, null);

    public static PeriodParseResult Fail(string error) => new([], error);
}
