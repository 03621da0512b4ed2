using Cchc.Security;
using Cchc.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cchc.Reporting.Api.Rebuild;

/// <summary>
/// Rebuilding the read model over HTTP (docs/adr/0040): POST /api/reports/rebuild starts one (reporting.rebuild, an
/// operator's command, audited; 409 while one runs), GET /api/reports/rebuild[/{id}] tells how far the latest (or that) one
/// is (reporting.read).
/// </summary>
public static class RebuildApi
{
    public static IEndpointRouteBuilder MapRebuildApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports/rebuild").WithTags("Rebuild");
        api.MapPost("/", Start).RequireCchcScope(SecurityScopes.ReportingRebuild);
        api.MapGet("/", Latest).RequireCchcScope(SecurityScopes.ReportingRead);
        api.MapGet("/{id:guid}", One).RequireCchcScope(SecurityScopes.ReportingRead);
        return app;
    }

    public static async Task<Results<Accepted<RebuildStatusDto>, ProblemHttpResult>> Start(Rebuilds rebuilds, HttpContext http, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var who = Caller.From(http.User)!;
        if (!who.AllUnits)
        {
            // The read model is the province's: only a province-wide client rebuilds it (as only one approves it).
            return TypedResults.Problem(title: "Không có quyền", detail: $"ứng dụng {who.ClientId} không có quyền trên toàn tỉnh (đơn vị \"*\")",
                statusCode: StatusCodes.Status403Forbidden);
        }
        var caller = who.ClientId;
        var started = await rebuilds.StartAsync(caller, auditHere: true, cancellationToken);
        if (started is null)
        {
            return TypedResults.Problem(title: "Đang dựng lại số liệu", detail: RebuildMessages.AlreadyRunning, statusCode: StatusCodes.Status409Conflict);
        }
        loggers.CreateLogger(typeof(RebuildApi)).LogWarning(
            "Rebuild {RebuildId} of the read model asked by {ClientId}: fact tables emptied, RebuildRequested published", started.Id, caller);
        var status = await rebuilds.StatusAsync(started.Id, cancellationToken);
        return TypedResults.Accepted($"/api/reports/rebuild/{started.Id}", status!);
    }

    public static async Task<Results<Ok<RebuildStatusDto>, ProblemHttpResult>> Latest(Rebuilds rebuilds, CancellationToken cancellationToken) =>
        await rebuilds.StatusAsync(null, cancellationToken) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.Problem(title: "Không tìm thấy", detail: RebuildMessages.NoneYet, statusCode: StatusCodes.Status404NotFound);

    public static async Task<Results<Ok<RebuildStatusDto>, ProblemHttpResult>> One(Guid id, Rebuilds rebuilds, CancellationToken cancellationToken) =>
        await rebuilds.StatusAsync(id, cancellationToken) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.Problem(title: "Không tìm thấy", detail: RebuildMessages.NotFound, statusCode: StatusCodes.Status404NotFound);
}
