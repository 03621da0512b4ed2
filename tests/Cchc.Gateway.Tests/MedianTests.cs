namespace Cchc.Gateway.Tests;

/// <summary>The benchmark's median: four rounds have two middle values, and the median is their mean.</summary>
public sealed class MedianTests
{
    [Theory]
    [InlineData(new[] { 3620.0, 2957.0, 3634.0, 3195.0 }, 3407.5)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    [InlineData(new[] { 5.0, 1.0, 3.0 }, 3.0)]
    [InlineData(new[] { 7.0 }, 7.0)]
    public void Median_IsTheMiddleValue_OrTheMeanOfTheTwoMiddleValues(double[] values, double expected) =>
        Assert.Equal(expected, AuthenticationCostBenchmark.Median(values));

    [Fact]
    public void Median_OfNothing_IsRefused() =>
        Assert.Throws<ArgumentException>(() => AuthenticationCostBenchmark.Median([]));
}
