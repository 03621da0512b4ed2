using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>The computed-table cache (docs/adr/0044): an entry answers only its revision, its table row for row and its periods.</summary>
public sealed class ComputedReportCacheTests
{
    private sealed class Table(string title, params RowDefinition[] rows) : IAppendix
    {
        public int Number => 9;

        public string Title => title;

        public IReadOnlyList<RowDefinition> Rows => rows;
    }

    private static readonly RowDefinition A = RowDefinition.Value("1", "A", ValueTypes.Integer, "x.a");
    private static readonly RowDefinition B = RowDefinition.Value("2", "B", ValueTypes.Integer, "x.b");
    private static readonly IReadOnlyList<ReportPeriod> Y2019 = [ReportPeriod.Year(2019)];

    private static AppendixReport Report(IAppendix table, IReadOnlyList<ReportPeriod> periods, long value) =>
        new(table.Number, table.Title, periods, table.Rows.Select(r => new ReportRow(r, periods.ToDictionary(p => p.Key, _ => (ReportValue?)ReportValue.Of(value)))).ToList());

    [Fact]
    public void AnEntry_AnswersItsRevisionTableAndPeriodsOnly()
    {
        var cache = new ComputedReportCache();
        var table = new Table("T", A, B);
        var report = Report(table, Y2019, 1);
        cache.Store(5, table, Y2019, report);

        Assert.True(cache.TryGet(5, new Table("T", A, B), Y2019, out var hit));
        Assert.Same(report, hit);
        Assert.False(cache.TryGet(6, table, Y2019, out _));
        Assert.False(cache.TryGet(5, table, [ReportPeriod.Year(2018)], out _));
        Assert.False(cache.TryGet(5, table, [new ReportPeriod("2019", new DateOnly(2019, 1, 1), new DateOnly(2019, 6, 30))], out _));
        // Two views of one row each, of the same type and number (the drill-down's): never each other's.
        var onlyA = new Table("T", A);
        cache.Store(5, onlyA, Y2019, Report(onlyA, Y2019, 2));
        Assert.False(cache.TryGet(5, new Table("T", B), Y2019, out _));
        // The same indicators under another label: not the same table.
        Assert.False(cache.TryGet(5, new Table("T", A with { Label = "A'" }), Y2019, out _));
        Assert.Equal((1L, 5L), cache.Counts);
    }

    [Fact]
    public void ANewerRevision_DropsTheOlderEntries_AndAnOlderOneIsNotKept()
    {
        var cache = new ComputedReportCache();
        var table = new Table("T", A);
        cache.Store(5, table, Y2019, Report(table, Y2019, 1));
        cache.Store(7, table, Y2019, Report(table, Y2019, 2));
        Assert.False(cache.TryGet(5, table, Y2019, out _));
        cache.Store(6, table, Y2019, Report(table, Y2019, 3));
        Assert.False(cache.TryGet(6, table, Y2019, out _));
        Assert.True(cache.TryGet(7, table, Y2019, out var kept));
        Assert.Equal(ReportValue.Of(2L), kept.Rows[0].Values!["2019"]);
    }
}
