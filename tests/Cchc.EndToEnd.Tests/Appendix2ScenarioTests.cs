using System.Text.Json;
using Cchc.Legal.Api.Grpc;
using Grpc.Core;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The Department of Justice and district legal units record documents, their lifecycle, reviews and checks through the
/// gateway; Appendix 2 read back through the gateway equals what the facts give, counted independently here. Years
/// 2021–2022 keep the scenario apart from anything else the suite holds.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class Appendix2ScenarioTests(SuiteFixture suite)
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private sealed record DocFact(string Id, DocumentKind Kind, GovernmentLevel Level, string Issuer, string Signed, int Number)
    {
        public IssuingBody Body => Kind == DocumentKind.Resolution ? IssuingBody.PeoplesCouncil : IssuingBody.PeoplesCommittee;

        public DocumentAttributes Attributes() => new()
        {
            Kind = Kind, IssuingBody = Body, Level = Level, IssuerUnit = Issuer, Title = $"Văn bản thử nghiệm {Id}", DraftingAgency = "Sở Tư pháp",
            Number = Kind == DocumentKind.NonNormativeWithNorms ? $"{Number}/KH-UBND" : $"{Number:00}/{Signed[..4]}/{(Kind == DocumentKind.Resolution ? "NQ-HĐND" : "QĐ-UBND")}",
            SignedOn = Signed, EffectiveOn = D(Signed).AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private sealed record FindingFact(string Round, string DocumentId, ReviewConclusion Conclusion, string Found, string Handled = "");

    private sealed record CheckFact(string Id, string DocumentId, string Checked, CheckResult Result, string Handled = "");

    private const string TamDuong = "UBND huyện Tam Đường";
    private const string TamDuongCouncil = "HĐND huyện Tam Đường";

    private static readonly DocFact[] Documents =
    [
        new("E2E-VB-01", DocumentKind.Resolution, GovernmentLevel.Province, "HĐND tỉnh Lai Châu", "2021-02-10", 1),
        new("E2E-VB-02", DocumentKind.Decision, GovernmentLevel.Province, "UBND tỉnh Lai Châu", "2021-03-05", 1),
        new("E2E-VB-03", DocumentKind.Decision, GovernmentLevel.Province, "UBND tỉnh Lai Châu", "2021-08-20", 2),
        new("E2E-VB-04", DocumentKind.Resolution, GovernmentLevel.District, TamDuongCouncil, "2021-01-15", 1),
        new("E2E-VB-05", DocumentKind.Decision, GovernmentLevel.District, TamDuong, "2021-04-02", 1),
        new("E2E-VB-06", DocumentKind.Decision, GovernmentLevel.District, TamDuong, "2022-02-02", 1),
        new("E2E-VB-07", DocumentKind.Resolution, GovernmentLevel.Commune, "HĐND xã Bản Giang", "2021-06-30", 1),
        new("E2E-VB-08", DocumentKind.Decision, GovernmentLevel.Commune, "UBND xã Bản Giang", "2021-07-01", 1),
        new("E2E-VB-09", DocumentKind.Decision, GovernmentLevel.Commune, "UBND xã Bản Giang", "2022-05-05", 2),
        new("E2E-VB-10", DocumentKind.NonNormativeWithNorms, GovernmentLevel.District, TamDuong, "2021-09-09", 123),
        new("E2E-VB-11", DocumentKind.Decision, GovernmentLevel.District, TamDuong, "2022-07-01", 2),
    ];

    private static readonly FindingFact[] Findings =
    [
        new("E2E-RS-1", "E2E-VB-04", ReviewConclusion.Amend, "2021-05-02", "2021-06-01"),
        new("E2E-RS-1", "E2E-VB-05", ReviewConclusion.Repeal, "2021-06-10", "2022-01-20"),
        new("E2E-RS-1", "E2E-VB-02", ReviewConclusion.Keep, "2021-06-11"),
        new("E2E-RS-1", "E2E-VB-07", ReviewConclusion.Replace, "2021-11-11"),
        new("E2E-RS-2", "E2E-VB-04", ReviewConclusion.IssueNew, "2021-10-01", "2021-10-15"), // the same document again in 2021
    ];

    private static readonly CheckFact[] Checks =
    [
        new("E2E-KT-1", "E2E-VB-02", "2021-03-20", CheckResult.Lawful),
        new("E2E-KT-2", "E2E-VB-05", "2021-04-20", CheckResult.UnlawfulContent, "2021-05-10"),
        new("E2E-KT-3", "E2E-VB-08", "2021-07-20", CheckResult.UnlawfulAuthority, "2022-03-01"),
        new("E2E-KT-4", "E2E-VB-02", "2021-09-01", CheckResult.Lawful), // checked twice in 2021: one document
        new("E2E-KT-5", "E2E-VB-06", "2022-02-20", CheckResult.Lawful),
    ];

    private static readonly (string Key, DateOnly From, DateOnly To)[] Periods =
    [
        ("2021", D("2021-01-01"), D("2021-12-31")),
        ("2022", D("2022-01-01"), D("2022-12-31")),
        ("2021-07-01..2022-06-30", D("2021-07-01"), D("2022-06-30")),
    ];

    /// <summary>Appendix 2 as the facts give it, row by row (row 1 = the sum of the six kinds).</summary>
    private static long[] Expected((string Key, DateOnly From, DateOnly To) p)
    {
        bool In(string day) => day.Length > 0 && D(day) >= p.From && D(day) <= p.To;
        long Issued(DocumentKind kind, GovernmentLevel level) => Documents.Count(d => d.Kind == kind && d.Level == level && In(d.Signed));
        long[] kinds =
        [
            Issued(DocumentKind.Resolution, GovernmentLevel.Province), Issued(DocumentKind.Decision, GovernmentLevel.Province),
            Issued(DocumentKind.Resolution, GovernmentLevel.District), Issued(DocumentKind.Decision, GovernmentLevel.District),
            Issued(DocumentKind.Resolution, GovernmentLevel.Commune), Issued(DocumentKind.Decision, GovernmentLevel.Commune),
        ];
        var proposals = Findings.Where(f => f.Conclusion != ReviewConclusion.Keep).ToList();
        return
        [
            kinds.Sum(), .. kinds,
            proposals.Where(f => In(f.Found)).Select(f => f.DocumentId).Distinct().Count(),
            proposals.Where(f => In(f.Handled)).Select(f => f.DocumentId).Distinct().Count(),
            Checks.Where(c => In(c.Checked)).Select(c => c.DocumentId).Distinct().Count(),
            Checks.Where(c => c.Result != CheckResult.Lawful && In(c.Checked)).Select(c => c.DocumentId).Distinct().Count(),
            Checks.Where(c => c.Result != CheckResult.Lawful && In(c.Handled)).Select(c => c.DocumentId).Distinct().Count(),
            Documents.Count(d => d.Kind == DocumentKind.NonNormativeWithNorms && In(d.Signed)),
        ];
    }

    [Fact]
    public async Task RecordedDocumentsReviewsAndChecks_GiveAppendix2_ThroughTheGateway()
    {
        var documents = new DocumentService.DocumentServiceClient(suite.Channel);
        var reviews = new ReviewService.ReviewServiceClient(suite.Channel);
        var checks = new CheckService.CheckServiceClient(suite.Channel);

        // Two documents one by one, the rest (with the repeal of one of the first two) in a bulk import sent twice.
        foreach (var d in Documents.Take(2))
        {
            await documents.RegisterDocumentAsync(new RegisterDocumentRequest { DocumentId = d.Id, Attributes = d.Attributes() });
        }
        var records = Documents.Skip(2).Select(d => new DocumentRecord { DocumentId = d.Id, Attributes = d.Attributes() }).ToList();
        records.Single(r => r.DocumentId == "E2E-VB-06").Attributes.Title = "Quyết định sửa đổi Quyết định 01/2021/QĐ-UBND";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var import = documents.ImportDocuments();
            foreach (var record in records)
            {
                await import.RequestStream.WriteAsync(record);
            }
            await import.RequestStream.CompleteAsync();
            var response = await import;
            Assert.Equal(attempt == 0 ? (9L, 0L) : (0L, 9L), (response.Inserted, response.Unchanged));
        }
        await documents.RecordLifecycleEventAsync(new RecordLifecycleEventRequest
        {
            DocumentId = "E2E-VB-05", IssuerUnit = TamDuong,
            Event = new LifecycleEvent { Type = LifecycleEventType.Amended, EffectiveOn = "2022-02-12", CausedBy = "E2E-VB-06" },
        });
        await documents.RecordLifecycleEventAsync(new RecordLifecycleEventRequest
        {
            DocumentId = "E2E-VB-05", IssuerUnit = TamDuong,
            Event = new LifecycleEvent { Type = LifecycleEventType.Repealed, EffectiveOn = "2022-07-11", CausedBy = "E2E-VB-11" },
        });
        var repeatedRepeal = await Assert.ThrowsAsync<RpcException>(async () => await documents.RecordLifecycleEventAsync(new RecordLifecycleEventRequest
        {
            DocumentId = "E2E-VB-05", IssuerUnit = TamDuong,
            Event = new LifecycleEvent { Type = LifecycleEventType.Repealed, EffectiveOn = "2022-08-01", CausedBy = "E2E-VB-11" },
        }));
        Assert.Equal(StatusCode.FailedPrecondition, repeatedRepeal.StatusCode);
        Assert.Equal(DocumentStatus.InForce, (await documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = "E2E-VB-05", AsOf = "2022-07-10" })).Status);
        Assert.Equal(DocumentStatus.Expired, (await documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = "E2E-VB-05", AsOf = "2022-07-11" })).Status);

        foreach (var round in Findings.Select(f => f.Round).Distinct())
        {
            await reviews.CreateReviewRoundAsync(new CreateReviewRoundRequest { Round = new ReviewRound
            {
                RoundId = round, ReviewingUnit = "Sở Tư pháp", Kind = ReviewKind.Periodic, Topic = "Rà soát định kỳ năm 2021", StartedOn = "2021-05-01",
            } });
        }
        foreach (var f in Findings)
        {
            // The proposal first, its handling later: the handling updates the same finding.
            var finding = new ReviewFinding { RoundId = f.Round, DocumentId = f.DocumentId, Conclusion = f.Conclusion, FoundOn = f.Found };
            await reviews.RecordReviewFindingAsync(new RecordReviewFindingRequest { ReviewingUnit = "Sở Tư pháp", Finding = finding });
            if (f.Handled.Length > 0)
            {
                finding.Handling = FindingHandling.HandledWithinAuthority;
                finding.HandledOn = f.Handled;
                await reviews.RecordReviewFindingAsync(new RecordReviewFindingRequest { ReviewingUnit = "Sở Tư pháp", Finding = finding });
            }
        }
        foreach (var c in Checks)
        {
            var check = new DocumentCheck { CheckId = c.Id, DocumentId = c.DocumentId, CheckingUnit = "Sở Tư pháp", CheckedOn = c.Checked, Result = c.Result };
            await checks.RecordCheckAsync(new RecordCheckRequest { Check = check });
            if (c.Handled.Length > 0)
            {
                check.Handling = CheckHandling.HandledByIssuer;
                check.HandledOn = c.Handled;
                await checks.RecordCheckAsync(new RecordCheckRequest { Check = check });
            }
        }

        // Systematisation of Tam Đường's documents over 2021–2022, computed from their lifecycle: 04, 05, 06 and 11 are
        // normative and in force in it (10 is not normative); 05 was repealed on 2022-07-11; 04 and 05 have proposals.
        var period = new SystematisationPeriod
        {
            PeriodId = "E2E-HTH-2021-2022", Unit = TamDuong, Level = GovernmentLevel.District, From = "2021-01-01", To = "2022-12-31",
            IssuerUnits = { TamDuong, TamDuongCouncil },
        };
        var computed = await reviews.CreateSystematisationPeriodAsync(new CreateSystematisationPeriodRequest { Period = period });
        Assert.Equal(new SystematisationCounts { InScope = 4, InForce = 3, WhollyExpired = 1, PartlyExpired = 0, NeedingAmendment = 2 }, computed.Counts);

        // The reporting side is eventually consistent: read until every cell equals the facts, or fail listing the cells that never did.
        List<string> mismatches = ["not read yet"];
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (mismatches.Count > 0 && DateTime.UtcNow < deadline)
        {
            mismatches = await CompareAsync();
            if (mismatches.Count > 0)
            {
                await Task.Delay(500);
            }
        }
        Assert.True(mismatches.Count == 0, "cells that differ from the facts:\n" + string.Join("\n", mismatches));
    }

    private async Task<List<string>> CompareAsync()
    {
        var json = await suite.Http.GetStringAsync($"/api/reports/appendices/2?periods={string.Join(',', Periods.Select(p => p.Key))}");
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.GetProperty("rows").EnumerateArray()
            .Where(r => !(r.TryGetProperty("heading", out var h) && h.ValueKind == JsonValueKind.True)).ToList();
        Assert.Equal(13, rows.Count);
        var mismatches = new List<string>();
        foreach (var period in Periods)
        {
            var expected = Expected(period);
            for (var i = 0; i < rows.Count; i++)
            {
                var value = rows[i].GetProperty("values").GetProperty(period.Key);
                if (value.ValueKind != JsonValueKind.Number || value.GetInt64() != expected[i])
                {
                    mismatches.Add($"{rows[i].GetProperty("label").GetString()} [{period.Key}]: expected {expected[i]}, got {value}");
                }
            }
        }
        return mismatches;
    }
}
