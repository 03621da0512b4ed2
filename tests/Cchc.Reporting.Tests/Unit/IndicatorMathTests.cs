using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

public sealed class IndicatorMathTests
{
    [Fact]
    public void Percentage_WithZeroDenominator_IsBlankNotZero()
    {
        Assert.Null(IndicatorMath.Percentage(0, 0));
    }

    [Theory]
    [InlineData(0, 7)]
    [InlineData(7, 7)]
    [InlineData(4_999, 5_000)]
    [InlineData(99_999, 100_000)]
    [InlineData(2, 3)]
    [InlineData(1, 3)]
    [InlineData(123_456, 150_001)]
    public void Percentage_IsTheShareTimesHundred_RoundedToFourDecimals(long numerator, long denominator)
    {
        var exact = (decimal)numerator / denominator * 100m;
        var value = IndicatorMath.Percentage(numerator, denominator);

        Assert.NotNull(value);
        Assert.True(Math.Abs(value.Value - exact) <= 0.00005m, $"{value} is not {exact} to 4 decimals");
        Assert.Equal(value.Value, Math.Round(value.Value, IndicatorMath.PercentDecimals));
    }

    [Fact]
    public void Percentage_KeepsTheThreeDecimalsTheSourcePrints()
    {
        // 99.999 % = 99,999 on time of 100,000 resolved.
        Assert.Equal(99.999m, IndicatorMath.Percentage(99_999, 100_000));
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(1, -3)]
    [InlineData(-1, -3)]
    public void Percentage_OfNegativeCounts_IsBlank_NotAnError(long numerator, long denominator)
    {
        Assert.Null(IndicatorMath.Percentage(numerator, denominator));
    }

    [Fact]
    public void Percentage_OfCountsAtTheInt64Limit_IsExact_AndDoesNotOverflow()
    {
        // Sums of facts stored at the bounds reach twice long.MaxValue: still exact in decimal.
        var whole = 2m * long.MaxValue;
        Assert.Equal(50m, IndicatorMath.Percentage(long.MaxValue, whole));
        Assert.Equal(100m, IndicatorMath.Percentage(decimal.MaxValue, decimal.MaxValue));
    }

    [Fact]
    public void Total_IsTheSumOfItsParts()
    {
        decimal[] parts = [1714, 244, 119];
        Assert.Equal(parts.Sum(), IndicatorMath.Total(parts));
        Assert.Equal(0, IndicatorMath.Total());
    }

    [Fact]
    public void Total_OfPartsAtTheInt64Limit_IsExact()
    {
        Assert.Equal(18446744073709551614m, IndicatorMath.Total(long.MaxValue, long.MaxValue));
    }
}
