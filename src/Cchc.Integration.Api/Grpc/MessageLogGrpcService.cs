using Cchc.Integration.Api.Data;
using Cchc.Integration.Api.Exchange;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Integration.Api.Grpc;

/// <summary>The message log: its verification and its newest entries.</summary>
public sealed class MessageLogGrpcService(IntegrationDbContext db, MessageLog log) : MessageLogService.MessageLogServiceBase
{
    public override async Task<MessageLogVerification> VerifyMessageLog(VerifyMessageLogRequest request, ServerCallContext context)
    {
        var check = await log.VerifyAsync(context.CancellationToken);
        return new MessageLogVerification { Ok = check.Ok, Entries = check.Entries, FirstBrokenSequence = check.FirstBrokenSequence, Problem = check.Problem };
    }

    public override async Task<ListMessagesResponse> ListMessages(ListMessagesRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var size = v.PageSize(request.PageSize);
        if (request.BeforeSequence < 0)
        {
            v.Add("before_sequence", "không được âm");
        }
        v.ThrowIfInvalid();
        var entries = db.MessageLog.AsNoTracking();
        if (request.BeforeSequence > 0)
        {
            entries = entries.Where(e => e.Sequence < request.BeforeSequence);
        }
        var page = await entries.OrderByDescending(e => e.Sequence).Take(size).ToListAsync(context.CancellationToken);
        var response = new ListMessagesResponse();
        response.Messages.AddRange(page.Select(e => new LoggedMessage
        {
            Sequence = e.Sequence, OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt), Direction = e.Direction, Client = e.Client,
            Service = e.Service, Operation = e.Operation, MessageId = e.MessageId, PayloadDigest = e.PayloadDigest,
            Payload = e.Payload ?? string.Empty, Status = e.Status, PrevHash = e.PrevHash, Hash = e.Hash,
        }));
        return response;
    }
}
