using Cchc.Integration.Api.Data;
using Cchc.Integration.Api.Exchange;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Integration.Api.Grpc;

/// <summary>The dead-letter list and its replay.</summary>
public sealed class DeadLetterGrpcService(IntegrationDbContext db, DeadLetters letters) : DeadLetterService.DeadLetterServiceBase
{
    public override async Task<ListDeadLettersResponse> ListDeadLetters(ListDeadLettersRequest request, ServerCallContext context)
    {
        var query = db.DeadLetters.AsNoTracking();
        if (!request.IncludeDelivered)
        {
            query = query.Where(l => l.DeliveredAt == null);
        }
        var response = new ListDeadLettersResponse();
        response.DeadLetters.AddRange((await query.OrderBy(l => l.FirstFailedAt).Take(500).ToListAsync(context.CancellationToken)).Select(Map));
        return response;
    }

    public override async Task<DeadLetter> ReplayDeadLetter(ReplayDeadLetterRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.Id, out var id))
        {
            throw DomainException.Invalid("id", "phải là mã thư (GUID) trong danh sách thư không gửi được");
        }
        var (letter, _) = await letters.ReplayAsync(id, context.CancellationToken);
        return Map(letter ?? throw DomainException.NotFound("id", $"không có thư {request.Id} trong danh sách thư không gửi được"));
    }

    internal static DeadLetter Map(DeadLetterEntity l) => new()
    {
        Id = l.Id.ToString(), Operation = l.Operation, Target = l.Target, FirstFailedAt = Timestamp.FromDateTimeOffset(l.FirstFailedAt),
        LastAttemptAt = Timestamp.FromDateTimeOffset(l.LastAttemptAt), Attempts = l.Attempts, LastError = l.LastError,
        DeliveredAt = l.DeliveredAt is { } d ? Timestamp.FromDateTimeOffset(d) : null,
    };
}
