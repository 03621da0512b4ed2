using System.Globalization;

namespace Cchc.Cli.Spreadsheets;

/// <summary>
/// Reads cell values as people put them in spreadsheets in Vietnam: real Excel dates and numbers, or text —
/// days "dd/MM/yyyy" (also d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy, ISO yyyy-MM-dd; never month first), an optional time
/// "HH:mm[:ss]", numbers with "." as thousands separator and "," as decimal comma (1.234.567,5), and yes/no words.
/// A blank cell is <c>null</c>, never 0: "blank" and "0" stay different facts.
/// </summary>
internal static class CellReader
{
    private static readonly string[] DayFormats =
    [
        "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d", "yyyy/M/d",
    ];

    private static readonly string[] TimeFormats =
    [
        "H:m", "H:m:s", "H'h'm", "H'g'm",
    ];

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.Ordinal)
    {
        ["co"] = true, ["x"] = true, ["dung"] = true, ["yes"] = true, ["y"] = true, ["true"] = true, ["1"] = true, ["da"] = true,
        ["khong"] = false, ["sai"] = false, ["no"] = false, ["n"] = false, ["false"] = false, ["0"] = false, ["chua"] = false,
    };

    /// <summary>Blank: null, an empty or whitespace-only string.</summary>
    public static bool IsBlank(object? value) => value is null || value is DBNull || (value is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>The cell as text: numbers without exponent or trailing ".0", dates as dd/MM/yyyy.</summary>
    public static string? AsText(object? value) => value switch
    {
        _ when IsBlank(value) => null,
        string s => s.Trim(),
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "Có" : "Không",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value!.ToString()?.Trim(),
    };

    /// <summary>
    /// A day and an optional time of day (local, as written). Excel dates come as <see cref="DateTime"/> (or as serial
    /// numbers in a cell without a date format); text as above.
    /// </summary>
    public static bool TryDateTime(object? value, out DateTime result, out bool hasTime)
    {
        result = default;
        hasTime = false;
        switch (value)
        {
            case DateTime t:
                result = t;
                hasTime = t.TimeOfDay != TimeSpan.Zero;
                return true;
            case DateTimeOffset o:
                result = o.DateTime;
                hasTime = result.TimeOfDay != TimeSpan.Zero;
                return true;
            case DateOnly d:
                result = d.ToDateTime(TimeOnly.MinValue);
                return true;
            case double serial:
                return TrySerial(serial, out result, out hasTime);
            case string s:
                return TryParseDateText(s.Trim(), out result, out hasTime);
            default:
                return false;
        }
    }

    private static bool TrySerial(double serial, out DateTime result, out bool hasTime)
    {
        result = default;
        hasTime = false;
        // 1 = 1900-01-01 … 2958465 = 9999-12-31; below 1900 nobody keeps records here.
        if (serial < 1 || serial > 2958465)
        {
            return false;
        }
        result = DateTime.FromOADate(serial);
        result = new DateTime(result.Ticks - result.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
        hasTime = result.TimeOfDay != TimeSpan.Zero;
        return true;
    }

    private static bool TryParseDateText(string text, out DateTime result, out bool hasTime)
    {
        result = default;
        hasTime = false;
        if (text.Length == 0)
        {
            return false;
        }
        // "05/03/2019 14:30", "2019-03-05T14:30:00", "05/03/2019 14h30"
        var parts = text.Replace('T', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2)
        {
            return false;
        }
        if (!DateTime.TryParseExact(parts[0], DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // A serial number typed or exported as text ("43530").
            return double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && parts.Length == 1
                && serial >= 20000 && TrySerial(serial, out result, out hasTime);
        }
        result = day;
        if (parts.Length == 2)
        {
            var time = parts[1].TrimEnd('Z');
            if (!DateTime.TryParseExact(time, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.NoCurrentDateDefault, out var at))
            {
                return false;
            }
            result = day + at.TimeOfDay;
            hasTime = true;
        }
        return true;
    }

    /// <summary>
    /// A number: a numeric cell as is; text in Vietnamese notation ("1.234.567", "2.206.300,5", "0,25") or in English
    /// notation where it is unambiguous ("2206300.5", "1,234,567.5"). Rules: with both "." and "," the last one is the
    /// decimal separator; several of the same are thousands separators; one "." followed by exactly three digits is a
    /// thousands separator (Vietnamese), otherwise a decimal point; one "," is a decimal comma.
    /// </summary>
    public static bool TryDecimal(object? value, out decimal result)
    {
        result = 0;
        switch (value)
        {
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) > 7.9e27)
                {
                    return false;
                }
                // Round-trip of the double as Excel shows it (15 significant digits): 0.1 + 0.2 stays 0.3.
                result = decimal.Parse(d.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                return true;
            case decimal m:
                result = m;
                return true;
            case int or long or short or float:
                result = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return true;
            case string s:
                return TryParseNumberText(s, out result);
            default:
                return false;
        }
    }

    private static bool TryParseNumberText(string text, out decimal result)
    {
        result = 0;
        var s = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '\u00a0' && c != '\'').ToArray());
        if (s.Length == 0)
        {
            return false;
        }
        var dots = s.Count(c => c == '.');
        var commas = s.Count(c => c == ',');
        string normalized;
        if (dots > 0 && commas > 0)
        {
            var decimalSeparator = s.LastIndexOf('.') > s.LastIndexOf(',') ? '.' : ',';
            var thousands = decimalSeparator == '.' ? ',' : '.';
            if (s.Count(c => c == decimalSeparator) != 1 || !GroupsOfThree(s[..s.LastIndexOf(decimalSeparator)], thousands))
            {
                return false;
            }
            normalized = s.Replace(thousands.ToString(), string.Empty).Replace(',', '.');
        }
        else if (dots > 1 || commas > 1)
        {
            var thousands = dots > 1 ? '.' : ',';
            if (!GroupsOfThree(s, thousands))
            {
                return false;
            }
            normalized = s.Replace(thousands.ToString(), string.Empty);
        }
        else if (dots == 1)
        {
            var after = s.Length - s.IndexOf('.') - 1;
            var integerPart = s[..s.IndexOf('.')].TrimStart('-', '+');
            normalized = after == 3 && integerPart.Length is > 0 and <= 3 && integerPart != "0" ? s.Replace(".", string.Empty) : s;
        }
        else
        {
            normalized = s.Replace(',', '.');
        }
        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out result);
    }

    /// <summary>"1.234.567" style: the first group 1–3 digits, every later group exactly 3.</summary>
    private static bool GroupsOfThree(string s, char separator)
    {
        var groups = s.TrimStart('-', '+').Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3) && groups.All(g => g.All(char.IsAsciiDigit));
    }

    /// <summary>Yes/no: Có/Không (with or without diacritics), x, Đúng/Sai, 1/0, TRUE/FALSE, a real boolean cell.</summary>
    public static bool TryBoolean(object? value, out bool result)
    {
        result = false;
        switch (value)
        {
            case bool b:
                result = b;
                return true;
            case double d when d is 0 or 1:
                result = d == 1;
                return true;
            case string s:
                return Booleans.TryGetValue(TextKey.Of(s), out result);
            default:
                return false;
        }
    }
}
