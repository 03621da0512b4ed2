using Cchc.Cli.Demo;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Cchc.Cli.Loading;

/// <summary>Records each feedback item's steps (received, resolved, answer published) that the service does not have yet.</summary>
internal sealed class FeedbackLoader(FeedbackService.FeedbackServiceClient client)
{
    public sealed record Result(int Items, int StepsApplied);

    public async Task<Result> LoadAsync(IReadOnlyList<DemoFeedback> items, CancellationToken cancellation)
    {
        var applied = 0;
        foreach (var item in items)
        {
            var existing = await GetAsync(item.FeedbackId, cancellation);
            if (existing is null)
            {
                existing = await client.ReceiveFeedbackAsync(new ReceiveFeedbackRequest
                {
                    FeedbackId = item.FeedbackId,
                    ProcedureCode = item.ProcedureCode ?? "",
                    Subject = item.Subject,
                    ReceivedAt = Timestamp.FromDateTimeOffset(item.ReceivedAt),
                }, cancellationToken: cancellation);
                applied++;
            }
            if (existing.ResolvedAt is null)
            {
                existing = await client.ResolveFeedbackAsync(Step(item.FeedbackId, item.ResolvedAt), cancellationToken: cancellation);
                applied++;
            }
            if (existing.PublishedAt is null)
            {
                await client.PublishFeedbackAnswerAsync(Step(item.FeedbackId, item.PublishedAt), cancellationToken: cancellation);
                applied++;
            }
        }
        return new Result(items.Count, applied);
    }

    private static FeedbackStepRequest Step(string id, DateTimeOffset at) => new() { FeedbackId = id, At = Timestamp.FromDateTimeOffset(at) };

    private async Task<Feedback?> GetAsync(string id, CancellationToken cancellation)
    {
        try
        {
            return await client.GetFeedbackAsync(new GetFeedbackRequest { FeedbackId = id }, cancellationToken: cancellation);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
