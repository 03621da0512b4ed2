using Cchc.Cli.Demo;
using Cchc.Contracts.Events.Procedures;
using Xunit.Abstractions;
using R = Cchc.Cli.Tests.ReferenceAppendix3;

namespace Cchc.Cli.Tests;

[Collection(DemoFactsCollection.Name)]
public sealed class DossierTests(DemoFacts facts, ITestOutputHelper output)
{
    public static TheoryData<GovernmentLevel, string> Levels => new()
    {
        { GovernmentLevel.Province, R.OnTimeProvince },
        { GovernmentLevel.District, R.OnTimeDistrict },
        { GovernmentLevel.Commune, R.OnTimeCommune },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void OnTimeRate_OfDossiersResolvedInEachPeriod_RoundsToTheReferenceFigure(GovernmentLevel level, string row)
    {
        for (var p = 0; p < facts.Reference.Periods.Count; p++)
        {
            var expected = facts.Reference.Cell(row, p)!.Value;
            var (resolved, onTime) = facts.Dossiers.Resolution[(p, level)];
            var rate = 100m * onTime / resolved;
            // Printed decimals matter (99.999 has three); both rounding conventions must agree (no tie).
            Assert.Equal(expected, Math.Round(rate, expected.Scale, MidpointRounding.AwayFromZero));
            Assert.Equal(expected, Math.Round(rate, expected.Scale, MidpointRounding.ToEven));
            output.WriteLine($"{facts.Reference.Periods[p].Key} {level}: {onTime:N0}/{resolved:N0} = {rate:0.00000} % (printed {expected})");
        }
    }

    [Fact]
    public void EveryDossier_ReferencesAProcedureOfItsLevelInForce_AndHasConsistentTimesInsideItsPeriod()
    {
        Assert.True(facts.Dossiers.Violations == 0,
            $"{facts.Dossiers.Violations} broken rules, e.g. {string.Join("; ", facts.Dossiers.FirstViolations)}");
        Assert.Equal(facts.Data.DossierCount, facts.Dossiers.Total);
    }

    [Fact]
    public void LateDossiers_InAll_StayWithinTheDecadeFigureOfTheReportBody()
    {
        output.WriteLine($"late: {facts.Dossiers.Late:N0} of {facts.Dossiers.Total:N0}");
        Assert.InRange(facts.Dossiers.Late, 1, DemoTargets.MaxLateDossiers);
        Assert.Equal(facts.Data.LateCount, facts.Dossiers.Late);
    }

    [Fact]
    public void Volumes_AreThoseOfASmallProvince_WithCommunesReceivingMost_AndSomeDossiersNotCounted()
    {
        // 1,561,231 received over 2011 – 3/2020: the 2015 – 3/2020 share is about 885,000.
        Assert.InRange(facts.Dossiers.Total, 860_000, 910_000);
        for (var p = 0; p < facts.Reference.Periods.Count; p++)
        {
            var commune = facts.Dossiers.Received[(p, GovernmentLevel.Commune)];
            Assert.True(commune > facts.Dossiers.Received[(p, GovernmentLevel.Province)]);
            Assert.True(commune > facts.Dossiers.Received[(p, GovernmentLevel.District)]);
        }
        var returned = facts.Dossiers.ByStatus[DossierStatus.Returned] + facts.Dossiers.ByStatus[DossierStatus.Withdrawn];
        Assert.InRange(returned, facts.Dossiers.Total / 500, facts.Dossiers.Total / 50);
        Assert.InRange(facts.Dossiers.ByStatus[DossierStatus.Received], 1, 1_000);
        Assert.True(facts.Dossiers.ByChannel[DossierChannel.InPerson] > facts.Dossiers.Total / 2);
        Assert.True(facts.Dossiers.ByChannel[DossierChannel.Online] > 0);
        Assert.True(facts.Dossiers.ByChannel[DossierChannel.PublicPostal] > 0);
        foreach (var plan in facts.Data.Plans)
        {
            output.WriteLine($"{plan.Period.Key}: {string.Join(", ", plan.Levels.Select(l => $"{l.Level} {l.Received:N0} ({l.Late} late)"))}");
        }
        output.WriteLine($"total {facts.Dossiers.Total:N0}; returned/withdrawn {returned:N0}; still open {facts.Dossiers.ByStatus[DossierStatus.Received]:N0}; "
            + $"online {facts.Dossiers.ByChannel[DossierChannel.Online]:N0}, postal {facts.Dossiers.ByChannel[DossierChannel.PublicPostal]:N0}");
    }

    [Fact]
    public void LastDossierId_OfEachPeriod_IsTheIdOfItsLastGeneratedDossier()
    {
        // The loader skips a period when this id exists, so it must really be the period's last dossier.
        var plan = facts.Data.Plans[^1];
        var last = facts.Data.Dossiers(plan).Last();
        Assert.Equal(plan.LastDossierId, last.DossierId);
        Assert.Equal(plan.Received, facts.Data.Dossiers(plan).Count());
    }
}
