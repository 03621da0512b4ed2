using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Tests.Unit;

public sealed class AppendixCalculatorTests
{
    private sealed class TestAppendix : IAppendix
    {
        public int Number => 9;
        public string Title => "Thử";
        public IReadOnlyList<RowDefinition> Rows { get; } =
        [
            RowDefinition.Section("1", "Nhóm", "a"),
            RowDefinition.Value("-", "Đếm", ValueTypes.Integer, "a.count"),
            RowDefinition.Value("-", "Tỷ lệ", ValueTypes.Percent, "a.rate"),
            RowDefinition.Value("2", "Chưa có nguồn", ValueTypes.Text, "nobody.computes"),
        ];
    }

    /// <summary>Counts: the period's year; rate: blank for odd years.</summary>
    private sealed class YearSource : IIndicatorSource
    {
        public List<IReadOnlyList<ReportPeriod>> Calls { get; } = [];
        public IReadOnlyCollection<string> Indicators => ["a.count", "a.rate"];

        public Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
        {
            Calls.Add(periods);
            foreach (var p in periods)
            {
                values.Set("a.count", p.Key, p.To.Year);
                values.Set("a.rate", p.Key, p.To.Year % 2 == 0 ? 50m : null);
            }
            return Task.CompletedTask;
        }
    }

    private sealed class UnrelatedSource : IIndicatorSource
    {
        public int Calls { get; private set; }
        public IReadOnlyCollection<string> Indicators => ["b.other"];

        public Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }

    private readonly YearSource _years = new();
    private readonly UnrelatedSource _unrelated = new();
    private readonly IReadOnlyList<ReportPeriod> _periods = [ReportPeriod.Year(2019), ReportPeriod.Year(2020)];

    private Task<AppendixReport> ComputeAsync() =>
        new AppendixCalculator([new TestAppendix()], [_years, _unrelated]).ComputeAsync(new TestAppendix(), _periods, CancellationToken.None);

    [Fact]
    public async Task EachNeededSource_RunsOnceForAllPeriods_OthersDoNotRun()
    {
        await ComputeAsync();
        Assert.Same(_periods, Assert.Single(_years.Calls));
        Assert.Equal(0, _unrelated.Calls);
    }

    [Fact]
    public async Task Values_AreKeyedByPeriodKey_InRowOrder()
    {
        var report = await ComputeAsync();
        Assert.Equal(new TestAppendix().Rows, report.Rows.Select(r => r.Definition));
        var counts = report.Rows[1].Values!;
        Assert.Equal(_periods.Select(p => p.Key), counts.Keys);
        Assert.All(_periods, p => Assert.Equal(ReportValue.Of((long)p.To.Year), counts[p.Key]));
    }

    [Fact]
    public async Task HeadingRows_CarryNoValues()
    {
        var report = await ComputeAsync();
        Assert.Null(report.Rows[0].Values);
    }

    [Fact]
    public async Task ARowNoSourceComputes_IsBlankInEveryPeriod_NotZero()
    {
        var report = await ComputeAsync();
        var missing = report.Rows[3].Values!;
        Assert.Equal(_periods.Count, missing.Count);
        Assert.All(missing.Values, Assert.Null);
    }

    [Fact]
    public async Task ABlankComputedValue_StaysBlank()
    {
        var report = await ComputeAsync();
        var rates = report.Rows[2].Values!;
        Assert.Null(rates["2019"]);
        Assert.Equal(ReportValue.Of(50m), rates["2020"]);
    }
}
