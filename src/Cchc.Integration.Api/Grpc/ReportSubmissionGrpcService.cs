using System.Text.Json.Nodes;
using Cchc.Integration.Api.Data;
using Cchc.Integration.Api.Exchange;
using Cchc.ServiceKit;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Integration.Api.Grpc;

/// <summary>Report submission to the Government reporting system and its state.</summary>
public sealed class ReportSubmissionGrpcService(IntegrationDbContext db, ReportSubmissions submissions, TimeProvider clock) : ReportSubmissionService.ReportSubmissionServiceBase
{
    private string BadPeriod() =>
        $"phải là một năm (YYYY) hoặc một khoảng ngày YYYY-MM-DD..YYYY-MM-DD từ {InputDomain.EarliestDay:dd/MM/yyyy} đến {InputDomain.LatestDay(TimeKind.Scheduled, clock):dd/MM/yyyy}";

    public override async Task<ReportSubmission> SubmitReport(SubmitReportRequest request, ServerCallContext context)
    {
        if (!ReportSubmissions.IsPeriod(request.Period, clock))
        {
            throw DomainException.Invalid("period", BadPeriod());
        }
        return Map(await submissions.SubmitAsync(request.Period, context.CancellationToken));
    }

    public override async Task<ReportSubmission> GetReportSubmission(GetReportSubmissionRequest request, ServerCallContext context)
    {
        if (!ReportSubmissions.IsPeriod(request.Period, clock))
        {
            throw DomainException.Invalid("period", BadPeriod());
        }
        var submission = await db.ReportSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Period == request.Period, context.CancellationToken);
        return Map(submission ?? throw DomainException.NotFound("period", $"chưa gửi báo cáo kỳ {request.Period}"));
    }

    private static ReportSubmission Map(ReportSubmissionEntity s) => new()
    {
        Period = s.Period, Status = s.Status, Attempts = s.Attempts, Receipt = s.Receipt ?? string.Empty,
        AcknowledgedAt = s.AcknowledgedAt is { } a ? Timestamp.FromDateTimeOffset(a) : null,
        NextAttemptAt = s.Status == "pending" ? Timestamp.FromDateTimeOffset(s.NextAttemptAt) : null,
        LastError = s.LastError,
        Indicators = JsonNode.Parse(s.Payload)?["chiTieu"]?.AsArray().Count ?? 0,
    };
}
