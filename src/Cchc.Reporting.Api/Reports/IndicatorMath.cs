namespace Cchc.Reporting.Api.Reports;

/// <summary>The arithmetic of indicators, as pure functions.</summary>
public static class IndicatorMath
{
    /// <summary>Decimals kept in a percentage (the source prints up to three: 99.999).</summary>
    public const int PercentDecimals = 4;

    /// <summary>numerator / denominator × 100, rounded half away from zero; blank (null) when the denominator is 0.</summary>
    public static decimal? Percentage(long numerator, long denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        if (denominator == 0)
        {
            return null;
        }
        return Math.Round(numerator * 100m / denominator, PercentDecimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>A total that is by definition the sum of its parts.</summary>
    public static long Total(params ReadOnlySpan<long> parts)
    {
        long sum = 0;
        foreach (var part in parts)
        {
            sum = checked(sum + part);
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
