using Cchc.Contracts.Events.Procedures;
using Cchc.Messaging;
using Cchc.Procedures.Api.Data;
using Cchc.Procedures.Api.Domain;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Procedures.Api.Grpc;

/// <summary>Citizen feedback (PAKN): every step records the item's new state and a FeedbackRecorded event together.</summary>
public sealed class FeedbackGrpcService(ProceduresDbContext db, TimeProvider clock, IPeriodLock periods) : FeedbackService.FeedbackServiceBase
{
    public override Task<Feedback> ReceiveFeedback(ReceiveFeedbackRequest request, ServerCallContext context)
    {
        var facts = FeedbackValidation.Receive(request);
        return db.WriteAsync(async ct =>
        {
            var existing = await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.FeedbackId == facts.FeedbackId, ct);
            if (existing is not null)
            {
                return existing.ToFacts().FirstDifference(facts) is { } field
                    ? throw DomainException.Conflict(field, Messages.DifferentContent("phản ánh, kiến nghị", facts.FeedbackId, field))
                    : MapToFeedback(existing);
            }
            if (facts.ProcedureCode is { } code && !await db.Procedures.AnyAsync(p => p.Code == code, ct))
            {
                throw DomainException.Precondition("procedure_code", Messages.UnknownProcedure(code));
            }
            // Feedback counts in the period of the day it was received, resolved or published (ADR 0029).
            await periods.EnsureOpenAsync([FactDay.At(facts.ReceivedAt, "received_at")], ct);
            var item = FeedbackEntity.From(facts, version: 1, Instant.Normalize(clock.GetUtcNow()));
            db.Feedback.Add(item);
            return await SaveWithEventAsync(item, ct);
        }, context.CancellationToken);
    }

    public override Task<Feedback> ResolveFeedback(FeedbackStepRequest request, ServerCallContext context) =>
        StepAsync(request, FeedbackRules.Resolve, context.CancellationToken);

    public override Task<Feedback> PublishFeedbackAnswer(FeedbackStepRequest request, ServerCallContext context) =>
        StepAsync(request, FeedbackRules.Publish, context.CancellationToken);

    public override async Task<Feedback> GetFeedback(GetFeedbackRequest request, ServerCallContext context)
    {
        var id = FeedbackValidation.Get(request);
        var item = await db.Feedback.AsNoTracking().SingleOrDefaultAsync(f => f.FeedbackId == id, context.CancellationToken);
        return MapToFeedback(item ?? throw NotFound(id));
    }

    public override async Task<ListFeedbackResponse> ListFeedback(ListFeedbackRequest request, ServerCallContext context)
    {
        var (pageSize, after) = FeedbackValidation.List(request);
        var ct = context.CancellationToken;
        var total = await db.Feedback.CountAsync(ct);
        var page = after is null ? db.Feedback.AsNoTracking() : db.Feedback.AsNoTracking().Where(f => string.Compare(f.FeedbackId, after) > 0);
        var rows = await page.OrderBy(f => f.FeedbackId).Take(pageSize + 1).ToListAsync(ct);

        var response = new ListFeedbackResponse { TotalSize = total };
        response.Items.AddRange(rows.Take(pageSize).Select(MapToFeedback));
        if (rows.Count > pageSize)
        {
            response.NextPageToken = PageToken.Encode(rows[pageSize - 1].FeedbackId, FeedbackValidation.Fingerprint);
        }
        return response;
    }

    private Task<Feedback> StepAsync(FeedbackStepRequest request, Func<FeedbackFacts, DateTimeOffset, FeedbackFacts?> step, CancellationToken cancellationToken)
    {
        var (id, at) = FeedbackValidation.Step(request);
        return db.WriteAsync(async ct =>
        {
            var item = await db.Feedback.SingleOrDefaultAsync(f => f.FeedbackId == id, ct) ?? throw NotFound(id);
            if (step(item.ToFacts(), at) is not { } next)
            {
                return MapToFeedback(item);
            }
            await periods.EnsureOpenAsync([FactDay.At(at, "at")], ct);
            item.Apply(next, item.Version + 1, Instant.Normalize(clock.GetUtcNow()));
            return await SaveWithEventAsync(item, ct);
        }, cancellationToken);
    }

    private async Task<Feedback> SaveWithEventAsync(FeedbackEntity item, CancellationToken ct)
    {
        db.AddIntegrationEvent(new FeedbackRecorded { Items = [item.ToFacts().ToEventState(item.Version)], OccurredAt = item.RecordedAt });
        await db.SaveChangesAsync(ct);
        return MapToFeedback(item);
    }

    private static DomainException NotFound(string id) =>
        DomainException.NotFound("feedback_id", $"không tìm thấy phản ánh, kiến nghị {id}");
}
