using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

public sealed class PeriodParserTests
{
    private static readonly DateOnly Today = new(2026, 5, 17);

    private static IReadOnlyList<ReportPeriod> ParseOk(params string?[] values)
    {
        var result = PeriodParser.Parse(values, Today);
        Assert.True(result.IsValid, result.Error);
        return result.Periods;
    }

    [Fact]
    public void Year_CoversFirstJanuaryToThirtyFirstDecember_LabelledNam()
    {
        var period = Assert.Single(ParseOk("2019"));
        Assert.Equal(new ReportPeriod("2019", new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31)), period);
        Assert.Equal("Năm 2019", period.Label);
    }

    [Fact]
    public void RangeFromFirstJanuaryToAQuarterEnd_LabelledAsTheSourcePrintsIt()
    {
        var period = Assert.Single(ParseOk("2020-01-01..2020-03-31"));
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31)), (period.From, period.To));
        Assert.Equal("2020-01-01..2020-03-31", period.Key);
        Assert.Equal("Năm 2020 (Tính đến 31/3)", period.Label);
    }

    [Fact]
    public void RangeCoveringAWholeYear_LabelledAsThatYear()
    {
        Assert.Equal("Năm 2018", Assert.Single(ParseOk("2018-01-01..2018-12-31")).Label);
    }

    [Theory]
    [InlineData("2020-02-15..2020-03-31", "Từ 15/02/2020 đến 31/03/2020")]
    [InlineData("2019-07-01..2020-06-30", "Từ 01/07/2019 đến 30/06/2020")]
    [InlineData("2019-01-01..2020-06-30", "Từ 01/01/2019 đến 30/06/2020")]
    public void OtherRanges_LabelledFromTo(string text, string label)
    {
        Assert.Equal(label, Assert.Single(ParseOk(text)).Label);
    }

    [Fact]
    public void SingleDayRange_IsValid()
    {
        var period = Assert.Single(ParseOk("2020-03-31..2020-03-31"));
        Assert.Equal(period.From, period.To);
    }

    [Fact]
    public void CommaSeparatedList_KeepsOrderAndKeysAsGiven()
    {
        var periods = ParseOk("2015,2016,2017,2018,2019,2020-01-01..2020-03-31");
        Assert.Equal(["2015", "2016", "2017", "2018", "2019", "2020-01-01..2020-03-31"], periods.Select(p => p.Key));
    }

    [Fact]
    public void RepeatedParameter_IsCombinedWithCommaLists()
    {
        var periods = ParseOk("2018, 2019", "2020");
        Assert.Equal(["2018", "2019", "2020"], periods.Select(p => p.Key));
    }

    [Fact]
    public void NoPeriodsGiven_DefaultsToTheCurrentYear()
    {
        var period = Assert.Single(PeriodParser.Parse([], Today).Periods);
        Assert.Equal(ReportPeriod.Year(Today.Year), period);
        Assert.Equal(ReportPeriod.Year(Today.Year), Assert.Single(PeriodParser.Parse(null, Today).Periods));
    }

    [Fact]
    public void TwelvePeriods_AreAccepted_ThirteenAreRejected()
    {
        var twelve = Enumerable.Range(2009, PeriodParser.MaxPeriods).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(PeriodParser.MaxPeriods, ParseOk(string.Join(',', twelve)).Count);

        var thirteen = string.Join(',', Enumerable.Range(2008, PeriodParser.MaxPeriods + 1));
        var result = PeriodParser.Parse([thirteen], Today);
        Assert.False(result.IsValid);
        Assert.Contains("12", result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" , ")]
    public void EmptyParameter_IsRejected(string value)
    {
        var result = PeriodParser.Parse([value], Today);
        Assert.False(result.IsValid);
        Assert.Empty(result.Periods);
    }

    [Theory]
    [InlineData("19")]
    [InlineData("20190")]
    [InlineData("0000")]
    [InlineData("năm 2019")]
    [InlineData("2019-13-01..2019-12-31")]
    [InlineData("2019-02-30..2019-03-01")]
    [InlineData("2019-01-01...2019-03-01")]
    [InlineData("2019-01-01..")]
    [InlineData("2019-1-1..2019-3-1")]
    public void MalformedPeriod_IsRejectedNamingTheValue(string value)
    {
        var result = PeriodParser.Parse([value], Today);
        Assert.False(result.IsValid);
        Assert.Contains($"'{value}'", result.Error);
    }

    [Fact]
    public void RangeEndingBeforeItStarts_IsRejected()
    {
        var result = PeriodParser.Parse(["2020-03-31..2020-01-01"], Today);
        Assert.False(result.IsValid);
        Assert.Contains("2020-03-31..2020-01-01", result.Error);
    }

    [Fact]
    public void EmptyItemInsideTheList_IsRejected()
    {
        Assert.False(PeriodParser.Parse(["2019,,2020"], Today).IsValid);
        Assert.False(PeriodParser.Parse(["2019,"], Today).IsValid);
    }

    [Fact]
    public void SamePeriodTwice_IsRejected()
    {
        var result = PeriodParser.Parse(["2019,2020,2019"], Today);
        Assert.False(result.IsValid);
        Assert.Contains("'2019'", result.Error);
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("1944")]
    [InlineData("2100")]
    [InlineData("1944-12-31..1945-01-01")]
    [InlineData("2099-12-31..2100-01-01")]
    [InlineData("0001-01-01..2019-12-31")]
    [InlineData("9999-12-31")]
    public void PeriodOutsideTheReportableDays_IsRejectedNamingIt(string value)
    {
        var result = PeriodParser.Parse([value], Today);
        Assert.False(result.IsValid);
        Assert.Contains($"'{value}'", result.Error);
        Assert.Contains("01/01/1945", result.Error);
        Assert.Contains("31/12/2099", result.Error);
    }

    [Fact]
    public void TheFirstAndLastReportableDays_AreAccepted()
    {
        var periods = ParseOk("1945,2099,1945-01-01..2099-12-31");
        Assert.Equal(PeriodParser.EarliestDay, periods[0].From);
        Assert.Equal(PeriodParser.LatestDay, periods[1].To);
    }

    [Theory]
    [InlineData("２０１９")]
    [InlineData("٢٠١٩")]
    [InlineData("２０１９-01-01..2019-12-31")]
    public void DigitsOfOtherScripts_AreRejected_NotAnException(string value)
    {
        var result = PeriodParser.Parse([value], Today);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void AHugeValue_IsQuotedShortly()
    {
        var huge = new string('9', 100_000);
        var result = PeriodParser.Parse([huge], Today);
        Assert.False(result.IsValid);
        Assert.Contains($"'{huge[..PeriodParser.QuotedLength]}…'", result.Error);
        Assert.True(result.Error!.Length < 300);
    }
}
