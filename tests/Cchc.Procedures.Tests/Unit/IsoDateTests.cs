using Cchc.Procedures.Api.Domain;

namespace Cchc.Procedures.Tests.Unit;

public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2019-05-02", 2019, 5, 2)]
    [InlineData("2020-02-29", 2020, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("9999-12-31", 9999, 12, 31)]
    public void TryParse_ExistingDayInIsoForm_ReturnsThatDay(string text, int year, int month, int day)
    {
        Assert.True(IsoDate.TryParse(text, out var parsed));
        Assert.Equal(new DateOnly(year, month, day), parsed);
    }

    [Theory]
    [InlineData("2019-02-29")] // not a leap year
    [InlineData("2019-04-31")]
    [InlineData("2019-13-01")]
    [InlineData("2019-00-10")]
    [InlineData("0000-01-01")]
    [InlineData("2019-5-02")]
    [InlineData("2019/05/02")]
    [InlineData("20190502")]
    [InlineData("02-05-2019")]
    [InlineData(" 2019-05-02")]
    [InlineData("2019-05-02T00:00")]
    [InlineData("2019-05-0a")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsRefused(string? text)
    {
        Assert.False(IsoDate.TryParse(text, out _));
    }

    [Fact]
    public void Format_WritesFourDigitYearAndTwoDigitMonthAndDay()
    {
        Assert.Equal("0987-03-04", IsoDate.Format(new DateOnly(987, 3, 4)));
        Assert.Equal(string.Empty, IsoDate.Format((DateOnly?)null));
    }
}
