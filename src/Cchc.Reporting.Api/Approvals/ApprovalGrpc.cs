using System.Globalization;
using Cchc.Reporting.Api.Grpc;
using Cchc.Security;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Cchc.Reporting.Api.Approvals;

/// <summary>The gRPC side of approvals (cchc.reporting.v1.ReportingService Approve/Withdraw/List), over <see cref="ReportApprovals"/>.</summary>
internal static class ApprovalGrpc
{
    public static async Task<PeriodApproval> ApproveAsync(ReportApprovals approvals, ApprovePeriodRequest request, ServerCallContext context)
    {
        var period = approvals.ParsePeriod(request.Period).Period ?? throw Invalid(approvals, request.Period);
        // The security interceptor holds the write's transaction and audits the call.
        try
        {
            var approval = await approvals.ApproveAsync(period, ClientOf(context), auditHere: false, context.CancellationToken);
            return Map(approval, withSnapshot: false);
        }
        catch (Rebuild.RebuildRunningException ex)
        {
            throw Status(Code.FailedPrecondition, "period", ex.Message);
        }
    }

    public static async Task<PeriodApproval> WithdrawAsync(ReportApprovals approvals, WithdrawPeriodApprovalRequest request, ServerCallContext context)
    {
        var period = approvals.ParsePeriod(request.Period).Period ?? throw Invalid(approvals, request.Period);
        var withdrawn = await approvals.WithdrawAsync(period, ClientOf(context), request.Reason, auditHere: false, context.CancellationToken);
        return withdrawn is null
            ? throw Status(Code.FailedPrecondition, "period", ApprovalMessages.NotApproved)
            : Map(withdrawn, withSnapshot: false);
    }

    public static async Task<ListPeriodApprovalsResponse> ListAsync(ReportApprovals approvals, ListPeriodApprovalsRequest request, ServerCallContext context)
    {
        var period = approvals.ParsePeriod(request.Period).Period ?? throw Invalid(approvals, request.Period);
        var all = await approvals.ListAsync(period, context.CancellationToken);
        var response = new ListPeriodApprovalsResponse();
        if (request.Version > 0)
        {
            var one = all.FirstOrDefault(a => a.Version == request.Version) ?? throw Status(Code.NotFound, "version", ApprovalMessages.VersionNotFound);
            response.Approvals.Add(Map(one, withSnapshot: true));
        }
        else
        {
            response.Approvals.AddRange(all.Select(a => Map(a, withSnapshot: false)));
        }
        return response;
    }

    private static string ClientOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User)?.ClientId ?? Caller.Anonymous;

    private static RpcException Invalid(ReportApprovals approvals, string period) =>
        Status(Code.InvalidArgument, "period", approvals.ParsePeriod(period).Error!);

    private static RpcException Status(Code code, string field, string description) => new Google.Rpc.Status
    {
        Code = (int)code,
        Message = $"{field}: {description}",
        Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } } }) },
    }.ToRpcException();

    private static PeriodApproval Map(ReportApproval a, bool withSnapshot) => new()
    {
        Period = a.Period,
        From = a.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        To = a.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Version = a.Version,
        ApprovedAt = a.ApprovedAt.ToString("O", CultureInfo.InvariantCulture),
        ApprovedBy = a.ApprovedBy,
        ContentHash = a.ContentHash,
        WithdrawnAt = a.WithdrawnAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
        WithdrawnBy = a.WithdrawnBy ?? string.Empty,
        WithdrawalReason = a.WithdrawalReason ?? string.Empty,
        Note = a.WithdrawnAt is null ? ApprovalMessages.ApprovedOn(a.ApprovedAt, a.ApprovedBy, a.Version) : ApprovalMessages.NotApproved,
        Snapshot = withSnapshot ? a.Snapshot : string.Empty,
    };
}
