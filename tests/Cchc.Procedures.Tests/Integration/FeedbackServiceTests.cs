using Cchc.Contracts.Events.Procedures;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.RpcAssert;

namespace Cchc.Procedures.Tests.Integration;

[Collection(ProceduresServiceCollection.Name)]
public sealed class FeedbackServiceTests(ProceduresService service)
{
    private readonly FeedbackService.FeedbackServiceClient feedback = service.Feedback;

    private static ReceiveFeedbackRequest Receive(string id, string procedureCode = "") => new()
    {
        FeedbackId = id,
        ProcedureCode = procedureCode,
        Subject = "Chậm trả kết quả giải quyết",
        ReceivedAt = TestData.At(TestData.May2),
    };

    [Fact]
    public async Task Feedback_ReceivedResolvedAndPublished_RecordsThreeVersionsEachWithOneEvent()
    {
        var id = TestData.NewId("PA");
        var resolvedAt = TestData.May2.AddDays(4);
        var publishedAt = TestData.May2.AddDays(5);

        var received = await feedback.ReceiveFeedbackAsync(Receive(id));
        var resolved = await feedback.ResolveFeedbackAsync(new FeedbackStepRequest { FeedbackId = id, At = TestData.At(resolvedAt) });
        var published = await feedback.PublishFeedbackAnswerAsync(new FeedbackStepRequest { FeedbackId = id, At = TestData.At(publishedAt) });

        Assert.Equal([1, 2, 3], new[] { received.Version, resolved.Version, published.Version });
        Assert.Equal(published, await feedback.GetFeedbackAsync(new GetFeedbackRequest { FeedbackId = id }));
        var states = (await service.OutboxRowsMentioningAsync(id)).Select(r => Assert.Single(r.As<FeedbackRecorded>().Items)).ToList();
        Assert.Equal([1, 2, 3], states.Select(s => s.Version));
        Assert.Equal((resolvedAt, publishedAt), (states[2].ResolvedAt!.Value, states[2].PublishedAt!.Value));
        Assert.Null(states[0].ProcedureCode);
    }

    [Fact]
    public async Task PublishFeedbackAnswer_BeforeItIsResolved_FailsPreconditionAndWritesNothing()
    {
        var id = TestData.NewId("PA");
        await feedback.ReceiveFeedbackAsync(Receive(id));

        var fields = await FailsAsync(StatusCode.FailedPrecondition,
            feedback.PublishFeedbackAnswerAsync(new FeedbackStepRequest { FeedbackId = id, At = TestData.At(TestData.May2.AddDays(1)) }));

        Assert.Equal(["feedback_id"], fields);
        Assert.Equal(1, (await feedback.GetFeedbackAsync(new GetFeedbackRequest { FeedbackId = id })).Version);
        Assert.Single(await service.OutboxRowsMentioningAsync(id));
    }

    [Fact]
    public async Task ReceiveFeedback_SameTwice_OneEvent_OtherSubject_AlreadyExists()
    {
        var id = TestData.NewId("PA");
        var first = await feedback.ReceiveFeedbackAsync(Receive(id));

        var again = await feedback.ReceiveFeedbackAsync(Receive(id));
        var other = Receive(id);
        other.Subject = "Khác";
        var fields = await FailsAsync(StatusCode.AlreadyExists, feedback.ReceiveFeedbackAsync(other));

        Assert.Equal(first, again);
        Assert.Equal(["subject"], fields);
        Assert.Single(await service.OutboxRowsMentioningAsync(id));
    }

    [Fact]
    public async Task ReceiveFeedback_AboutAProcedureNotInTheCatalogue_FailsPrecondition_AboutAKnownOneIsRecorded()
    {
        var code = TestData.NewId("TT");
        var unknownId = TestData.NewId("PA");
        var knownId = TestData.NewId("PA");
        await service.Catalog.CreateProcedureAsync(TestData.Create(code));

        var fields = await FailsAsync(StatusCode.FailedPrecondition, feedback.ReceiveFeedbackAsync(Receive(unknownId, TestData.NewId("TT"))));
        var known = await feedback.ReceiveFeedbackAsync(Receive(knownId, code));

        Assert.Equal(["procedure_code"], fields);
        Assert.Empty(await service.OutboxRowsMentioningAsync(unknownId));
        Assert.Equal(code, known.ProcedureCode);
    }

    [Fact]
    public async Task ListFeedback_PagesThroughEveryItemOnceInIdOrder()
    {
        var prefix = TestData.NewId("PA");
        var ids = Enumerable.Range(0, 5).Select(i => $"{prefix}-{i}").ToList();
        foreach (var id in ids)
        {
            await feedback.ReceiveFeedbackAsync(Receive(id));
        }

        var seen = new List<string>();
        var request = new ListFeedbackRequest { PageSize = 2 };
        ListFeedbackResponse page;
        do
        {
            page = await feedback.ListFeedbackAsync(request);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(f => f.FeedbackId));
            request.PageToken = page.NextPageToken;
        }
        while (page.NextPageToken.Length > 0);

        Assert.Equal(page.TotalSize, seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(ids, seen.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)));
    }
}
