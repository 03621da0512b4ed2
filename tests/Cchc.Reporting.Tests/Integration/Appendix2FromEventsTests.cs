using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts.Events.Legal;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Institutions;
using Cchc.Reporting.Api.Reports;
using Cchc.Testing;
using Microsoft.Extensions.DependencyInjection;
using L = Cchc.Reporting.Api.Institutions.InstitutionsIndicators;

namespace Cchc.Reporting.Tests.Integration;

[Collection(PostgresCollection.Name)]
public sealed class Appendix2FromEventsTests(PostgresServer postgres)
{
    private static readonly string[] Periods = ["2016", "2017", "2016-07-01..2017-06-30", "2020-01-01..2020-03-31"];

    /// <summary>A random but reproducible register: documents, findings and checks over 2015–2020, some restated with higher versions.</summary>
    private sealed class LegalScenario
    {
        public List<LegalDocumentState> Documents { get; } = [];
        public List<ReviewFindingState> Findings { get; } = [];
        public List<DocumentCheckState> Checks { get; } = [];

        public LegalScenario(int seed, int documents)
        {
            var random = new Random(seed);
            DateOnly Day() => new DateOnly(2015, 1, 1).AddDays(random.Next(365 * 5 + 120));
            for (var i = 0; i < documents; i++)
            {
                var kind = (DocumentKind)random.Next(1, 5);
                var body = kind == DocumentKind.Resolution ? IssuingBody.PeoplesCouncil : kind == DocumentKind.NonNormativeWithNorms ? (IssuingBody)random.Next(1, 3) : IssuingBody.PeoplesCommittee;
                var signed = Day();
                var id = $"doc-{i}";
                Documents.Add(new LegalDocumentState
                {
                    DocumentId = id, Version = 1, Kind = kind, IssuingBody = body, Level = (GovernmentLevel)random.Next(1, 4),
                    IssuerUnit = "UBND", Number = $"{i}", SignedOn = signed, EffectiveOn = signed.AddDays(10),
                });
                if (random.Next(4) == 0)
                {
                    var found = Day();
                    var conclusion = (ReviewConclusion)random.Next(1, 6);
                    Findings.Add(new ReviewFindingState { RoundId = $"r-{random.Next(3)}", DocumentId = id, Version = 1, Conclusion = conclusion, FoundOn = found });
                    if (conclusion != ReviewConclusion.Keep && random.Next(2) == 0)
                    {
                        Findings.Add(Findings[^1] with { Version = 2, Handling = FindingHandling.Recommended, HandledOn = found.AddDays(random.Next(200)) });
                    }
                }
                if (random.Next(3) == 0)
                {
                    var checkedOn = Day();
                    var result = (CheckResult)random.Next(1, 5);
                    Checks.Add(new DocumentCheckState { CheckId = $"c-{i}", DocumentId = id, Version = 1, CheckedOn = checkedOn, Result = result });
                    if (result != CheckResult.Lawful && random.Next(2) == 0)
                    {
                        Checks.Add(Checks[^1] with { Version = 2, Handling = CheckHandling.HandledByIssuer, HandledOn = checkedOn.AddDays(random.Next(300)) });
                    }
                }
            }
        }

        /// <summary>The expected values, computed here from the final states (the highest version of each).</summary>
        public Dictionary<string, long> Expected(ReportPeriod p)
        {
            bool In(DateOnly? d) => d is { } day && day >= p.From && day <= p.To;
            var findings = Findings.GroupBy(f => (f.RoundId, f.DocumentId)).Select(g => g.MaxBy(f => f.Version)!).ToList();
            var checks = Checks.GroupBy(c => c.CheckId).Select(g => g.MaxBy(c => c.Version)!).ToList();
            long Issued(DocumentKind kind, GovernmentLevel level) => Documents.Count(d => d.Kind == kind && d.Level == level && In(d.SignedOn)
                && d.IssuingBody == (kind == DocumentKind.Resolution ? IssuingBody.PeoplesCouncil : IssuingBody.PeoplesCommittee));
            var expected = new Dictionary<string, long>
            {
                [L.ProvinceCouncilResolutions] = Issued(DocumentKind.Resolution, GovernmentLevel.Province),
                [L.ProvinceCommitteeDecisions] = Issued(DocumentKind.Decision, GovernmentLevel.Province),
                [L.DistrictCouncilResolutions] = Issued(DocumentKind.Resolution, GovernmentLevel.District),
                [L.DistrictCommitteeDecisions] = Issued(DocumentKind.Decision, GovernmentLevel.District),
                [L.CommuneCouncilResolutions] = Issued(DocumentKind.Resolution, GovernmentLevel.Commune),
                [L.CommuneCommitteeDecisions] = Issued(DocumentKind.Decision, GovernmentLevel.Commune),
                [L.ProposedAfterReview] = findings.Where(f => f.Conclusion != ReviewConclusion.Keep && In(f.FoundOn)).Select(f => f.DocumentId).Distinct().Count(),
                [L.HandledAfterReview] = findings.Where(f => f.Conclusion != ReviewConclusion.Keep && f.Handling != FindingHandling.None && In(f.HandledOn)).Select(f => f.DocumentId).Distinct().Count(),
                [L.Checked] = checks.Where(c => In(c.CheckedOn)).Select(c => c.DocumentId).Distinct().Count(),
                [L.Unlawful] = checks.Where(c => c.Result != CheckResult.Lawful && In(c.CheckedOn)).Select(c => c.DocumentId).Distinct().Count(),
                [L.UnlawfulHandled] = checks.Where(c => c.Result != CheckResult.Lawful && c.Handling != CheckHandling.None && In(c.HandledOn)).Select(c => c.DocumentId).Distinct().Count(),
                [L.NonNormativeWithNorms] = Documents.Count(d => d.Kind == DocumentKind.NonNormativeWithNorms && In(d.SignedOn)),
            };
            expected[L.IssuedTotal] = L.Breakdown.Sum(b => expected[b.Indicator]);
            return expected;
        }
    }

    [Fact]
    public async Task Appendix2_ComputedFromConsumedEvents_EqualsTheTestsOwnComputation_WhateverTheOrderOfVersions()
    {
        var scenario = new LegalScenario(seed: 2, documents: 1_500);
        await using var app = await ReportingApp.StartAsync(postgres, "app2_events");
        var now = DateTimeOffset.UtcNow;

        foreach (var chunk in scenario.Documents.Chunk(400))
        {
            await app.ConsumeAsync<LegalDocumentsRecordedConsumer, LegalDocumentsRecorded>(new() { Documents = chunk, OccurredAt = now });
        }
        // Newer versions first, then the older ones: the older must not overwrite.
        foreach (var chunk in scenario.Findings.OrderByDescending(f => f.Version).Chunk(150))
        {
            await app.ConsumeAsync<ReviewFindingsRecordedConsumer, ReviewFindingsRecorded>(new() { Findings = chunk, OccurredAt = now });
        }
        foreach (var chunk in scenario.Checks.OrderByDescending(c => c.Version).Chunk(150))
        {
            await app.ConsumeAsync<DocumentChecksRecordedConsumer, DocumentChecksRecorded>(new() { Checks = chunk, OccurredAt = now });
        }

        await using var scope = app.Services.CreateAsyncScope();
        var calculator = scope.ServiceProvider.GetRequiredService<AppendixCalculator>();
        var parsed = PeriodParser.Parse(Periods, DateOnly.FromDateTime(DateTime.UtcNow));
        var report = await calculator.ComputeAsync(calculator.Find(2)!, parsed.Periods, CancellationToken.None);

        var nonZero = 0;
        foreach (var period in report.Periods)
        {
            var expected = scenario.Expected(period);
            foreach (var row in report.Rows.Where(r => !r.Definition.Heading))
            {
                var actual = Assert.IsType<ReportValue.Number>(row.Values![period.Key]).Value;
                Assert.True(expected[row.Definition.Indicator] == actual, $"{row.Definition.Indicator} in {period.Key}: expected {expected[row.Definition.Indicator]}, got {actual}");
                nonZero += actual > 0 ? 1 : 0;
            }
        }
        Assert.True(nonZero > 40, "the scenario exercises the rows");

        // The body's key figures over one long period, through the JSON endpoint.
        using var http = app.CreateClient();
        var figures = await http.GetFromJsonAsync<JsonElement>("/api/reports/key-figures/institutions?periods=2015-01-01..2020-03-30");
        var values = figures.GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("values").GetProperty("2015-01-01..2020-03-30").GetInt64()).ToList();
        bool Province(LegalDocumentState d, DocumentKind kind) =>
            d.Kind == kind && d.Level == GovernmentLevel.Province && d.SignedOn <= new DateOnly(2020, 3, 30);
        long resolutions = scenario.Documents.Count(d => Province(d, DocumentKind.Resolution) && d.IssuingBody == IssuingBody.PeoplesCouncil);
        long decisions = scenario.Documents.Count(d => Province(d, DocumentKind.Decision));
        long directives = scenario.Documents.Count(d => Province(d, DocumentKind.Directive));
        Assert.True(directives > 0);
        Assert.Equal([resolutions + decisions + directives, resolutions, decisions, directives], values);
        Assert.Equal(0, figures.GetProperty("no").GetInt32());
        using var unknown = await http.GetAsync("/api/reports/key-figures/nothing?periods=2019");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
