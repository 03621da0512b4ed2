using Cchc.Messaging;
using Cchc.Reporting.Api.CivilService;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;
using Cchc.Security;
using Cchc.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Reports.Http;

/// <summary>
/// The report as JSON: GET /api/reports/appendices[/{no}?periods=…] and key figures (public), the read model's status
/// and per-unit views (reporting.read), and the replay of the error queues (reporting.admin).
/// </summary>
public static class ReportApi
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports");
        // The appendices and key figures are the province's published report: aggregate figures with no personal data,
        // the same as the pages under /reports. Open to read by an explicit rule (docs/security.md); the status needs
        // reporting.read.
        api.MapGet("/appendices", ListAppendices).AllowAnonymous();
        api.MapGet("/appendices/{no}", GetAppendix).AllowAnonymous();
        api.MapGet("/key-figures/{area}", GetKeyFigures).AllowAnonymous();
        // The indicator catalogue: what each row of the published report is (code, label, type, unit, provenance).
        api.MapGet("/indicators", ListIndicators).AllowAnonymous();
        api.MapGet("/status", GetStatus).RequireCchcScope(SecurityScopes.ReportingRead);
        // Per-unit figures are not part of the published report: they need reporting.read.
        api.MapGet("/staffing/by-unit", GetStaffingByUnit).RequireCchcScope(SecurityScopes.ReportingRead);
        // An operator's command after fixing what made events fail (docs/operations.md): not for report readers.
        api.MapPost("/error-queues/replay", ReplayErrorQueues).RequireCchcScope(SecurityScopes.ReportingAdmin);
        return app;
    }

    public static Ok<List<AppendixSummaryDto>> ListAppendices(AppendixQuery query) =>
        TypedResults.Ok(query.Appendices.Select(a => new AppendixSummaryDto(a.Number, a.Title)).ToList());

    public static async Task<Results<Ok<AppendixDto>, ProblemHttpResult>> GetAppendix(
        string no, [FromQuery] string[]? periods, [FromQuery] string[]? asOf, [FromQuery] string? scope, AppendixQuery query,
        Approvals.ReportApprovals approvals, Scope.ScopedReports scoped, Rebuild.Rebuilds rebuilds, CancellationToken cancellationToken)
    {
        // scope: the province (default), a level or a unit and its subtree (Reports/Scope, ADR 0037).
        var (result, reportScope) = await scoped.GetAsync(query, no, PeriodParser.PeriodsOrDays(periods, asOf), scope, cancellationToken);
        // An approved period shows who approved it and when, and every cell that changed since (Approvals/ReportApprovals.cs);
        // the approval is the province's report, so a unit or level scope shows none.
        return result is AppendixQueryResult.Found found
            ? TypedResults.Ok(AppendixDto.From(found.Report) with
            {
                Approvals = reportScope.IsProvince ? await approvals.StatusAsync(found.Report, cancellationToken) : null,
                Scope = reportScope.IsProvince ? null : Scope.ScopeDto.Of(reportScope),
                Rebuild = await rebuilds.NoticeAsync(cancellationToken), // the figures are incomplete while rebuilding (ADR 0040)
            })
            : ToResult(result);
    }

    /// <summary>The indicator catalogue (GET /api/reports/indicators): one entry per row of every appendix.</summary>
    public static Ok<IReadOnlyList<IndicatorEntry>> ListIndicators(IndicatorCatalog catalog) => TypedResults.Ok(catalog.Entries);

    /// <summary>The body's key figures of a reform area (GET /api/reports/key-figures/institutions?periods=2011-01-01..2020-03-30), in the appendix shape with "no": 0.</summary>
    public static async Task<Results<Ok<AppendixDto>, ProblemHttpResult>> GetKeyFigures(
        string area, [FromQuery] string[]? periods, AppendixQuery query, CancellationToken cancellationToken) =>
        ToResult(await query.GetKeyFiguresAsync(area, periods, cancellationToken));

    private static Results<Ok<AppendixDto>, ProblemHttpResult> ToResult(AppendixQueryResult result)
    {
        return result switch
        {
            AppendixQueryResult.Found found => TypedResults.Ok(AppendixDto.From(found.Report)),
            AppendixQueryResult.UnknownAppendix unknown => TypedResults.Problem(
                title: "Không tìm thấy phụ lục", detail: unknown.Message, statusCode: StatusCodes.Status404NotFound),
            AppendixQueryResult.InvalidPeriods invalid => TypedResults.Problem(new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [PeriodParser.Parameter] = [invalid.Message] })
            {
                Title = "Tham số không hợp lệ",
                Detail = $"{PeriodParser.Parameter}: {invalid.Message}",
                Status = StatusCodes.Status400BadRequest,
            }),
            AppendixQueryResult.InvalidScope invalid => Invalid(Scope.ReportScope.Parameter, invalid.Message),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };
    }

    /// <summary>
    /// Staffing by unit for one period (GET /api/reports/staffing/by-unit?period=2019[&amp;rollUpTo=2026-01-01]): with rollUpTo,
    /// the figures of units that were merged or split later are attributed to the units that carry them on that day.
    /// </summary>
    public static async Task<Results<Ok<StaffingByUnitDto>, ProblemHttpResult>> GetStaffingByUnit(
        [FromQuery] string? period, [FromQuery] string? rollUpTo, StaffingByUnit view, TimeProvider clock, CancellationToken cancellationToken)
    {
        var parsed = PeriodParser.Parse(period is null ? null : [period], Cchc.Contracts.VietnamCalendar.Today(clock));
        if (!parsed.IsValid || parsed.Periods.Count != 1)
        {
            return Invalid("period", parsed.Error ?? "Chỉ một kỳ báo cáo, ví dụ period=2019.");
        }
        DateOnly? day = null;
        if (!string.IsNullOrEmpty(rollUpTo))
        {
            if (!DateOnly.TryParseExact(rollUpTo, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
            {
                return Invalid("rollUpTo", "Ngày không hợp lệ: dùng YYYY-MM-DD.");
            }
            if (d < PeriodParser.EarliestDay || d > PeriodParser.LatestDay)
            {
                return Invalid("rollUpTo", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Ngày nằm ngoài khoảng cho phép: từ {PeriodParser.EarliestDay:dd/MM/yyyy} đến {PeriodParser.LatestDay:dd/MM/yyyy}."));
            }
            day = d;
        }
        var rows = await view.ComputeAsync(parsed.Periods[0], day, cancellationToken);
        return TypedResults.Ok(new StaffingByUnitDto(PeriodDto.Of(parsed.Periods[0]), day, rows));
    }

    private static ProblemHttpResult Invalid(string parameter, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter] = [message] })
        {
            Title = "Tham số không hợp lệ",
            Detail = $"{parameter}: {message}",
            Status = StatusCodes.Status400BadRequest,
        });

    /// <summary>How much of the event stream the read model holds: the demo loader polls it until it has caught up.</summary>
    public static async Task<Ok<ReadModelStatusDto>> GetStatus(ReportingDbContext db, ErrorQueues errorQueues, CancellationToken cancellationToken)
    {
        var dossiers = await db.Dossiers.LongCountAsync(cancellationToken);
        var versions = await db.ProcedureVersions.LongCountAsync(cancellationToken);
        var feedback = await db.Feedback.LongCountAsync(cancellationToken);
        var legalDocuments = await db.LegalDocuments.LongCountAsync(cancellationToken);
        var reviewFindings = await db.ReviewFindings.LongCountAsync(cancellationToken);
        var documentChecks = await db.DocumentChecks.LongCountAsync(cancellationToken);
        var autonomyUnits = await db.AutonomyUnits.LongCountAsync(cancellationToken);
        var autonomyStatuses = await db.AutonomyStatuses.LongCountAsync(cancellationToken);
        var budgetFigures = await db.BudgetFigures.LongCountAsync(cancellationToken);
        var unreported = await db.UnreportedBreakdowns.LongCountAsync(cancellationToken);
        var units = await db.UnitRevisions.LongCountAsync(cancellationToken);
        var unitRevision = await db.UnitRevisions.MaxAsync(u => (long?)u.Revision, cancellationToken) ?? 0;
        var staffingFacts = await db.StaffingFacts.LongCountAsync(cancellationToken);
        var egovSubmissions = await db.EgovMetrics.LongCountAsync(cancellationToken);
        var egovCapabilityStates = await db.EgovCapabilities.LongCountAsync(cancellationToken);
        var lastEventAt = await db.Set<InboxMessage>().MaxAsync(m => (DateTimeOffset?)m.ProcessedAt, cancellationToken);
        return TypedResults.Ok(new ReadModelStatusDto(dossiers, versions, feedback, lastEventAt, legalDocuments, reviewFindings, documentChecks,
            autonomyUnits, autonomyStatuses, budgetFigures, unreported, egovSubmissions, egovCapabilityStates)
        {
            Units = units,
            UnitRevision = unitRevision,
            StaffingFacts = staffingFacts,
            ProgrammeRecords = await db.Set<Programme.ProgrammeRecordFactRow>().LongCountAsync(cancellationToken),
            SubmittedValues = await db.Set<Programme.SubmittedValueFactRow>().LongCountAsync(cancellationToken),
            Obligations = await db.Set<Programme.ObligationFactRow>().LongCountAsync(cancellationToken),
            ErrorQueues = ErrorQueuesDto.From(await errorQueues.GetAsync(cancellationToken)),
        });
    }

    /// <summary>
    /// Moves every message of the consumers' error queues back to their queues (POST /api/reports/error-queues/replay,
    /// reporting.admin). Each event is applied once however often it is replayed (the inbox); a message that fails again
    /// returns to its error queue after its retries.
    /// </summary>
    public static async Task<Results<Ok<ReplayResultDto>, ProblemHttpResult>> ReplayErrorQueues(
        ErrorQueues errorQueues, HttpContext http, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(ReportApi));
        var caller = Caller.From(http.User)?.ClientId;
        IReadOnlyList<ErrorQueueReplay> replays;
        try
        {
            replays = await errorQueues.ReplayAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException
            or RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.PublishException or System.Net.Sockets.SocketException or IOException)
        {
            logger.LogError(ex, "Replay of the error queues asked by {ClientId} failed: the broker could not be reached", caller);
            return TypedResults.Problem(title: "Không kết nối được hàng đợi tin nhắn",
                detail: "Chưa phát lại được: máy chủ hàng đợi tin nhắn (RabbitMQ) không trả lời. Thử lại khi máy chủ hoạt động.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var moved = replays.Where(r => r.Replayed > 0).ToList();
        logger.LogWarning("Replay of the error queues asked by {ClientId}: {Count} messages moved back ({Queues})",
            caller, moved.Sum(r => r.Replayed), string.Join(", ", moved.Select(r => $"{r.Name}: {r.Replayed}")));
        return TypedResults.Ok(new ReplayResultDto(moved.Sum(r => r.Replayed), moved.Select(r => new ReplayedQueueDto(r.Name, r.Queue, r.Replayed)).ToList()));
    }
}
