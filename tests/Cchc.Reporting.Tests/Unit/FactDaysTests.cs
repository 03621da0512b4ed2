using Cchc.Reporting.Api.Data;

namespace Cchc.Reporting.Tests.Unit;

public sealed class FactDaysTests
{
    [Fact]
    public void AnInstant_IsItsVietnamDay()
    {
        Assert.Equal(new DateOnly(2020, 1, 1), FactDays.LocalDay(new DateTimeOffset(2019, 12, 31, 20, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2019, 12, 31), FactDays.LocalDay(new DateTimeOffset(2019, 12, 31, 16, 59, 59, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("9999-12-31T16:59:59.9999999Z", "9999-12-31")]
    [InlineData("9999-12-31T17:00:00Z", "9999-12-31")]
    [InlineData("9999-12-31T20:00:00Z", "9999-12-31")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01")]
    public void InstantsAtTheCalendarsEnds_AreItsFirstAndLastDays_NotAnException(string instant, string day)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), FactDays.LocalDay(at));
    }

    [Fact]
    public void TheLastInstant_IsTheLastDay()
    {
        Assert.Equal(DateOnly.MaxValue, FactDays.LocalDay(DateTimeOffset.MaxValue));
        Assert.Equal(DateOnly.MinValue, FactDays.LocalDay(DateTimeOffset.MinValue));
        Assert.Null(FactDays.LocalDay((DateTimeOffset?)null));
    }
}
