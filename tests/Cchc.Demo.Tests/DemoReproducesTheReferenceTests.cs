using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Cchc.Demo.Tests;

/// <summary>
/// The README's claim: the demo, loaded through the gateway as <c>./cchc run</c> loads it, reproduces the source
/// report's fact-derived cells of Appendices 2–7 (402 of them).
/// </summary>
[Collection(DemoCollection.Name)]
[Trait("Category", DemoCollection.Category)]
public sealed class DemoReproducesTheReferenceTests(DemoPlatform demo, ITestOutputHelper output)
{
    [Fact]
    public void TheDemoLoad_RunsToTheEnd_AndTheReportingServiceCatchesUp()
    {
        output.WriteLine($"demo load through the gateway: {demo.LoadTime.TotalSeconds:N1} s");
        output.WriteLine(demo.LoaderOutput);
        Assert.Contains("[9/9] Reporting caught up", demo.LoaderOutput, StringComparison.Ordinal);
    }

    /// <summary>The run command approves 2015–2019; 2020 (to 31/3) stays open (docs/adr/0028).</summary>
    [Fact]
    public void TheDemo_Approves2015To2019_AndLeaves2020Open()
    {
        output.WriteLine(demo.ApproverOutput);
        var approvals = demo.Appendices[3]!["approvals"]!.AsArray();
        Assert.Equal(["2015", "2016", "2017", "2018", "2019"], approvals.Select(a => a!["period"]!.GetValue<string>()).Order());
        Assert.All(approvals, a =>
        {
            Assert.Equal("cchc-approver", a!["approvedBy"]!.GetValue<string>());
            Assert.Matches("^[0-9a-f]{64}$", a["contentHash"]!.GetValue<string>());
            Assert.Empty(a["changes"]!.AsArray()); // nothing changed since the approval
        });
    }

    /// <summary>Appendix 1 from the programme service's records, as the demo loads them (docs/adr/0026).</summary>
    [Fact]
    public void TheDemo_ReproducesEveryNonBlankCellOfAppendix1()
    {
        var comparison = ReferenceComparison.Compare(Reference.Appendix(1), demo.Appendices[1]);
        output.WriteLine(comparison.ToString());

        Assert.Equal(Reference.Appendix1Cells, comparison.Total);
        Assert.True(!comparison.Misses.Any(), $"{comparison}; the cells that differ:{Environment.NewLine}{string.Join(Environment.NewLine, comparison.Misses)}");
    }

    /// <summary>
    /// Appendix 3's submitted rows (2, 3 and "do tỉnh ban hành") show the values the units submitted, "-" kept as "-",
    /// each with its provenance: the unit, who recorded it, when (docs/adr/0027).
    /// </summary>
    [Fact]
    public void TheDemo_ShowsAppendix3sSubmittedRows_AsPrinted_WithTheirProvenance()
    {
        var reference = Reference.Appendix(3)["rows"]!.AsArray().Select(r => r!.AsObject())
            .Where(r => r["stt"]!.GetValue<string>() is "2" or "3" || r["label"]!.GetValue<string>().Contains("do tỉnh ban hành", StringComparison.Ordinal))
            .ToList();
        var rows = ReferenceComparison.FindRows(demo.Appendices[3])!;
        Assert.Equal(3, reference.Count);
        var keys = new[] { "2015", "2016", "2017", "2018", "2019", "2020-01-01..2020-03-31" };
        foreach (var expected in reference)
        {
            var row = rows.Single(r => r["label"]!.GetValue<string>() == expected["label"]!.GetValue<string>());
            for (var i = 0; i < keys.Length; i++)
            {
                var want = expected["values"]![ReferenceComparison.Years[i]];
                var got = row["values"]![keys[i]];
                var same = want is JsonValue w && w.GetValueKind() == System.Text.Json.JsonValueKind.String && w.GetValue<string>() == "-"
                    ? got?.GetValue<string>() == "-"
                    : ReferenceComparison.Same(want, got, expected["valueType"]!.GetValue<string>());
                Assert.True(same, $"{expected["label"]} {keys[i]}: want {want?.ToJsonString()}, got {got?.ToJsonString()}");
                var source = row["sources"]![keys[i]]!.AsArray().Single()!;
                Assert.Equal("đã báo cáo", source["status"]!.GetValue<string>());
                Assert.False(string.IsNullOrEmpty(source["unit"]!.GetValue<string>()));
                Assert.Equal("cchc-demo-loader", source["recordedBy"]!.GetValue<string>());
            }
        }
    }

    /// <summary>
    /// The body's national index ranks ("Xếp hạng chỉ số năm 2019 …: PAR INDEX 51, SIPAS 44, PAPI 51, PCI 63" and the
    /// other years it names) on the direction key figures, each in its year's column; a year the body names no rank for
    /// is blank, never a neighbouring year's rank.
    /// </summary>
    [Fact]
    public void TheDemo_ShowsTheBodysNationalIndexRanks_InTheirYears()
    {
        var expected = new Dictionary<(string Index, string Year), decimal>();
        foreach (var fact in Reference.Facts("direction"))
        {
            var name = fact["fact"]!.GetValue<string>();
            var year = System.Text.RegularExpressions.Regex.Match(name, "năm (\\d{4})") is { Success: true } m ? m.Groups[1].Value : null;
            foreach (var (field, node) in fact)
            {
                if (field is "area" or "fact" || !field.StartsWith("PAR_INDEX", StringComparison.Ordinal) && !field.StartsWith("SIPAS", StringComparison.Ordinal)
                    && !field.StartsWith("PAPI", StringComparison.Ordinal) && !field.StartsWith("PCI", StringComparison.Ordinal))
                {
                    continue;
                }
                var parts = field.Split('_');
                var (index, fieldYear) = parts[^1].Length == 4 && parts[^1].All(char.IsDigit)
                    ? (string.Join('_', parts[..^1]), parts[^1])
                    : (field, year!);
                expected[(index, fieldYear)] = node!.GetValue<decimal>();
            }
        }
        Assert.Equal(10, expected.Count); // 2019's four and the six other years' the body names

        var rows = ReferenceComparison.FindRows(demo.DirectionKeyFigures)!;
        var labels = new Dictionary<string, string> { ["PAR_INDEX"] = "(PAR INDEX)", ["SIPAS"] = "(SIPAS)", ["PAPI"] = "(PAPI)", ["PCI"] = "(PCI)" };
        foreach (var (index, label) in labels)
        {
            var row = rows.Single(r => r["label"]!.GetValue<string>().Contains(label, StringComparison.Ordinal));
            foreach (var year in DemoPlatform.DirectionYears.Split(','))
            {
                var got = row["values"]![year];
                if (expected.TryGetValue((index, year), out var rank))
                {
                    Assert.True(got is JsonValue v && v.GetValue<decimal>() == rank, $"{index} {year}: want {rank}, got {got?.ToJsonString() ?? "blank"}");
                }
                else
                {
                    Assert.True(got is null, $"{index} {year}: the body names no rank, got {got?.ToJsonString()}");
                }
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void TheDemo_ReproducesEveryFactDerivedCellOfTheAppendix(int appendix)
    {
        var comparison = ReferenceComparison.Compare(Reference.Appendix(appendix), demo.Appendices[appendix]);
        output.WriteLine(comparison.ToString());

        // A comparison that silently shrank (a renamed row, a lost period) must fail too.
        Assert.Equal(Reference.CellsPerAppendix[appendix], comparison.Total);
        var misses = comparison.Misses.ToList();
        Assert.True(misses.Count == 0,
            $"{comparison}; the cells that differ:{Environment.NewLine}{string.Join(Environment.NewLine, misses.Take(30))}");
    }
}
