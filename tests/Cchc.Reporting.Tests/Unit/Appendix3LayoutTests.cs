using System.Text.Json;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

public sealed class Appendix3LayoutTests
{
    private readonly Appendix3 _appendix = new();

    [Fact]
    public void Rows_MatchTheSourceAppendixRowForRow()
    {
        var reference = ReferenceDataset.Appendix(3);
        var expected = reference.GetProperty("rows").EnumerateArray().Select(r => (
            Stt: r.GetProperty("stt").GetString(),
            Label: r.GetProperty("label").GetString(),
            ValueType: r.TryGetProperty("valueType", out var t) ? t.GetString() : null,
            Heading: r.TryGetProperty("heading", out var h) && h.GetBoolean())).ToList();
        var actual = _appendix.Rows.Select(r => (Stt: (string?)r.Stt, Label: (string?)r.Label, r.ValueType, r.Heading)).ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(reference.GetProperty("title").GetString(), _appendix.Title);
        Assert.Equal(reference.GetProperty("no").GetInt32(), _appendix.Number);
    }

    [Fact]
    public void EveryRow_HasItsOwnIndicatorKey()
    {
        var keys = _appendix.Rows.Select(r => r.Indicator).ToList();
        Assert.All(keys, k => Assert.Matches("^[a-z_]+(\\.[a-z_]+)*$", k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void ReferenceTotals_ContradictTheirParts_WhichIsWhyTheTotalIsComputed()
    {
        // The source prints 2078 for 2020Q1 while its levels add up to 2077: the platform sums the levels.
        var rows = ReferenceDataset.Appendix(3).GetProperty("rows").EnumerateArray().ToList();
        static long Value(JsonElement row) => row.GetProperty("values").GetProperty("2020Q1").GetInt64();
        Assert.NotEqual(Value(rows[0]), Value(rows[1]) + Value(rows[2]) + Value(rows[3]));
    }
}
