using System.Text.Json;
using Cchc.Reporting.Api.Institutions;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

public sealed class Appendix2LayoutTests
{
    private readonly Appendix2 _appendix = new();

    [Fact]
    public void Rows_MatchTheSourceAppendixRowForRow()
    {
        var reference = ReferenceDataset.Appendix(2);
        var expected = reference.GetProperty("rows").EnumerateArray().Select(r => (
            Stt: r.GetProperty("stt").GetString(),
            Label: r.GetProperty("label").GetString(),
            ValueType: r.TryGetProperty("valueType", out var t) ? t.GetString() : null,
            Heading: r.TryGetProperty("heading", out var h) && h.GetBoolean())).ToList();
        var actual = _appendix.Rows.Select(r => (Stt: (string?)r.Stt, Label: (string?)r.Label, r.ValueType, r.Heading)).ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(reference.GetProperty("title").GetString(), _appendix.Title);
        Assert.Equal(2, _appendix.Number);
    }

    [Fact]
    public void EveryRow_HasItsOwnIndicatorKey()
    {
        var keys = _appendix.Rows.Select(r => r.Indicator).ToList();
        Assert.All(keys, k => Assert.Matches("^[a-z_]+(\\.[a-z_]+)*$", k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [InlineData("2015", 717, 489)]
    [InlineData("2016", 791, 614)]
    [InlineData("2017", 611, 426)]
    [InlineData("2018", 366, 226)]
    [InlineData("2019", 191, 85)]
    public void ThePrintedTotal_ContradictsItsBreakdown_In2015To2019_WhichIsWhyTheTotalIsTheSum(string year, long printed, long sum)
    {
        var rows = ReferenceDataset.Appendix(2).GetProperty("rows").EnumerateArray().ToList();
        static long Value(JsonElement row, string year) => row.GetProperty("values").GetProperty(year).GetInt64();
        Assert.Equal(printed, Value(rows[0], year));
        Assert.Equal(sum, rows.Skip(2).Take(6).Sum(r => Value(r, year)));
    }
}
