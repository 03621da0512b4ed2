using Cchc.Legal.Api.Grpc;
using Cchc.Testing;
using Cchc.Testing.Hostile;
using Grpc.Core;
using Grpc.Net.Client;
using Descriptors = Google.Protobuf.Reflection;

namespace Cchc.Legal.Tests.Integration;

/// <summary>The hostile-input matrix runs on its own instance of the service: its checks compare the whole database.</summary>
[CollectionDefinition(Name)]
public sealed class LegalHostileCollection : ICollectionFixture<LegalService>
{
    public const string Name = "legal-hostile";
}

/// <summary>
/// Issue 12's hostile-input matrix for every write RPC of the legal service: each malformed input is refused with the
/// status its case expects naming its field (the 1,000th record of an import), nothing is written and the refusal is
/// audited (see <see cref="HostileRunner"/>).
/// </summary>
[Collection(LegalHostileCollection.Name)]
public sealed class HostileInputTests(LegalService service) : HostileInputTestBase
{
    private const string Reviewer = "Sở Tư pháp";

    public static IEnumerable<object[]> Cases => HostileMatrix.Names(Matrix);

    protected override IReadOnlyList<WriteRpc> Rpcs => Matrix;

    protected override object Fixture => service;

    protected override string ConnectionString => service.ConnectionString;

    protected override CallInvoker CreateInvoker() => service.ChannelFor(service.Issuer.CreateToken("test-province", ["legal.read", "legal.write"], ["*"])).CreateCallInvoker();

    private static DocumentAttributes Attributes(int number = 5) =>
        TestData.Decision(number: number).Also(a => (a.GazettePublishedOn, a.GazetteIssue) = ("2016-03-05", "Số 12"));

    private static LifecycleEvent PartlyExpired(string note = "Hết hiệu lực Điều 3") =>
        new() { Type = LifecycleEventType.PartlyExpired, EffectiveOn = "2017-01-01", Note = note };

    private static DocumentRecord Record(string run, int i) => new DocumentRecord
    {
        DocumentId = $"VB-{run}-{i}", Attributes = Attributes(i + 1),
    }.Also(r => r.Events.Add(PartlyExpired()));

    private static DocumentService.DocumentServiceClient Documents(HostileContext c) => new(c.Invoker);

    private static ReviewService.ReviewServiceClient Reviews(HostileContext c) => new(c.Invoker);

    private static async Task DocumentAsync(HostileContext c) => await Documents(c).RegisterDocumentAsync(TestData.Register($"VB-{c.Run}", Attributes()));

    /// <summary>A unit of the copy that existed 2010–2015 only (the matrix's documents are signed in 2016).</summary>
    private static Func<HostileContext, Task> FormerUnit(string name) => c =>
        ReferenceUnits.ApplyAsync(c.ConnectionString, [ReferenceUnits.History(ReferenceUnits.CodeOf($"{name} {c.Run}"), 1,
            ReferenceUnits.Period(new DateOnly(2010, 1, 1), new DateOnly(2015, 12, 31), $"{name} {c.Run}"))]);

    private static ReviewRound Round(string id) => new()
    {
        RoundId = id, ReviewingUnit = Reviewer, Kind = ReviewKind.Topical, Topic = "Rà soát theo Hiến pháp 2013", StartedOn = "2019-01-01", EndedOn = "2019-12-31",
    };

    private static ReviewFinding Finding(string run) => new()
    {
        RoundId = $"RS-{run}", DocumentId = $"VB-{run}", Conclusion = ReviewConclusion.Amend, FoundOn = "2019-03-01",
        Handling = FindingHandling.Recommended, HandledOn = "2019-04-01",
    };

    private static DocumentCheck Check(string run, string id) => new()
    {
        CheckId = id, DocumentId = $"VB-{run}", CheckingUnit = Reviewer, CheckedOn = "2019-03-01", Result = CheckResult.UnlawfulContent,
        Handling = CheckHandling.Recommended, HandledOn = "2019-04-01", Note = "Trái Luật Đầu tư",
    };

    private static SystematisationPeriod Period(string id) => new SystematisationPeriod
    {
        PeriodId = id, Unit = TestData.ProvinceCommittee, Level = GovernmentLevel.Province, From = "2019-01-01", To = "2023-12-31",
    }.Also(p => p.IssuerUnits.Add([TestData.ProvinceCommittee, TestData.ProvinceCouncil]));

    private static IReadOnlyList<WriteRpc> Matrix { get; } = Build();

    private static List<WriteRpc> Build()
    {
        static Descriptors.MethodDescriptor Method(Descriptors.ServiceDescriptor s, string name) => s.FindMethodByName(name);
        var gazette = new HashSet<string> { "attributes.gazette_published_on", "attributes.gazette_issue" };

        var register = new WriteRpc(Method(DocumentService.Descriptor, "RegisterDocument"), (run, n) => TestData.Register($"VB-{run}-{n}", Attributes()))
        {
            Optional = gazette,
        };
        register.Domain.Add(new DomainCase("dates out of order",
            run => TestData.Register($"VB-{run}", Attributes().Also(a => a.EffectiveOn = "2016-02-01")), StatusCode.InvalidArgument, "attributes.effective_on"));
        register.Domain.Add(new DomainCase("duplicate id with other content",
            run => TestData.Register($"VB-{run}", Attributes().Also(a => a.Title = "Một trích yếu khác")), StatusCode.AlreadyExists, "attributes.title",
            DocumentAsync));
        register.Domain.Add(new DomainCase("unknown unit",
            run => TestData.Register($"VB-{run}", Attributes().Also(a => a.IssuerUnit = $"UBND tỉnh Không Có {run}")),
            StatusCode.FailedPrecondition, "attributes.issuer_unit"));
        register.Domain.Add(new DomainCase("unit not existing on the day",
            run => TestData.Register($"VB-{run}", Attributes().Also(a => a.IssuerUnit = $"UBND tỉnh Cũ {run}")),
            StatusCode.FailedPrecondition, "attributes.issuer_unit", FormerUnit("UBND tỉnh Cũ")));

        var lifecycle = new WriteRpc(Method(DocumentService.Descriptor, "RecordLifecycleEvent"),
            (run, _) => new RecordLifecycleEventRequest { DocumentId = $"VB-{run}", IssuerUnit = TestData.ProvinceCommittee, Event = PartlyExpired() })
        {
            Optional = new HashSet<string> { "event.caused_by", "event.note" }, Arrange = DocumentAsync,
        };
        lifecycle.Domain.Add(new DomainCase("dates out of order",
            run => TestData.Event($"VB-{run}", LifecycleEventType.PartlyExpired, "2016-03-01"), StatusCode.FailedPrecondition, "event.effective_on"));
        lifecycle.Domain.Add(new DomainCase("unknown document",
            run => TestData.Event($"VB-{run}-none", LifecycleEventType.PartlyExpired, "2017-01-01"), StatusCode.NotFound, "document_id"));
        lifecycle.Domain.Add(new DomainCase("unknown cause",
            run => TestData.Event($"VB-{run}", LifecycleEventType.Amended, "2017-01-01", causedBy: $"VB-{run}-none"), StatusCode.FailedPrecondition, "event.caused_by"));

        var import = new WriteRpc(Method(DocumentService.Descriptor, "ImportDocuments"), Record)
        {
            Optional = new HashSet<string>(gazette) { "events[0].caused_by", "events[0].note" },
        };
        import.Domain.Add(new DomainCase("dates out of order",
            run => Record(run, 999).Also(r => r.Events[0].EffectiveOn = "2016-03-02"), StatusCode.FailedPrecondition, "events[0].effective_on"));
        import.Domain.Add(new DomainCase("unknown cause",
            run => Record(run, 999).Also(r => (r.Events[0].Type, r.Events[0].CausedBy) = (LifecycleEventType.Amended, $"VB-{run}-none")),
            StatusCode.FailedPrecondition, "events[0].caused_by"));
        import.Domain.Add(new DomainCase("duplicate id with other content",
            run => Record(run, 999).Also(r => r.DocumentId = $"VB-{run}-0"), StatusCode.InvalidArgument, "document_id"));
        import.Domain.Add(new DomainCase("unit not existing on the day",
            run => Record(run, 999).Also(r => r.Attributes.IssuerUnit = $"UBND tỉnh Cũ {run}"), StatusCode.FailedPrecondition, "attributes.issuer_unit",
            FormerUnit("UBND tỉnh Cũ")));

        var round = new WriteRpc(Method(ReviewService.Descriptor, "CreateReviewRound"), (run, n) => new CreateReviewRoundRequest { Round = Round($"RS-{run}-{n}") })
        {
            Optional = new HashSet<string> { "round.ended_on" },
        };
        round.Domain.Add(new DomainCase("dates out of order",
            run => new CreateReviewRoundRequest { Round = Round($"RS-{run}").Also(r => r.EndedOn = "2018-12-31") }, StatusCode.InvalidArgument, "round.ended_on"));
        round.Domain.Add(new DomainCase("duplicate id with other content",
            run => new CreateReviewRoundRequest { Round = Round($"RS-{run}").Also(r => r.Topic = "Một chuyên đề khác") }, StatusCode.AlreadyExists, "round.round_id",
            async c => await Reviews(c).CreateReviewRoundAsync(new CreateReviewRoundRequest { Round = Round($"RS-{c.Run}") })));

        async Task RoundAndDocument(HostileContext c)
        {
            await DocumentAsync(c);
            await Reviews(c).CreateReviewRoundAsync(new CreateReviewRoundRequest { Round = Round($"RS-{c.Run}") });
        }
        var finding = new WriteRpc(Method(ReviewService.Descriptor, "RecordReviewFinding"),
            (run, _) => new RecordReviewFindingRequest { ReviewingUnit = Reviewer, Finding = Finding(run) })
        {
            // Handling and its day go together: a missing handling is refused on handled_on (the day without it).
            Optional = new HashSet<string> { "finding.handling" }, Arrange = RoundAndDocument,
        };
        finding.Domain.Add(new DomainCase("dates out of order",
            run => new RecordReviewFindingRequest { ReviewingUnit = Reviewer, Finding = Finding(run).Also(f => f.HandledOn = "2019-02-01") },
            StatusCode.InvalidArgument, "finding.handled_on"));
        finding.Domain.Add(new DomainCase("found before the round",
            run => new RecordReviewFindingRequest { ReviewingUnit = Reviewer, Finding = Finding(run).Also(f => (f.FoundOn, f.HandledOn) = ("2018-06-01", "")).Also(f => f.Handling = FindingHandling.Unspecified) },
            StatusCode.FailedPrecondition, "finding.found_on"));
        finding.Domain.Add(new DomainCase("unknown round",
            run => new RecordReviewFindingRequest { ReviewingUnit = Reviewer, Finding = Finding(run).Also(f => f.RoundId = $"RS-{run}-none") },
            StatusCode.NotFound, "finding.round_id"));
        finding.Domain.Add(new DomainCase("unknown document",
            run => new RecordReviewFindingRequest { ReviewingUnit = Reviewer, Finding = Finding(run).Also(f => f.DocumentId = $"VB-{run}-none") },
            StatusCode.FailedPrecondition, "finding.document_id"));

        var period = new WriteRpc(Method(ReviewService.Descriptor, "CreateSystematisationPeriod"),
            (run, n) => new CreateSystematisationPeriodRequest { Period = Period($"HTH-{run}-{n}") });
        period.Domain.Add(new DomainCase("dates out of order",
            run => new CreateSystematisationPeriodRequest { Period = Period($"HTH-{run}").Also(p => p.To = "2018-12-31") }, StatusCode.InvalidArgument, "period.to"));

        var check = new WriteRpc(Method(CheckService.Descriptor, "RecordCheck"), (run, n) => new RecordCheckRequest { Check = Check(run, $"KT-{run}-{n}") })
        {
            Optional = new HashSet<string> { "check.handling", "check.note" }, Arrange = DocumentAsync,
        };
        check.Domain.Add(new DomainCase("dates out of order",
            run => new RecordCheckRequest { Check = Check(run, $"KT-{run}").Also(k => k.HandledOn = "2019-02-01") }, StatusCode.InvalidArgument, "check.handled_on"));
        check.Domain.Add(new DomainCase("checked before signed",
            run => new RecordCheckRequest { Check = Check(run, $"KT-{run}").Also(k => (k.CheckedOn, k.HandledOn) = ("2016-01-01", "2016-02-01")) },
            StatusCode.FailedPrecondition, "check.checked_on"));
        check.Domain.Add(new DomainCase("unknown document",
            run => new RecordCheckRequest { Check = Check(run, $"KT-{run}").Also(k => k.DocumentId = $"VB-{run}-none") }, StatusCode.FailedPrecondition, "check.document_id"));

        return [register, lifecycle, import, round, finding, period, check];
    }
}
