using Cchc.Cli.Spreadsheets;

namespace Cchc.Cli.Tests.Spreadsheets;

public sealed class CellReaderTests
{
    [Theory]
    [InlineData("Ngày tiếp nhận", "ngay tiep nhan")]
    [InlineData("NGAY TIEP NHAN", "ngay tiep nhan")]
    [InlineData("  ngày  tiếp-nhận * ", "ngay tiep nhan")]
    [InlineData("Ngày tiếp nhận (dd/mm/yyyy)", "ngay tiep nhan")]
    [InlineData("Đơn vị tiếp nhận", "don vi tiep nhan")]
    [InlineData("Xử lý trên hệ thống một cửa điện tử", "xu ly tren he thong mot cua dien tu")]
    public void Header_keys_ignore_diacritics_case_punctuation_and_parentheses(string header, string key) =>
        Assert.Equal(key, TextKey.Of(header));

    [Fact]
    public void Decomposed_and_composed_vietnamese_have_the_same_key() =>
        Assert.Equal(TextKey.Of("Hạn trả kết quả"), TextKey.Of("Hạn trả kết quả".Normalize(System.Text.NormalizationForm.FormD)));

    [Theory]
    [InlineData("05/03/2019", 2019, 3, 5, 0, 0)]
    [InlineData("5/3/2019", 2019, 3, 5, 0, 0)]
    [InlineData("05-03-2019", 2019, 3, 5, 0, 0)]
    [InlineData("05.03.2019", 2019, 3, 5, 0, 0)]
    [InlineData("2019-03-05", 2019, 3, 5, 0, 0)]
    [InlineData("05/03/2019 14:30", 2019, 3, 5, 14, 30)]
    [InlineData("05/03/2019 8h15", 2019, 3, 5, 8, 15)]
    [InlineData("43529", 2019, 3, 5, 0, 0)]
    public void Dates_are_day_first_with_an_optional_time(string text, int year, int month, int day, int hour, int minute)
    {
        Assert.True(CellReader.TryDateTime(text, out var value, out var hasTime));
        Assert.Equal(new DateTime(year, month, day, hour, minute, 0), value);
        Assert.Equal(hour != 0 || minute != 0, hasTime);
    }

    [Theory]
    [InlineData("13/25/2019")]
    [InlineData("32/01/2019")]
    [InlineData("hôm qua")]
    [InlineData("05/03/2019 25:00")]
    public void Impossible_dates_are_refused(string text) => Assert.False(CellReader.TryDateTime(text, out _, out _));

    [Fact]
    public void Excel_dates_and_serial_numbers_are_dates()
    {
        Assert.True(CellReader.TryDateTime(new DateTime(2019, 3, 5, 9, 0, 0), out var fromDate, out var timed));
        Assert.Equal(new DateTime(2019, 3, 5, 9, 0, 0), fromDate);
        Assert.True(timed);
        Assert.True(CellReader.TryDateTime(43529.5, out var fromSerial, out _));
        Assert.Equal(new DateTime(2019, 3, 5, 12, 0, 0), fromSerial);
    }

    [Theory]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1.234", 1234)]
    [InlineData("12.500", 12500)]
    [InlineData("2.206.300,5", 2206300.5)]
    [InlineData("0,25", 0.25)]
    [InlineData("1234,5", 1234.5)]
    [InlineData("2206300.5", 2206300.5)]
    [InlineData("1,234,567.5", 1234567.5)]
    [InlineData("0.125", 0.125)]
    [InlineData("1 234 567", 1234567)]
    [InlineData("-1.500", -1500)]
    [InlineData("0", 0)]
    public void Vietnamese_and_unambiguous_english_numbers(string text, double expected)
    {
        Assert.True(CellReader.TryDecimal(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.23.4")]
    [InlineData("12,34,5")]
    [InlineData("mười")]
    [InlineData("1.234,5.6")]
    public void Malformed_numbers_are_refused(string text) => Assert.False(CellReader.TryDecimal(text, out _));

    [Fact]
    public void Numeric_cells_keep_the_value_excel_shows() =>
        Assert.Equal(0.3m, CellReader.TryDecimal(0.1 + 0.2, out var value) ? value : -1);

    [Fact]
    public void Blank_is_not_zero()
    {
        Assert.True(CellReader.IsBlank(null));
        Assert.True(CellReader.IsBlank("   "));
        Assert.False(CellReader.IsBlank("0"));
        Assert.False(CellReader.IsBlank(0.0));
        Assert.Null(CellReader.AsText(""));
        Assert.Equal("0", CellReader.AsText(0.0));
    }

    [Theory]
    [InlineData("Có", true)]
    [InlineData("co", true)]
    [InlineData("x", true)]
    [InlineData("Không", false)]
    [InlineData("KHONG", false)]
    [InlineData("0", false)]
    public void Yes_and_no_in_vietnamese(string text, bool expected)
    {
        Assert.True(CellReader.TryBoolean(text, out var value));
        Assert.Equal(expected, value);
    }
}
