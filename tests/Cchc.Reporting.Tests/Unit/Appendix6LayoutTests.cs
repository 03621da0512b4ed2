using Cchc.Reporting.Api.PublicFinance;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

public sealed class Appendix6LayoutTests
{
    private const string StateFunded = "Số lượng đơn vị sự nghiệp công do Nhà nước bảo đảm chi thường xuyên";

    private readonly Appendix6 _appendix = new();

    [Fact]
    public void Rows_AreTheSourcesRowsInOrder_PlusTheOmittedStateFundedLevel_AfterTheListedLevelsOfRows3And4()
    {
        var reference = ReferenceDataset.Appendix(6);
        var expected = reference.GetProperty("rows").EnumerateArray()
            .Select(r => (Stt: r.GetProperty("stt").GetString(), Label: r.GetProperty("label").GetString(), ValueType: r.GetProperty("valueType").GetString()))
            .ToList();
        // The source lists four levels under row 2 but three under rows 3 and 4: the fourth goes after them.
        var row4 = expected.FindIndex(r => r.Stt == "4");
        var row5 = expected.FindIndex(r => r.Stt == "5");
        expected.Insert(row5, ("-", StateFunded, "integer"));
        expected.Insert(row4, ("-", StateFunded, "integer"));
        var actual = _appendix.Rows.Select(r => (Stt: (string?)r.Stt, Label: (string?)r.Label, r.ValueType)).ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(reference.GetProperty("title").GetString(), _appendix.Title);
        Assert.Equal(6, _appendix.Number);
    }

    [Fact]
    public void EveryTotal_HasExactlyTheFourLevelsUnderIt_AndEveryRowItsOwnIndicator()
    {
        var rows = _appendix.Rows;
        foreach (var stt in new[] { "2", "3", "4" })
        {
            var at = rows.ToList().FindIndex(r => r.Stt == stt);
            var levels = rows.Skip(at + 1).TakeWhile(r => r.Stt == "-").ToList();
            Assert.Equal(4, levels.Count);
            Assert.All(levels, l => Assert.StartsWith(rows[at].Indicator.Replace(".total", ".", StringComparison.Ordinal), l.Indicator, StringComparison.Ordinal));
        }
        var keys = rows.Select(r => r.Indicator).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }
}
