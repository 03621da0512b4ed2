namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// The arithmetic of indicators, as pure functions, in <see cref="decimal"/>: sums and counts come from SQL as numeric
/// (PostgreSQL's sum of bigint is numeric and never overflows) and stay exact here, so a total of facts stored at the
/// bounds of what the services accept cannot overflow into an error.
/// </summary>
public static class IndicatorMath
{
    /// <summary>Decimals kept in a percentage (the source prints up to three: 99.999).</summary>
    public const int PercentDecimals = 4;

    /// <summary>
    /// numerator / denominator × 100, rounded half away from zero; blank (null) when the denominator is 0 or either
    /// count is negative (a share of negative counts means nothing; the page shows a blank cell rather than failing).
    /// </summary>
    public static decimal? Percentage(decimal numerator, decimal denominator)
    {
        if (denominator <= 0 || numerator < 0)
        {
            return null;
        }
        // × 100 first keeps the digits of ordinary counts exact; a numerator that large divides first instead.
        var share = numerator <= decimal.MaxValue / 100m ? numerator * 100m / denominator : numerator / denominator * 100m;
        return Math.Round(share, PercentDecimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>A total that is by definition the sum of its parts.</summary>
    public static decimal Total(params ReadOnlySpan<decimal> parts)
    {
        var sum = 0m;
        foreach (var part in parts)
        {
            sum += part;
        }
        return sum;
    }

    /// <summary>A "28/28"-style fraction: the part over the whole, as printed.</summary>
    public static string Fraction(long part, long whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(part, whole);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{part}/{whole}");
    }
}
