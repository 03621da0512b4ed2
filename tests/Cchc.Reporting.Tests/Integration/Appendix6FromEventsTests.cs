using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts.Events.Finance;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.PublicFinance;
using Cchc.Reporting.Api.Reports;
using Cchc.Testing;
using F = Cchc.Reporting.Api.PublicFinance.PublicFinanceIndicators;

namespace Cchc.Reporting.Tests.Integration;

[Collection(PostgresCollection.Name)]
public sealed class Appendix6FromEventsTests(PostgresServer postgres)
{
    private static readonly string[] Periods = ["2016", "2017", "2016-07-01..2017-06-30", "2020-01-01..2020-03-31"];

    /// <summary>A random but reproducible set of units, each with dated statuses (some leaving the regimes), sent as growing versions.</summary>
    private sealed class AutonomyScenario
    {
        public List<UnitAutonomyState> Versions { get; } = [];

        public AutonomyScenario(int seed, int units)
        {
            var random = new Random(seed);
            for (var u = 0; u < units; u++)
            {
                var statuses = new List<AutonomyStatusState>();
                var day = new DateOnly(2014, 1, 1).AddDays(random.Next(400));
                var changes = random.Next(1, 5);
                for (var c = 0; c < changes; c++)
                {
                    var regime = (AutonomyRegime)random.Next(1, c == 0 ? 4 : 5);
                    var service = regime == AutonomyRegime.PublicServiceUnit;
                    if (statuses.Count > 0)
                    {
                        statuses[^1] = statuses[^1] with { EffectiveTo = day.AddDays(-1) };
                    }
                    statuses.Add(new AutonomyStatusState
                    {
                        Regime = regime, EffectiveFrom = day,
                        Level = service ? (AutonomyLevel)random.Next(1, 5) : AutonomyLevel.Unspecified,
                        ParentKind = service ? (ParentKind)random.Next(1, 4) : ParentKind.Unspecified,
                    });
                    Versions.Add(new UnitAutonomyState { Unit = $"unit-{u}", Version = c + 1, Statuses = statuses.ToList() });
                    day = day.AddDays(random.Next(60, 700));
                }
            }
        }

        /// <summary>Each unit's final statuses (its highest version).</summary>
        public IEnumerable<AutonomyStatusState> Final => Versions.GroupBy(v => v.Unit).SelectMany(g => g.MaxBy(v => v.Version)!.Statuses);

        public long Count(ReportPeriod p, AutonomyRegime regime, ParentKind? parent = null, AutonomyLevel? level = null) => Final.Count(s =>
            s.EffectiveFrom <= p.To && (s.EffectiveTo is null || s.EffectiveTo >= p.To) && s.Regime == regime
            && (parent is null || s.ParentKind == parent) && (level is null || s.Level == level));
    }

    [Fact]
    public async Task Appendix6_FromConsumedEvents_EqualsTheTestsOwnCount_BreakdownsAddUp_AndUnreportedCellsAreMarked()
    {
        var scenario = new AutonomyScenario(seed: 6, units: 600);
        await using var app = await ReportingApp.StartAsync(postgres, "app6_events");
        var now = DateTimeOffset.UtcNow;
        // Highest versions first, then the older ones again: an older version must not replace a newer one.
        foreach (var chunk in scenario.Versions.OrderByDescending(v => v.Version).Chunk(200))
        {
            await app.ConsumeAsync<AutonomyStatusesRecordedConsumer, AutonomyStatusesRecorded>(new() { Units = chunk, OccurredAt = now });
        }
        foreach (var chunk in scenario.Versions.Chunk(300))
        {
            await app.ConsumeAsync<AutonomyStatusesRecordedConsumer, AutonomyStatusesRecorded>(new() { Units = chunk, OccurredAt = now });
        }
        await app.ConsumeAsync<UnreportedBreakdownsDeclaredConsumer, UnreportedBreakdownsDeclared>(new()
        {
            Items = [new() { Year = 2017, ParentKind = ParentKind.ProvincialAgency, Level = AutonomyLevel.StateFunded }],
            OccurredAt = now,
        });

        using var http = app.CreateClient();
        var json = await http.GetFromJsonAsync<JsonElement>("/api/reports/appendices/6?periods=" + string.Join(',', Periods));
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        var parsed = PeriodParser.Parse(Periods, DateOnly.FromDateTime(DateTime.UtcNow)).Periods;
        long Value(string indicator, string key) => rows.Single(r => r.GetProperty("indicator").GetString() == indicator).GetProperty("values").GetProperty(key).GetInt64();

        var nonZero = 0;
        foreach (var period in parsed)
        {
            Assert.Equal(scenario.Count(period, AutonomyRegime.AdministrativeAgency), Value(F.AdministrativeAgencies, period.Key));
            Assert.Equal(scenario.Count(period, AutonomyRegime.ScienceTechnology), Value(F.ScienceTechnology, period.Key));
            foreach (var (parent, _) in F.Parents)
            {
                var total = Value(F.ServiceUnits(parent), period.Key);
                Assert.Equal(scenario.Count(period, AutonomyRegime.PublicServiceUnit, (ParentKind)parent), total);
                Assert.Equal(total, F.Levels.Sum(l => Value(F.ServiceUnits(parent, l.Level), period.Key)));
                foreach (var (level, _) in F.Levels)
                {
                    var n = Value(F.ServiceUnits(parent, level), period.Key);
                    Assert.Equal(scenario.Count(period, AutonomyRegime.PublicServiceUnit, (ParentKind)parent, (AutonomyLevel)level), n);
                    nonZero += n > 0 ? 1 : 0;
                }
            }
        }
        Assert.True(nonZero > 20, "the scenario exercises the breakdown");

        // 2017 and the period ending in 2017 carry the mark on that one cell; nothing else is marked.
        var marked = rows.Where(r => r.TryGetProperty("notReportedBySource", out _))
            .Select(r => (r.GetProperty("indicator").GetString(), r.GetProperty("notReportedBySource").EnumerateArray().Select(k => k.GetString()).ToList())).ToList();
        var (indicator, keys) = Assert.Single(marked);
        Assert.Equal(F.ServiceUnits(2, 4), indicator);
        Assert.Equal(["2017", "2016-07-01..2017-06-30"], keys);
        var page = await http.GetStringAsync("/reports/appendices/6?periods=2017");
        Assert.Contains("Báo cáo nguồn không báo cáo số liệu ô này", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BudgetFigures_AreSummedOverTheYearsInsideEachPeriod_KeepingTheHighestVersion()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "finance_budget");
        var now = DateTimeOffset.UtcNow;
        BudgetFigureState Revenue(int year, decimal amount, int version = 1) => new()
        {
            FigureId = $"thu-{year}", Version = version, Kind = BudgetFigureKind.StateBudgetRevenue, YearFrom = year, YearTo = year, Amount = amount,
            MeasureUnit = MeasureUnit.MillionVnd,
        };
        var grant = new BudgetFigureState
        {
            FigureId = "dm", Version = 1, Kind = BudgetFigureKind.ReformFunding, YearFrom = 2011, YearTo = 2015, FundingSource = FundingSource.ForeignGrant,
            Funder = "Chính phủ Đan Mạch", Amount = 10_200m, MeasureUnit = MeasureUnit.MillionVnd,
        };
        var own = grant with { FigureId = "nsnn-2013", YearFrom = 2013, YearTo = 2013, FundingSource = FundingSource.StateBudget, Amount = 800m };
        await app.ConsumeAsync<BudgetFiguresRecordedConsumer, BudgetFiguresRecorded>(new() { Figures = [Revenue(2011, 494_500m, 2), grant, own], OccurredAt = now });
        await app.ConsumeAsync<BudgetFiguresRecordedConsumer, BudgetFiguresRecorded>(new() { Figures = [Revenue(2011, 1m, 1), Revenue(2019, 2_206_300m)], OccurredAt = now });

        using var http = app.CreateClient();
        var json = await http.GetFromJsonAsync<JsonElement>("/api/reports/key-figures/public-finance?periods=2011,2019,2011-01-01..2015-12-31,2013");
        var rows = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("indicator").GetString()!, r => r.GetProperty("values"));

        Assert.Equal(494.5m, rows[F.RevenueBillion].GetProperty("2011").GetDecimal());
        Assert.Equal(2206.3m, rows[F.RevenueBillion].GetProperty("2019").GetDecimal());
        Assert.Equal(494.5m, rows[F.RevenueBillion].GetProperty("2011-01-01..2015-12-31").GetDecimal());
        Assert.Equal(10_200m + 800m, rows[F.ReformFunding].GetProperty("2011-01-01..2015-12-31").GetDecimal());
        Assert.Equal(10_200m, rows[F.ReformFundingForeignGrant].GetProperty("2011-01-01..2015-12-31").GetDecimal());
        // A grant spanning 2011–2015 is not attributed to one of its years; a year without figures is blank, not zero.
        Assert.Equal(800m, rows[F.ReformFunding].GetProperty("2013").GetDecimal());
        Assert.Equal(JsonValueKind.Null, rows[F.ReformFundingForeignGrant].GetProperty("2013").ValueKind);
    }
}
