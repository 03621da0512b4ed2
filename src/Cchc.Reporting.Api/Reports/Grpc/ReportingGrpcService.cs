using System.Globalization;
using Cchc.Reporting.Api.Grpc;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Cchc.Reporting.Api.Reports.Grpc;

/// <summary>
/// cchc.reporting.v1.ReportingService: the same appendices as the JSON API, values as google.protobuf.Value, for the same
/// scopes (Scope/ScopedReports.cs: the province, a level, a unit and its subtree; open to every caller allowed to call
/// GetAppendix, as the JSON API's scoped report is open to every reader: ADR 0037).
/// </summary>
public sealed class ReportingGrpcService(AppendixQuery query, Approvals.ReportApprovals approvals, Scope.ScopedReports scoped)
    : ReportingService.ReportingServiceBase
{
    public override Task<PeriodApproval> ApprovePeriod(ApprovePeriodRequest request, ServerCallContext context) =>
        Approvals.ApprovalGrpc.ApproveAsync(approvals, request, context);

    public override Task<PeriodApproval> WithdrawPeriodApproval(WithdrawPeriodApprovalRequest request, ServerCallContext context) =>
        Approvals.ApprovalGrpc.WithdrawAsync(approvals, request, context);

    public override Task<ListPeriodApprovalsResponse> ListPeriodApprovals(ListPeriodApprovalsRequest request, ServerCallContext context) =>
        Approvals.ApprovalGrpc.ListAsync(approvals, request, context);

    public override async Task<Appendix> GetAppendix(GetAppendixRequest request, ServerCallContext context)
    {
        var number = request.Number.ToString(CultureInfo.InvariantCulture);
        // The scope is parsed as the REST API's ?scope= (empty = the province, the report as before).
        var (result, scope) = await scoped.GetAsync(query, number, request.Periods, request.Scope, context.CancellationToken);
        return result switch
        {
            AppendixQueryResult.Found found => MapToAppendix(found.Report, scope),
            AppendixQueryResult.UnknownAppendix unknown => throw new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, $"number: {unknown.Message}")),
            AppendixQueryResult.InvalidPeriods invalid => throw InvalidArgument(PeriodParser.Parameter, invalid.Message),
            AppendixQueryResult.InvalidScope invalid => throw InvalidArgument(Scope.ReportScope.Parameter, invalid.Message),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    private static RpcException InvalidArgument(string field, string description) => new Google.Rpc.Status
    {
        Code = (int)Code.InvalidArgument,
        Message = $"{field}: {description}",
        Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } } }) },
    }.ToRpcException();

    private static Appendix MapToAppendix(AppendixReport report, Scope.ReportScope scope)
    {
        var appendix = new Appendix
        {
            Number = report.Number,
            Title = report.Title,
            Scope = scope.IsProvince ? null : new AppendixScope { Key = scope.Key, Label = scope.Label },
        };
        appendix.Periods.AddRange(report.Periods.Select(p => new Period
        {
            Key = p.Key,
            Label = p.Label,
            From = p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
        appendix.Rows.AddRange(report.Rows.Select(MapToRow));
        return appendix;
    }

    private static Row MapToRow(ReportRow row)
    {
        var result = new Row
        {
            Stt = row.Definition.Stt,
            Label = row.Definition.Label,
            ValueType = row.Definition.ValueType ?? string.Empty,
            Heading = row.Definition.Heading,
            Indicator = row.Definition.Indicator,
        };
        result.NotReportedPeriods.AddRange(row.NotReported ?? []);
        foreach (var (period, value) in row.Values ?? new Dictionary<string, ReportValue?>())
        {
            result.Values[period] = MapToValue(value);
        }
        return result;
    }

    private static Value MapToValue(ReportValue? value) => value switch
    {
        null => Value.ForNull(),
        ReportValue.Number n => Value.ForNumber((double)n.Value),
        ReportValue.Text t => Value.ForString(t.Value),
        ReportValue.Flag f => Value.ForBool(f.Value),
        ReportValue.Dash => Value.ForString("-"),
        ReportValue.Parts p => Value.ForList(p.Values.Select(MapToValue).ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown report value."),
    };
}
