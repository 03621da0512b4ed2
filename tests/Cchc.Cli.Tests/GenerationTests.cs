using System.Diagnostics;
using Cchc.Cli.Demo;
using Xunit.Abstractions;

namespace Cchc.Cli.Tests;

[Collection(DemoFactsCollection.Name)]
public sealed class GenerationTests(DemoFacts facts, ITestOutputHelper output)
{
    [Fact]
    public void Generation_RunTwice_GivesExactlyTheSameDataSet()
    {
        var again = DemoFacts.FingerprintOf(DemoDataSet.Create());
        Assert.Equal(facts.Fingerprint, again);
    }

    [Fact]
    public void Generation_StreamsEveryPlannedDossier()
    {
        var watch = Stopwatch.StartNew();
        var data = DemoDataSet.Create();
        var created = watch.Elapsed;
        long count = 0;
        foreach (var _ in data.AllDossiers()) count++;
        var rate = count / (watch.Elapsed - created).TotalSeconds;
        // Speed is measured, not asserted (docs/benchmarks.md): ≈ 600,000 dossiers/s alone here, far above the load's rate.
        output.WriteLine($"catalogue and plan in {created.TotalMilliseconds:N0} ms; {count:N0} dossiers in {(watch.Elapsed - created).TotalSeconds:N2} s = {rate:N0} dossiers/s");
        Assert.Equal(data.DossierCount, count);
    }

    [Fact]
    public void LateCountFor_TooFewDossiersForThreeDecimals_HasNoSolution_ButEnoughHave()
    {
        // 99.999 % needs one late dossier in more than 66,667: with 50,000 none rounds to it.
        Assert.Null(PeriodPlan.LateCountFor(50_000, 99.999m));
        Assert.Equal(1, PeriodPlan.LateCountFor(100_000, 99.999m));
        Assert.Equal(0, PeriodPlan.LateCountFor(21_000, 100m));
        var late = PeriodPlan.LateCountFor(28_000, 96.26m)!.Value;
        Assert.Equal(96.26m, Math.Round(100m * (28_000 - late) / 28_000, 2));
    }
}
