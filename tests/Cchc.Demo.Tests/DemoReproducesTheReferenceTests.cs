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
