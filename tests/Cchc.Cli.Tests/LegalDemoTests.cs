using System.Text.Json;
using System.Text.RegularExpressions;
using Cchc.Cli.Demo;
using Cchc.Cli.Demo.Legal;
using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;

namespace Cchc.Cli.Tests;

/// <summary>The generated legal register, checked against the reference dataset and the body's figures by counting it here.</summary>
public sealed class LegalDemoTests
{
    private static readonly DemoLegalRegister Register = LegalGenerator.Generate();

    private static JsonElement ReferenceAppendix2()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference/lai-chau-cchc-2015-2020.json")));
        return document.RootElement.GetProperty("appendices").EnumerateArray().Single(a => a.GetProperty("no").GetInt32() == 2).Clone();
    }

    private static readonly string[] ReferenceKeys = ["2015", "2016", "2017", "2018", "2019", "2020Q1"];

    [Fact]
    public void Appendix2_ComputedFromTheRegister_EqualsTheReference_ExceptRow1WhichIsTheSumOfItsBreakdown()
    {
        var rows = ReferenceAppendix2().GetProperty("rows").EnumerateArray().ToList();
        var findings = Register.Findings;
        var checks = Register.Checks;
        for (var p = 0; p < DemoPeriod.All.Count; p++)
        {
            var period = DemoPeriod.All[p];
            bool In(DateOnly? d) => d is { } day && period.Contains(day);
            long Issued(DocumentKind kind, IssuingBody body, GovernmentLevel level) =>
                Register.Documents.Count(d => d.Kind == kind && d.Body == body && d.Level == level && In(d.SignedOn));
            long[] byKind =
            [
                Issued(DocumentKind.Resolution, IssuingBody.PeoplesCouncil, GovernmentLevel.Province),
                Issued(DocumentKind.Decision, IssuingBody.PeoplesCommittee, GovernmentLevel.Province),
                Issued(DocumentKind.Resolution, IssuingBody.PeoplesCouncil, GovernmentLevel.District),
                Issued(DocumentKind.Decision, IssuingBody.PeoplesCommittee, GovernmentLevel.District),
                Issued(DocumentKind.Resolution, IssuingBody.PeoplesCouncil, GovernmentLevel.Commune),
                Issued(DocumentKind.Decision, IssuingBody.PeoplesCommittee, GovernmentLevel.Commune),
            ];
            long[] rest =
            [
                findings.Where(f => f.Conclusion != ReviewConclusion.Keep && In(f.FoundOn)).Select(f => f.DocumentId).Distinct().Count(),
                findings.Where(f => f.Conclusion != ReviewConclusion.Keep && f.Handling != FindingHandling.None && In(f.HandledOn)).Select(f => f.DocumentId).Distinct().Count(),
                checks.Where(c => In(c.CheckedOn)).Select(c => c.DocumentId).Distinct().Count(),
                checks.Where(c => c.IsUnlawful && In(c.CheckedOn)).Select(c => c.DocumentId).Distinct().Count(),
                checks.Where(c => c.IsUnlawful && c.Handling != CheckHandling.None && In(c.HandledOn)).Select(c => c.DocumentId).Distinct().Count(),
                Register.Documents.Count(d => d.Kind == DocumentKind.NonNormativeWithNorms && In(d.SignedOn)),
            ];
            long[] computed = [byKind.Sum(), .. byKind, .. rest];
            var valueRows = rows.Where(r => !(r.TryGetProperty("heading", out var h) && h.GetBoolean())).ToList();
            for (var r = 0; r < valueRows.Count; r++)
            {
                var expected = r == 0 ? valueRows.Skip(1).Take(6).Sum(x => x.GetProperty("values").GetProperty(ReferenceKeys[p]).GetInt64())
                    : valueRows[r].GetProperty("values").GetProperty(ReferenceKeys[p]).GetInt64();
                Assert.True(expected == computed[r], $"row {r} ({valueRows[r].GetProperty("label").GetString()}) in {period.Key}: expected {expected}, computed {computed[r]}");
            }
        }
    }

    [Fact]
    public void TheBodysKeyFigures_ProvincialDocuments2011To30March2020()
    {
        var province = Register.Documents.Where(d => d.Level == GovernmentLevel.Province && d.SignedOn >= new DateOnly(2011, 1, 1) && d.SignedOn <= LegalTargets.KeyFiguresTo).ToList();
        Assert.Equal(177, province.Count(d => d.Kind == DocumentKind.Resolution));
        Assert.Equal(487, province.Count(d => d.Kind == DocumentKind.Decision));
        Assert.Equal(5, province.Count(d => d.Kind == DocumentKind.Directive));
    }

    public static TheoryData<string> Periods => new() { LegalTargets.First.Id, LegalTargets.Second.Id };

    [Theory]
    [MemberData(nameof(Periods))]
    public void SystematisationCounts_FollowFromTheLifecycle_AsTheBodyReportsThem(string id)
    {
        var target = id == LegalTargets.First.Id ? LegalTargets.First : LegalTargets.Second;
        var period = Assert.Single(Register.Periods, p => p.Id == id);
        DateOnly? Ended(DemoLegalDocument d) => d.Events.FirstOrDefault(e => e.Type is LifecycleEventType.WhollyExpired or LifecycleEventType.Replaced or LifecycleEventType.Repealed)?.EffectiveOn;
        var scope = Register.Documents.Where(d => d.Kind != DocumentKind.NonNormativeWithNorms && period.IssuerUnits.Contains(d.IssuerUnit)
            && d.SignedOn <= period.To && d.EffectiveOn <= period.To && (Ended(d) is not { } e || e > period.From)).ToList();
        var wholly = scope.Count(d => Ended(d) <= period.To);
        var partly = scope.Count(d => Ended(d) is not { } e2 || e2 > period.To
            ? d.Events.Any(e => e.Type == LifecycleEventType.PartlyExpired && e.EffectiveOn <= period.To) : false);
        var ids = scope.Select(d => d.Id).ToHashSet();
        var needing = Register.Findings.Where(f => f.Conclusion != ReviewConclusion.Keep && f.FoundOn >= period.From && f.FoundOn <= period.To && ids.Contains(f.DocumentId))
            .Select(f => f.DocumentId).Distinct().Count();

        Assert.Equal((target.InScope, target.InForce, target.WhollyExpired, target.PartlyExpired, target.NeedingAmendment),
            (scope.Count, scope.Count - wholly, wholly, partly, needing));
    }

    [Fact]
    public void EveryDocument_KeepsTheServicesRules()
    {
        var byId = Register.Documents.ToDictionary(d => d.Id);
        Assert.Equal(Register.Documents.Count, byId.Count);
        var normative = new Regex(@"^[0-9]{1,4}/(?<year>[0-9]{4})/(?<type>NQ|QĐ|CT)-(?<body>HĐND|UBND)$");
        foreach (var d in Register.Documents)
        {
            Assert.True(d.EffectiveOn >= d.SignedOn, d.Id);
            if (d.IsNormative)
            {
                var m = normative.Match(d.Number);
                Assert.True(m.Success, d.Number);
                Assert.Equal(d.SignedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Groups["year"].Value);
                Assert.Equal(d.Kind == DocumentKind.Resolution ? "HĐND" : "UBND", m.Groups["body"].Value);
                Assert.StartsWith(m.Groups["body"].Value + " ", d.IssuerUnit, StringComparison.Ordinal);
            }
            var previous = d.EffectiveOn;
            for (var i = 0; i < d.Events.Count; i++)
            {
                var e = d.Events[i];
                Assert.True(e.EffectiveOn >= previous, $"{d.Id} event {i} goes back in time");
                Assert.False(i < d.Events.Count - 1 && e.EndsForce, $"{d.Id} has an event after its end");
                previous = e.EffectiveOn;
                if (e.CausedBy is { } cause)
                {
                    Assert.NotEqual(d.Id, cause);
                    Assert.True(byId[cause].InForceOn(e.EffectiveOn), $"{d.Id}: cause {cause} is not in force on {e.EffectiveOn}");
                }
                else
                {
                    Assert.True(e.Type is LifecycleEventType.WhollyExpired or LifecycleEventType.PartlyExpired, $"{d.Id}: {e.Type} needs a cause");
                }
            }
        }
        Assert.All(Register.Findings, f => Assert.True(f.FoundOn >= Register.Rounds.Single(r => r.Id == f.RoundId).StartedOn && byId.ContainsKey(f.DocumentId)));
        Assert.All(Register.Checks, c => Assert.True(c.CheckedOn >= byId[c.DocumentId].SignedOn));
        Assert.Equal(Register.Findings.Count, Register.Findings.Select(f => (f.RoundId, f.DocumentId)).Distinct().Count());
    }

    [Fact]
    public void TheRegister_IsTheSameOnEveryRun()
    {
        var again = LegalGenerator.Generate();
        Assert.Equal(Register.Documents.Select(d => (d.Id, d.Number, d.SignedOn, d.Events.Count)), again.Documents.Select(d => (d.Id, d.Number, d.SignedOn, d.Events.Count)));
        Assert.Equal(Register.Findings, again.Findings);
        Assert.Equal(Register.Checks, again.Checks);
    }
}
