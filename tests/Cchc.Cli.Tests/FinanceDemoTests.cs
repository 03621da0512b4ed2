using System.Globalization;
using System.Text.Json;
using Cchc.Cli.Demo;
using Cchc.Cli.Demo.Finance;
using Cchc.Cli.Loading;
using Cchc.Contracts.Events.Finance;

namespace Cchc.Cli.Tests;

/// <summary>
/// The generated public finance data, counted here on the last day of each column and compared with the reference
/// Appendix 6 (tests/reference): every total, every non-null cell, and the blank cells filled consistently and declared
/// unreported.
/// </summary>
public sealed class FinanceDemoTests
{
    private static readonly DemoFinance Finance = FinanceGenerator.Generate(Demo.Organisation.OrganisationDemo.Generate());

    private static (List<JsonElement> Rows, List<(string Key, DateOnly To)> Periods) Reference()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference/lai-chau-cchc-2015-2020.json")));
        var root = document.RootElement;
        var rows = root.GetProperty("appendices").EnumerateArray().Single(a => a.GetProperty("no").GetInt32() == 6).GetProperty("rows")
            .EnumerateArray().Select(r => r.Clone()).ToList();
        var periods = root.GetProperty("periods").EnumerateArray()
            .Select(p => (p.GetProperty("key").GetString()!, DateOnly.Parse(p.GetProperty("to").GetString()!, CultureInfo.InvariantCulture))).ToList();
        return (rows, periods);
    }

    private static readonly Dictionary<string, AutonomyLevel> Levels = new()
    {
        ["Số lượng đơn vị sự nghiệp công tự bảo đảm chi thường xuyên và chi đầu tư"] = AutonomyLevel.RecurrentAndInvestment,
        ["Số lượng đơn vị sự nghiệp công tự bảo đảm chi thường xuyên"] = AutonomyLevel.Recurrent,
        ["Số lượng đơn vị sự nghiệp công tự bảo đảm một phần chi thường xuyên"] = AutonomyLevel.PartlyRecurrent,
        ["Số lượng đơn vị sự nghiệp công do Nhà nước bảo đảm chi thường xuyên"] = AutonomyLevel.StateFunded,
    };

    private static readonly Dictionary<string, ParentKind> Parents = new() { ["2"] = ParentKind.ProvincialCommittee, ["3"] = ParentKind.ProvincialAgency, ["4"] = ParentKind.DistrictCommittee };

    [Fact]
    public void TheGeneratedStatuses_ReproduceEveryTotalAndEveryReportedCellOfAppendix6()
    {
        var (rows, periods) = Reference();
        var checkedCells = 0;
        foreach (var (key, to) in periods)
        {
            var counts = FinanceGenerator.CountOn(Finance.Statuses, to);
            int Count(AutonomyRegime regime, ParentKind parent = ParentKind.Unspecified, AutonomyLevel? level = null) =>
                counts.Where(c => c.Key.Regime == regime && (parent == ParentKind.Unspecified || c.Key.Parent == parent) && (level is null || c.Key.Level == level)).Sum(c => c.Value);
            var parent = ParentKind.Unspecified;
            foreach (var row in rows)
            {
                var stt = row.GetProperty("stt").GetString()!;
                var label = row.GetProperty("label").GetString()!;
                var cell = row.GetProperty("values").GetProperty(key);
                int actual;
                if (stt == "1")
                {
                    actual = Count(AutonomyRegime.AdministrativeAgency);
                }
                else if (stt == "5")
                {
                    actual = Count(AutonomyRegime.ScienceTechnology);
                }
                else if (Parents.TryGetValue(stt, out var p))
                {
                    parent = p;
                    actual = Count(AutonomyRegime.PublicServiceUnit, p);
                }
                else
                {
                    actual = Count(AutonomyRegime.PublicServiceUnit, parent, Levels[label]);
                }
                if (cell.ValueKind == JsonValueKind.Number)
                {
                    Assert.True(cell.GetInt32() == actual, $"{stt} {label} in {key}: reference {cell.GetInt32()}, generated {actual}");
                    checkedCells++;
                }
                else
                {
                    // A blank breakdown cell is declared unreported, so the report marks it.
                    Assert.Contains(new DemoUnreportedCell(to.Year, parent, Levels[label]), Finance.Unreported);
                }
            }
            // Each total is explained by its four levels (the one the source omits under rows 3 and 4 included).
            foreach (var p in Parents.Values)
            {
                Assert.Equal(Count(AutonomyRegime.PublicServiceUnit, p), Levels.Values.Sum(l => Count(AutonomyRegime.PublicServiceUnit, p, l)));
            }
        }
        Assert.True(checkedCells > 50, $"{checkedCells} reference cells checked");
    }

    [Fact]
    public void OnlyBlankCells_AreDeclaredUnreported_IncludingTheLevelTheSourceOmitsUnderRows3And4()
    {
        var (rows, periods) = Reference();
        var reported = new HashSet<DemoUnreportedCell>();
        var parent = ParentKind.Unspecified;
        foreach (var row in rows)
        {
            var stt = row.GetProperty("stt").GetString()!;
            if (Parents.TryGetValue(stt, out var p))
            {
                parent = p;
                continue;
            }
            if (stt != "-")
            {
                continue;
            }
            var level = Levels[row.GetProperty("label").GetString()!];
            foreach (var (key, to) in periods.Where(x => row.GetProperty("values").GetProperty(x.Key).ValueKind == JsonValueKind.Number))
            {
                reported.Add(new DemoUnreportedCell(to.Year, parent, level));
            }
        }

        Assert.DoesNotContain(Finance.Unreported, reported.Contains);
        Assert.All(periods, x => Assert.Contains(new DemoUnreportedCell(x.To.Year, ParentKind.ProvincialAgency, AutonomyLevel.StateFunded), Finance.Unreported));
        Assert.Equal(Finance.Unreported.Count, Finance.Unreported.Distinct().Count());
    }

    [Fact]
    public void EveryUnitsStatuses_StartAfterOneAnother_ChangeSomething_AndAreLabelledGenerated()
    {
        foreach (var unit in Finance.Statuses.GroupBy(s => s.Unit))
        {
            var list = unit.ToList();
            Assert.NotEqual(AutonomyRegime.None, list[0].Regime);
            for (var i = 1; i < list.Count; i++)
            {
                Assert.True(list[i].From > list[i - 1].From);
                Assert.False(list[i].Regime == list[i - 1].Regime && list[i].Level == list[i - 1].Level && list[i].Parent == list[i - 1].Parent);
            }
        }
        var wire = FinanceLoader.ToWire(Finance.Statuses[0]);
        Assert.StartsWith("Dữ liệu sinh tự động", wire.SourceDocument, StringComparison.Ordinal);
        Assert.True(Finance.Statuses.All(s => s.From <= DemoPeriod.All[^1].To));
    }

    [Fact]
    public void TheBudgetFigures_AreTheBodys_InMillionVnd()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference/lai-chau-cchc-2015-2020.json")));
        var facts = document.RootElement.GetProperty("facts").EnumerateArray().ToList();
        var revenue = facts.Single(f => f.GetProperty("fact").GetString()!.StartsWith("Thu ngân sách", StringComparison.Ordinal));
        var grant = facts.Single(f => f.GetProperty("fact").GetString()!.Contains("Đan Mạch", StringComparison.Ordinal));
        decimal Amount(string id) => Finance.Figures.Single(f => f.Id == id).AmountMillionVnd;

        // The body gives revenue in tỷ đồng (billion VND); the figures are stored in million VND.
        Assert.Equal(revenue.GetProperty("2011").GetDecimal() * 1000m, Amount("thu-nsnn-2011"));
        Assert.Equal(revenue.GetProperty("2019").GetDecimal() * 1000m, Amount("thu-nsnn-2019"));
        Assert.Equal(grant.GetProperty("amount").GetDecimal(), Amount("cchc-dan-mach-2011-2015"));
    }
}
