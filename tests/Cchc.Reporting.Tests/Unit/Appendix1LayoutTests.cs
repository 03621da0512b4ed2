using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Programme;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>Appendix 1 row for row as the source prints it, every row computed; the submitted rows' values as submitted.</summary>
public sealed class Appendix1LayoutTests
{
    private readonly Appendix1 _appendix = new();

    [Fact]
    public void Rows_MatchTheSourceAppendixRowForRow()
    {
        var reference = ReferenceDataset.Appendix(1);
        var expected = reference.GetProperty("rows").EnumerateArray().Select(r => (
            Stt: r.GetProperty("stt").GetString(),
            Label: r.GetProperty("label").GetString(),
            ValueType: r.TryGetProperty("valueType", out var t) ? t.GetString() : null)).ToList();
        var actual = _appendix.Rows.Select(r => (Stt: (string?)r.Stt, Label: (string?)r.Label, r.ValueType)).ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(reference.GetProperty("title").GetString(), _appendix.Title);
    }

    [Fact]
    public void EveryValueRow_HasItsOwnIndicator_ComputedByTheProgrammeSource()
    {
        var keys = _appendix.Rows.Where(r => !r.Heading).Select(r => r.Indicator).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var computed = new ProgrammeIndicators(null!).Indicators.ToHashSet();
        Assert.All(keys, k => Assert.Contains(k, computed));
    }

    [Fact]
    public void TheDirectionKeyFigures_AreUnitsInspectedAndTheFourIndexRanks_EachComputedByAProgrammeSource()
    {
        var figures = new DirectionKeyFigures();
        var computed = new ProgrammeIndicators(null!).Indicators.Concat(new NationalIndexIndicators(null!).Indicators).ToHashSet();

        Assert.Equal("direction", figures.Area);
        Assert.Equal(
            [ProgrammeIndicators.UnitsInspected, NationalIndexIndicators.ParIndexRank, NationalIndexIndicators.SipasRank, NationalIndexIndicators.PapiRank, NationalIndexIndicators.PciRank],
            figures.Rows.Select(r => r.Indicator));
        Assert.All(figures.Rows, r => Assert.Contains(r.Indicator, computed));
        Assert.All(figures.Rows.Skip(1), r => Assert.Equal(ValueTypes.Rank, r.ValueType));
    }

    [Fact]
    public void Appendix3sSubmittedRows_AreComputedFromSubmittedValues()
    {
        var computed = new SubmittedValueIndicators(null!).Indicators;
        Assert.Equal([Appendix3.IssuedByProvince, Appendix3.SimplifiedAfterReview, Appendix3.PublishedInFull], computed);
        Assert.All(computed, k => Assert.Contains(new Appendix3().Rows, r => r.Indicator == k));
    }

    [Fact]
    public void ASubmittedCell_KeepsBlankDashAndZeroApart_AndSumsOnlyACountRowsNumbers()
    {
        Assert.Null(SubmittedValueIndicators.Combine(Appendix3.PublishedInFull, [(4, null)]));
        Assert.Equal(ReportValue.NotApplicable, SubmittedValueIndicators.Combine(Appendix3.IssuedByProvince, [(3, null)]));
        Assert.Equal(ReportValue.Of(0m), SubmittedValueIndicators.Combine(Appendix3.IssuedByProvince, [(1, "0")]));
        Assert.Equal(ReportValue.Of("62.29%"), SubmittedValueIndicators.Combine(Appendix3.SimplifiedAfterReview, [(2, "62.29%")]));
        Assert.Equal(ReportValue.Of(3m), SubmittedValueIndicators.Combine(Appendix3.IssuedByProvince, [(1, "1"), (1, "2")]));
        // A percentage from two units is not a sum: the latest recorded is shown.
        Assert.Equal(ReportValue.Of(90m), SubmittedValueIndicators.Combine(Appendix3.PublishedInFull, [(1, "100"), (1, "90")]));
    }
}
