using System.Text;
using Cchc.Contracts;
using Cchc.Reporting.Api.Reports.Pages;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Reports.Export;

/// <summary>
/// The report to take away (open, like the appendices): GET /reports/export.xlsx?periods=… (every appendix, one sheet
/// each) and GET /api/reports/appendices/{no}.csv?periods=… (one appendix). Both write the <see cref="AppendixReport"/>
/// the JSON and the page show, so the numbers are the same.
/// </summary>
public static class ExportApi
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/export.xlsx", Xlsx).AllowAnonymous().WithTags("Exports")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType).ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/api/reports/appendices/{no}.csv", Csv).AllowAnonymous().WithTags("Exports")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<IResult> Xlsx([FromQuery] string[]? periods, [FromQuery] string? toDate, [FromQuery] string? fromYear,
        [FromQuery] string? toYear, [FromQuery] string? scope, AppendixCalculator calculator, Scope.ScopedReports scoped, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var parsed = PeriodParser.Parse(PeriodPicker.Combine(periods, toDate, fromYear, toYear), VietnamCalendar.Today(clock));
        if (!parsed.IsValid)
        {
            return InvalidPeriods(parsed.Error!);
        }
        // scope: the province (default), a level or a unit and its subtree, as on the pages (Reports/Scope, ADR 0037).
        var (reportScope, scopeError) = await scoped.ParseAsync(scope, parsed.Periods.Max(p => p.To), cancellationToken);
        if (reportScope is null)
        {
            return Validation.ValidationApi.Invalid(Scope.ReportScope.Parameter, scopeError!);
        }
        var reports = new List<AppendixReport>();
        foreach (var appendix in calculator.Appendices)
        {
            reports.Add(await scoped.ComputeAsync(appendix, parsed.Periods, reportScope, cancellationToken));
        }
        return Results.File(XlsxExport.Write(reports), XlsxContentType, "bao-cao-cchc.xlsx");
    }

    public static async Task<IResult> Csv(string no, [FromQuery] string[]? periods, [FromQuery] string[]? asOf, [FromQuery] string? scope, AppendixQuery query,
        Scope.ScopedReports scoped, CancellationToken cancellationToken) =>
        (await scoped.GetAsync(query, no, PeriodParser.PeriodsOrDays(periods, asOf), scope, cancellationToken)).Result switch
        {
            AppendixQueryResult.Found { Report: var report } => Results.File(
                [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(CsvExport.Write(report))], "text/csv; charset=utf-8",
                $"phu-luc-{report.Number}.csv"),
            AppendixQueryResult.UnknownAppendix unknown => Results.Problem(title: "Không tìm thấy phụ lục", detail: unknown.Message,
                statusCode: StatusCodes.Status404NotFound),
            AppendixQueryResult.InvalidPeriods invalid => InvalidPeriods(invalid.Message),
            AppendixQueryResult.InvalidScope invalid => Validation.ValidationApi.Invalid(Scope.ReportScope.Parameter, invalid.Message),
            var other => throw new InvalidOperationException($"Unexpected result {other}."),
        };

    private static IResult InvalidPeriods(string message) => Validation.ValidationApi.InvalidPeriods(message);
}
