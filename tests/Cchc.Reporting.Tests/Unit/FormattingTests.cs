using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Pages;

namespace Cchc.Reporting.Tests.Unit;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(119, "119")]
    [InlineData(2077, "2.077")]
    [InlineData(1561231, "1.561.231")]
    public void Integers_UseDotsAsThousandsSeparators(long value, string text)
    {
        Assert.Equal(text, VietnameseFormat.Cell(ReportValue.Of(value), ValueTypes.Integer));
    }

    [Theory]
    [InlineData("99.98", "99,98%")]
    [InlineData("99.999", "99,999%")]
    [InlineData("100", "100%")]
    [InlineData("66.6667", "66,6667%")]
    public void Percentages_UseACommaDecimalAndAPercentSign(string value, string text)
    {
        var number = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(text, VietnameseFormat.Cell(ReportValue.Of(number), ValueTypes.Percent));
    }

    [Fact]
    public void BlankDashAndZero_StayDistinct()
    {
        Assert.Equal(string.Empty, VietnameseFormat.Cell(null, ValueTypes.Integer));
        Assert.Equal("-", VietnameseFormat.Cell(ReportValue.NotApplicable, ValueTypes.Integer));
        Assert.Equal("0", VietnameseFormat.Cell(ReportValue.Of(0L), ValueTypes.Integer));
    }

    [Fact]
    public void NumberValues_DropTrailingZeros()
    {
        var value = Assert.IsType<ReportValue.Number>(ReportValue.Of(99.9800m));
        Assert.Equal("99.98", value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ReportValue.Of(99.98m), value);
    }

    [Fact]
    public void Text_IsShownAsIs()
    {
        Assert.Equal("Đang triển khai thực hiện", VietnameseFormat.Cell(ReportValue.Of("Đang triển khai thực hiện"), ValueTypes.Text));
    }
}
