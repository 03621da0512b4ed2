using System.Globalization;
using Cchc.Security.Audit;
using Cchc.Security.Audit.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using AuditEntryMessage = Cchc.Security.Audit.Grpc.AuditEntry;

namespace Cchc.Security.Grpc;

/// <summary>cchc.audit.v1.AuditService over this service's own audit log (one implementation, mapped by every service).</summary>
public sealed class AuditGrpcService(ISecurityStore store) : AuditService.AuditServiceBase
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public override async Task<VerifyChainResponse> VerifyChain(VerifyChainRequest request, ServerCallContext context)
    {
        var result = await AuditChain.VerifyAsync(store.ReadChainAsync(context.CancellationToken), context.CancellationToken);
        return new VerifyChainResponse
        {
            Ok = result.Ok,
            Entries = result.Entries,
            FirstBrokenSequence = result.FirstBrokenSequence,
            Problem = result.Problem ?? string.Empty,
        };
    }

    public override async Task<ListEntriesResponse> ListEntries(ListEntriesRequest request, ServerCallContext context)
    {
        var pageSize = request.PageSize switch
        {
            0 => DefaultPageSize,
            < 0 or > MaxPageSize => throw Invalid("page_size", $"page_size phải từ 1 đến {MaxPageSize}"),
            var size => size,
        };
        var after = 0L;
        if (request.PageToken.Length > 0 && !long.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            throw Invalid("page_token", "page_token không hợp lệ: dùng đúng next_page_token của trang trước");
        }
        DateTimeOffset? from = request.From is null ? null : request.From.ToDateTimeOffset();
        DateTimeOffset? to = request.To is null ? null : request.To.ToDateTimeOffset();
        if (from is { } f && to is { } t && t <= f)
        {
            throw Invalid("to", "to phải sau from");
        }
        var unit = Caller.NormalizeUnit(request.Unit);
        var entries = await store.ListAsync(unit.Length == 0 ? null : unit, from, to, after, pageSize + 1, context.CancellationToken);
        var response = new ListEntriesResponse();
        response.Entries.AddRange(entries.Take(pageSize).Select(e => new AuditEntryMessage
        {
            Sequence = e.Sequence,
            OccurredAt = Timestamp.FromDateTimeOffset(e.OccurredAt),
            ClientId = e.ClientId,
            Unit = e.Unit ?? string.Empty,
            Operation = e.Operation,
            TargetId = e.TargetId ?? string.Empty,
            RequestId = e.RequestId ?? string.Empty,
            Outcome = e.Outcome,
            StatusCode = e.StatusCode,
            PrevHash = e.PrevHash,
            Hash = e.Hash,
        }));
        if (entries.Count > pageSize)
        {
            response.NextPageToken = entries[pageSize - 1].Sequence.ToString(CultureInfo.InvariantCulture);
        }
        return response;
    }

    private static RpcException Invalid(string field, string message) => new(new Status(StatusCode.InvalidArgument, $"{field}: {message}"));
}
