using Cchc.Contracts;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports.Http;
using Cchc.Reporting.Api.Reports.Reconciliation;
using Cchc.Security;
using Cchc.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Reports.Validation;

/// <summary>
/// GET /api/reports/validation and /reconciliation (open: they show the published figures and how they hang together),
/// GET and PUT /api/reports/published (a published report's tables; loading needs reporting.admin).
/// </summary>
public static class ValidationApi
{
    /// <summary>The largest published document accepted (the reference dataset is 37 KB).</summary>
    public const int MaxDocumentBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapValidationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Validation");
        api.MapGet("/validation", GetValidation).AllowAnonymous();
        api.MapGet("/reconciliation", GetReconciliation).AllowAnonymous();
        api.MapGet("/published", GetPublished).AllowAnonymous();
        api.MapPut("/published", PutPublished).RequireCchcScope(SecurityScopes.ReportingAdmin).DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Ok<ValidationDto>, ProblemHttpResult>> GetValidation([FromQuery] string[]? periods, ReportChecks checks,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var parsed = PeriodParser.Parse(periods, VietnamCalendar.Today(clock));
        if (!parsed.IsValid)
        {
            return InvalidPeriods(parsed.Error!);
        }
        var (_, violations) = await checks.ValidateAsync(parsed.Periods, cancellationToken);
        PublishedViolationsDto? published = null;
        if (await checks.LatestPublishedAsync(cancellationToken) is { } loaded)
        {
            published = new PublishedViolationsDto(loaded.Report.Source, loaded.Report.LoadedAt,
                checks.Validate(loaded.Tables).Select(ViolationDto.From).ToList());
        }
        return TypedResults.Ok(new ValidationDto(parsed.Periods.Select(PeriodDto.Of).ToList(), checks.Rules.All.Count,
            violations.Select(ViolationDto.From).ToList(), published));
    }

    public static async Task<Results<Ok<ReconciliationDto>, ProblemHttpResult>> GetReconciliation([FromQuery] string[]? periods, ReportChecks checks,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await ReconcileAsync(periods, checks, clock, cancellationToken);
        return result.Error is { } error ? error : TypedResults.Ok(result.Dto!);
    }

    /// <summary>Reconciliation for the API and the page: no periods asked means the published report's own columns.</summary>
    internal static async Task<(ReconciliationDto? Dto, IReadOnlyList<ReconciledCell> Cells, IReadOnlyList<Violation> Violations, ProblemHttpResult? Error)> ReconcileAsync(
        string[]? periods, ReportChecks checks, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await checks.LatestPublishedAsync(cancellationToken) is not { } loaded)
        {
            return (null, [], [], TypedResults.Problem(title: "Chưa có báo cáo đã công bố",
                detail: "Chưa nạp bảng số liệu của báo cáo đã công bố nào để đối chiếu (PUT /api/reports/published).",
                statusCode: StatusCodes.Status404NotFound));
        }
        IReadOnlyList<ReportPeriod> asked;
        var chosen = periods?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        if (chosen is null || chosen.Length == 0)
        {
            asked = loaded.Tables.Periods;
        }
        else
        {
            var parsed = PeriodParser.Parse(chosen, VietnamCalendar.Today(clock));
            if (!parsed.IsValid)
            {
                return (null, [], [], InvalidPeriods(parsed.Error!));
            }
            asked = parsed.Periods;
        }
        var computed = await checks.ComputeAsync(asked, cancellationToken);
        var cells = Reconciler.Reconcile(loaded.Tables, computed);
        var violations = checks.Validate(loaded.Tables);
        var dto = new ReconciliationDto(loaded.Report.Source, loaded.Report.Title, loaded.Report.LoadedAt, asked.Select(PeriodDto.Of).ToList(),
            ReconciliationSummaryDto.Of(cells), cells.Select(ReconciledCellDto.From).ToList(), violations.Select(ViolationDto.From).ToList());
        return (dto, cells, violations, null);
    }

    public static async Task<Results<Ok<PublishedSummaryDto>, ProblemHttpResult>> GetPublished(ReportChecks checks, CancellationToken cancellationToken)
    {
        if (await checks.LatestPublishedAsync(cancellationToken) is not { } loaded)
        {
            return TypedResults.Problem(title: "Chưa có báo cáo đã công bố", detail: "Chưa nạp bảng số liệu của báo cáo đã công bố nào.",
                statusCode: StatusCodes.Status404NotFound);
        }
        return TypedResults.Ok(new PublishedSummaryDto(loaded.Report.Source, loaded.Report.Title, loaded.Report.LoadedAt, loaded.Report.LoadedBy,
            loaded.Tables.Appendices.Keys.Order().ToList(), loaded.Tables.CellCount));
    }

    /// <summary>
    /// Loads a published report's tables (the reference dataset's format) as published values; the same "source" again
    /// replaces them. A document not in the format is refused (400, naming what is wrong) and nothing changes.
    /// </summary>
    public static async Task<Results<Ok<PublishedLoadDto>, ProblemHttpResult>> PutPublished(HttpRequest request, ReportChecks checks,
        ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxDocumentBytes)
        {
            return Invalid("document", $"Tài liệu quá lớn: tối đa {MaxDocumentBytes / 1024} KB.");
        }
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxDocumentBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (read > MaxDocumentBytes)
        {
            return Invalid("document", $"Tài liệu quá lớn: tối đa {MaxDocumentBytes / 1024} KB.");
        }
        var json = new string(buffer, 0, read);
        PublishedTables tables;
        try
        {
            tables = PublishedTables.Parse(json, checks.Catalogue);
        }
        catch (PublishedFormatException ex)
        {
            return Invalid("document", ex.Message);
        }
        var now = clock.GetUtcNow();
        var existing = await db.Set<PublishedReport>().FirstOrDefaultAsync(r => r.Source == tables.Source, cancellationToken);
        if (existing is null)
        {
            existing = new PublishedReport { Source = tables.Source, Title = tables.Title, Document = json };
            db.Add(existing);
        }
        existing.Title = tables.Title;
        existing.Document = json;
        existing.LoadedAt = now;
        existing.LoadedBy = Caller.From(request.HttpContext.User)?.ClientId;
        await db.SaveChangesAsync(cancellationToken);
        var unmatched = tables.Rows.Count(r => !r.Heading && !r.Mapped);
        return TypedResults.Ok(new PublishedLoadDto(tables.Source, now, tables.Appendices.Keys.Order().ToList(), tables.CellCount, unmatched,
            checks.Validate(tables).Count));
    }

    /// <summary>400 problem+json naming the "periods" parameter (the APIs' and the exports' one answer to bad periods).</summary>
    internal static ProblemHttpResult InvalidPeriods(string message) => Invalid(PeriodParser.Parameter, message);

    internal static ProblemHttpResult Invalid(string parameter, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [message] })
        {
            Title = "Tham số không hợp lệ",
            Detail = $"{parameter}: {message}",
            Status = StatusCodes.Status400BadRequest,
        });
}
