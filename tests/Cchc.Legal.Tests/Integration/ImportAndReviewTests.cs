using Cchc.Contracts.Events.Legal;
using Cchc.Legal.Api.Grpc;
using Grpc.Core;
using Cchc.Testing;
using static Cchc.Testing.RpcAssert;
using CheckResult = Cchc.Legal.Api.Grpc.CheckResult;
using CheckHandling = Cchc.Legal.Api.Grpc.CheckHandling;
using FindingHandling = Cchc.Legal.Api.Grpc.FindingHandling;
using GovernmentLevel = Cchc.Legal.Api.Grpc.GovernmentLevel;
using LifecycleEventType = Cchc.Legal.Api.Grpc.LifecycleEventType;
using ReviewConclusion = Cchc.Legal.Api.Grpc.ReviewConclusion;
using ReviewKind = Cchc.Legal.Api.Grpc.ReviewKind;

namespace Cchc.Legal.Tests.Integration;

[Collection(LegalServiceCollection.Name)]
public sealed class ImportAndReviewTests(LegalService service)
{
    private static DocumentRecord Record(string id, string signedOn, int number, params LifecycleEvent[] events)
    {
        var record = new DocumentRecord { DocumentId = id, Attributes = TestData.Decision(signedOn, number: number) };
        record.Events.AddRange(events);
        return record;
    }

    private async Task<ImportDocumentsResponse> ImportAsync(IEnumerable<DocumentRecord> records)
    {
        using var call = service.Documents.ImportDocuments();
        foreach (var record in records)
        {
            await call.RequestStream.WriteAsync(record);
        }
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    [Fact]
    public async Task Import_IsIdempotentByDocumentId_AndResolvesCausesLaterInTheSameStream()
    {
        var prefix = TestData.NewId("IMP");
        var records = new[]
        {
            Record($"{prefix}-a", "2015-01-05", 1, new LifecycleEvent { Type = LifecycleEventType.Replaced, EffectiveOn = "2017-01-15", CausedBy = $"{prefix}-b" }),
            Record($"{prefix}-b", "2017-01-05", 2),
            Record($"{prefix}-c", "2018-01-05", 3),
        };

        var first = await ImportAsync(records);
        var second = await ImportAsync(records);

        Assert.Equal((3L, 3L, 0L), (first.Records, first.Inserted, first.Unchanged));
        Assert.Equal((3L, 0L, 3L), (second.Records, second.Inserted, second.Unchanged));
        var a = await service.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = $"{prefix}-a", AsOf = "2017-01-15" });
        Assert.Equal(Cchc.Legal.Api.Grpc.DocumentStatus.Expired, a.Status);
        var events = (await service.OutboxRowsMentioningAsync(prefix)).Select(r => r.As<LegalDocumentsRecorded>()).ToList();
        Assert.Equal(3, Assert.Single(events).Documents.Count);
    }

    [Fact]
    public async Task Import_WithOneBadRecord_WritesNothing_AndNamesTheRecord()
    {
        var prefix = TestData.NewId("IMP");
        var records = new[]
        {
            Record($"{prefix}-a", "2015-01-05", 1),
            Record($"{prefix}-b", "2016-01-05", 2, new LifecycleEvent { Type = LifecycleEventType.Amended, EffectiveOn = "2016-03-01", CausedBy = $"{prefix}-missing" }),
        };

        var fields = await FailsAsync(StatusCode.FailedPrecondition, () => ImportAsync(records));

        Assert.Equal(["records[1].events[0].caused_by"], fields);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM documents WHERE document_id LIKE @p", ("p", prefix + "%")));

        var changed = Record($"{prefix}-a", "2015-01-05", 1);
        await ImportAsync([changed]);
        changed.Attributes.Title = "Khác";
        Assert.Equal(["records[0].attributes.title"], await FailsAsync(StatusCode.AlreadyExists, () => ImportAsync([changed])));
    }

    [Fact]
    public async Task ReviewFindings_AndChecks_AreUpsertedWithTheirHandling_WritingAnEventPerChange()
    {
        var document = TestData.NewId("QD");
        await service.Documents.RegisterDocumentAsync(TestData.Register(document, TestData.Decision("2015-01-05")));
        var round = TestData.NewId("RS");
        await service.Reviews.CreateReviewRoundAsync(new CreateReviewRoundRequest { Round = new ReviewRound
        {
            RoundId = round, ReviewingUnit = "Sở Tư pháp", Kind = ReviewKind.Topical, Topic = "Rà soát theo Hiến pháp năm 2013", StartedOn = "2016-01-01",
        } });
        var finding = new ReviewFinding { RoundId = round, DocumentId = document, Conclusion = ReviewConclusion.Amend, FoundOn = "2016-03-01" };

        await service.Reviews.RecordReviewFindingAsync(new RecordReviewFindingRequest { ReviewingUnit = "Sở Tư pháp", Finding = finding });
        finding.Handling = FindingHandling.Recommended;
        finding.HandledOn = "2016-04-01";
        var handled = await service.Reviews.RecordReviewFindingAsync(new RecordReviewFindingRequest { ReviewingUnit = "Sở Tư pháp", Finding = finding });
        await service.Reviews.RecordReviewFindingAsync(new RecordReviewFindingRequest { ReviewingUnit = "Sở Tư pháp", Finding = finding });

        Assert.Equal(2, handled.Version);
        Assert.Equal(["reviewing_unit"], await FailsAsync(StatusCode.FailedPrecondition,
            service.Reviews.RecordReviewFindingAsync(new RecordReviewFindingRequest { ReviewingUnit = "Sở Nội vụ", Finding = finding })));
        var findingEvents = (await service.OutboxRowsMentioningAsync(round)).Select(r => Assert.Single(r.As<ReviewFindingsRecorded>().Findings)).ToList();
        Assert.Equal([(1, Cchc.Contracts.Events.Legal.FindingHandling.None), (2, Cchc.Contracts.Events.Legal.FindingHandling.Recommended)],
            findingEvents.Select(f => (f.Version, f.Handling)));
        Assert.Equal(new DateOnly(2016, 4, 1), findingEvents[1].HandledOn);

        var check = new DocumentCheck
        {
            CheckId = TestData.NewId("KT"), DocumentId = document, CheckingUnit = "Sở Tư pháp", CheckedOn = "2016-02-01",
            Result = CheckResult.UnlawfulContent, Handling = CheckHandling.HandledByIssuer, HandledOn = "2016-05-01",
        };
        var recorded = await service.Checks.RecordCheckAsync(new RecordCheckRequest { Check = check });
        Assert.Equal(1, recorded.Version);
        check.Result = CheckResult.Lawful;
        Assert.Equal(["check.handling"], await FailsAsync(StatusCode.InvalidArgument, service.Checks.RecordCheckAsync(new RecordCheckRequest { Check = check })));
        var checkEvent = Assert.Single(Assert.Single(await service.OutboxRowsMentioningAsync(check.CheckId)).As<DocumentChecksRecorded>().Checks);
        Assert.Equal((Cchc.Contracts.Events.Legal.CheckResult.UnlawfulContent, new DateOnly(2016, 5, 1)), (checkEvent.Result, checkEvent.HandledOn));
    }

    [Fact]
    public async Task SystematisationCounts_AreComputedFromTheLifecycle_AndFollowLaterEvents()
    {
        var issuer = $"UBND tỉnh Thử {Guid.NewGuid():N}"[..40];
        await ReferenceUnits.SeedAsync(service.ConnectionString, [issuer]);
        DocumentRecord Doc(string id, string signedOn, int number, params LifecycleEvent[] events)
        {
            var r = Record(id, signedOn, number, events);
            r.Attributes.IssuerUnit = issuer;
            return r;
        }
        var p = TestData.NewId("HT");
        await ImportAsync(
        [
            Doc($"{p}-old", "2012-01-05", 1, new LifecycleEvent { Type = LifecycleEventType.WhollyExpired, EffectiveOn = "2013-06-01" }),
            Doc($"{p}-exp", "2013-01-05", 2, new LifecycleEvent { Type = LifecycleEventType.Replaced, EffectiveOn = "2016-01-15", CausedBy = $"{p}-new" }),
            Doc($"{p}-new", "2016-01-05", 3),
            Doc($"{p}-part", "2014-03-05", 4, new LifecycleEvent { Type = LifecycleEventType.PartlyExpired, EffectiveOn = "2017-01-01" }),
            Doc($"{p}-late", "2019-03-05", 5),
        ]);
        var period = new SystematisationPeriod
        {
            PeriodId = p, Unit = issuer, Level = GovernmentLevel.Province, From = "2014-01-01", To = "2018-12-31", IssuerUnits = { issuer },
        };

        var created = await service.Reviews.CreateSystematisationPeriodAsync(new CreateSystematisationPeriodRequest { Period = period });
        Assert.Equal(new SystematisationCounts { InScope = 3, InForce = 2, WhollyExpired = 1, PartlyExpired = 1, NeedingAmendment = 0 }, created.Counts);

        var round = TestData.NewId("RS");
        await service.Reviews.CreateReviewRoundAsync(new CreateReviewRoundRequest { Round = new ReviewRound
        {
            RoundId = round, ReviewingUnit = "Sở Tư pháp", Kind = ReviewKind.Periodic, Topic = "Rà soát định kỳ", StartedOn = "2018-01-01",
        } });
        await service.Reviews.RecordReviewFindingAsync(new RecordReviewFindingRequest { ReviewingUnit = "Sở Tư pháp", Finding = new ReviewFinding
        {
            RoundId = round, DocumentId = $"{p}-new", Conclusion = ReviewConclusion.Repeal, FoundOn = "2018-05-01",
        } });
        await service.Documents.RecordLifecycleEventAsync(TestData.Event($"{p}-part", LifecycleEventType.Repealed, "2018-07-01", $"{p}-new", issuer));

        var recomputed = await service.Reviews.GetSystematisationPeriodAsync(new GetSystematisationPeriodRequest { PeriodId = p });
        Assert.Equal(new SystematisationCounts { InScope = 3, InForce = 1, WhollyExpired = 2, PartlyExpired = 0, NeedingAmendment = 1 }, recomputed.Counts);
    }
}
