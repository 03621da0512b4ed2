using Cchc.Security;
using Cchc.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Approvals;

/// <summary>
/// Approvals over HTTP: POST /api/reports/approvals (approve a period; reporting.approve), POST /api/reports/approvals/withdraw
/// (same right), GET /api/reports/approvals?period=…[&amp;version=N] (reporting.read: every version, or one with its cells).
/// </summary>
public static class ApprovalApi
{
    public static IEndpointRouteBuilder MapApprovalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports/approvals").WithTags("Approvals");
        api.MapPost("/", Approve).RequireCchcScope(SecurityScopes.ReportingApprove);
        api.MapPost("/withdraw", Withdraw).RequireCchcScope(SecurityScopes.ReportingApprove);
        api.MapGet("/", List).RequireCchcScope(SecurityScopes.ReportingRead);
        return app;
    }

    public static async Task<Results<Ok<ApprovalDto>, ProblemHttpResult>> Approve(
        [FromBody] ApproveRequestDto request, ReportApprovals approvals, HttpContext http, CancellationToken cancellationToken)
    {
        var parsed = approvals.ParsePeriod(request.Period);
        if (parsed.Period is null)
        {
            return Invalid("period", parsed.Error!);
        }
        try
        {
            var approval = await approvals.ApproveAsync(parsed.Period, Caller.From(http.User)!.ClientId, auditHere: true, cancellationToken);
            return TypedResults.Ok(ApprovalDto.Of(approval, withCells: false));
        }
        catch (Rebuild.RebuildRunningException ex)
        {
            return TypedResults.Problem(title: "Đang dựng lại số liệu", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    public static async Task<Results<Ok<ApprovalDto>, ProblemHttpResult>> Withdraw(
        [FromBody] WithdrawRequestDto request, ReportApprovals approvals, HttpContext http, CancellationToken cancellationToken)
    {
        var parsed = approvals.ParsePeriod(request.Period);
        if (parsed.Period is null)
        {
            return Invalid("period", parsed.Error!);
        }
        var withdrawn = await approvals.WithdrawAsync(parsed.Period, Caller.From(http.User)!.ClientId, request.Reason, auditHere: true, cancellationToken);
        return withdrawn is null
            ? TypedResults.Problem(title: "Không có phê duyệt", detail: ApprovalMessages.NotApproved, statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Ok(ApprovalDto.Of(withdrawn, withCells: false));
    }

    /// <summary>Every version of the period's approval (without cells), or version N with every approved cell.</summary>
    public static async Task<Results<Ok<ApprovalListDto>, ProblemHttpResult>> List(
        [FromQuery] string? period, [FromQuery] int? version, ReportApprovals approvals, CancellationToken cancellationToken)
    {
        var parsed = approvals.ParsePeriod(period);
        if (parsed.Period is null)
        {
            return Invalid("period", parsed.Error!);
        }
        var all = await approvals.ListAsync(parsed.Period, cancellationToken);
        if (version is { } n)
        {
            var one = all.FirstOrDefault(a => a.Version == n);
            return one is null
                ? TypedResults.Problem(title: "Không tìm thấy", detail: ApprovalMessages.VersionNotFound, statusCode: StatusCodes.Status404NotFound)
                : TypedResults.Ok(new ApprovalListDto(parsed.Period.Key, [ApprovalDto.Of(one, withCells: true)]));
        }
        return TypedResults.Ok(new ApprovalListDto(parsed.Period.Key, all.Select(a => ApprovalDto.Of(a, withCells: false)).ToList()));
    }

    private static ProblemHttpResult Invalid(string parameter, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [message] })
        {
            Title = "Tham số không hợp lệ",
            Detail = $"{parameter}: {message}",
            Status = StatusCodes.Status400BadRequest,
        });
}

public sealed record ApproveRequestDto(string? Period);

public sealed record WithdrawRequestDto(string? Period, string? Reason);

public sealed record ApprovalListDto(string Period, IReadOnlyList<ApprovalDto> Versions);

/// <summary>One version of a period's approval; <see cref="Snapshot"/> (the canonical JSON whose SHA-256 is <see cref="ContentHash"/>) only when one version is asked.</summary>
public sealed record ApprovalDto(string Period, DateOnly From, DateOnly To, int Version, DateTimeOffset ApprovedAt, string ApprovedBy, string ContentHash,
    DateTimeOffset? WithdrawnAt, string? WithdrawnBy, string? WithdrawalReason, string Note,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Snapshot)
{
    public static ApprovalDto Of(ReportApproval a, bool withCells) => new(a.Period, a.From, a.To, a.Version, a.ApprovedAt, a.ApprovedBy, a.ContentHash,
        a.WithdrawnAt, a.WithdrawnBy, a.WithdrawalReason,
        a.WithdrawnAt is null ? ApprovalMessages.ApprovedOn(a.ApprovedAt, a.ApprovedBy, a.Version) : ApprovalMessages.NotApproved,
        withCells ? a.Snapshot : null);
}
