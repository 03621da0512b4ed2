using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Modernisation;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

public sealed class Appendix7LayoutTests
{
    private readonly Appendix7 _appendix = new();

    [Fact]
    public void Rows_MatchTheSourceAppendixRowForRow()
    {
        var reference = ReferenceDataset.Appendix(7);
        var expected = reference.GetProperty("rows").EnumerateArray().Select(r => (
            Stt: r.GetProperty("stt").GetString(),
            Label: r.GetProperty("label").GetString(),
            ValueType: r.TryGetProperty("valueType", out var t) ? t.GetString() : null)).ToList();
        var actual = _appendix.Rows.Select(r => (Stt: (string?)r.Stt, Label: (string?)r.Label, r.ValueType)).ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(reference.GetProperty("title").GetString(), _appendix.Title);
    }

    [Fact]
    public void EveryRow_HasItsOwnIndicator_ComputedByASource()
    {
        var keys = _appendix.Rows.Select(r => r.Indicator).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var computed = new ModernisationIndicators(null!).Indicators.Concat(new OnlineServiceIndicators(null!).Indicators).ToHashSet();
        Assert.All(keys, k => Assert.Contains(k, computed));
        Assert.All(new ModernisationKeyFigures().Rows, r => Assert.Contains(r.Indicator, computed));
    }

    [Theory]
    [InlineData(0, 0, "0/0")]
    [InlineData(28, 28, "28/28")]
    [InlineData(3, 41, "3/41")]
    public void Fraction_IsThePartOverTheWhole(long part, long whole, string printed) => Assert.Equal(printed, IndicatorMath.Fraction(part, whole));

    [Fact]
    public void Fraction_RefusesAPartAboveTheWhole() => Assert.Throws<ArgumentOutOfRangeException>(() => IndicatorMath.Fraction(29, 28));

    [Fact]
    public void ADossierProcessedElectronically_CountsInItsDaysElectronicColumn_AndMovesWithIt()
    {
        var changes = new DailyCountChanges();
        var day = new DateOnly(2019, 5, 2);
        var received = new DossierFact { DossierId = "d", ProcedureCode = "p", ReceivingUnit = "u", Status = DossierStatus.Received, ProcessedElectronically = true };
        changes.Remove(received);
        changes.Add(new DossierFact
        {
            DossierId = "d", ProcedureCode = "p", ReceivingUnit = "u", Status = DossierStatus.Resolved, ClosedOn = day, OnTime = true, ProcessedElectronically = true,
        });
        var change = Assert.Single(changes.NonZero());
        Assert.Equal((1L, 1L, 1L), change.Value);
    }
}
