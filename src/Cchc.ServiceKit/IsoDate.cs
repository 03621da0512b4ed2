using System.Globalization;

namespace Cchc.ServiceKit;

/// <summary>Calendar days on the wire: exactly "YYYY-MM-DD", a day that exists (no 2019-02-29).</summary>
public static class IsoDate
{
    private const string Pattern = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly day)
    {
        day = default;
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-')
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (i is not (4 or 7) && !char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }
        return DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    public static string Format(DateOnly day) => day.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Empty for no day (the wire's "not set").</summary>
    public static string Format(DateOnly? day) => day is { } d ? Format(d) : string.Empty;
}
