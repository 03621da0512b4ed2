using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cchc.Reporting.Api.Reports.Http;
using Cchc.Security;
using Cchc.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Reports.Scope;

/// <summary>
/// The drill-down as JSON: GET /api/reports/appendices/{no}/rows/{row}/units?period=…&amp;scope=… (the units behind a
/// cell, open like the report: aggregate figures) and …/facts?period=…&amp;scope=…&amp;unit=… (the facts: reporting.read,
/// and only the units the caller's token names unless it names "*").
/// </summary>
public static class DrillDownApi
{
    public static IEndpointRouteBuilder MapDrillDownApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports/appendices/{no}/rows/{row}").WithTags("Reports");
        api.MapGet("/units", Units).AllowAnonymous();
        api.MapGet("/facts", Facts).RequireCchcScope(SecurityScopes.ReportingRead);
        return app;
    }

    public static async Task<Results<Ok<CellUnitsDto>, ProblemHttpResult>> Units(string no, string row, [FromQuery] string? period, [FromQuery] string? scope,
        [FromQuery] int? pageSize, [FromQuery] string? pageToken, DrillDown drillDown, CancellationToken cancellationToken)
    {
        var result = await drillDown.UnitsAsync(no, row, period, scope, pageSize, pageToken, cancellationToken);
        return result.Value is { } cell ? TypedResults.Ok(CellUnitsDto.From(cell)) : Problem(result.Error!);
    }

    public static async Task<Results<Ok<CellFactsDto>, ProblemHttpResult>> Facts(string no, string row, [FromQuery] string? period, [FromQuery] string? scope,
        [FromQuery] string? unit, [FromQuery] int? pageSize, [FromQuery] string? pageToken, DrillDown drillDown, HttpContext http, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User) ?? new Caller(Caller.Anonymous, [], []);
        var result = await drillDown.FactsAsync(no, row, period, scope, unit, pageSize, pageToken, caller, cancellationToken);
        return result.Value is { } facts ? TypedResults.Ok(CellFactsDto.From(facts)) : Problem(result.Error!);
    }

    public static ProblemHttpResult Problem(DrillDownError error) => error switch
    {
        { NotFound: true } => TypedResults.Problem(title: "Không tìm thấy", detail: error.Message, statusCode: StatusCodes.Status404NotFound),
        { Forbidden: true } => TypedResults.Problem(title: "Không có quyền", detail: $"{error.Parameter}: {error.Message}", statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [error.Parameter] = [error.Message] })
        {
            Title = "Tham số không hợp lệ",
            Detail = $"{error.Parameter}: {error.Message}",
            Status = StatusCodes.Status400BadRequest,
        }),
    };
}

/// <summary>The scope of a report or cell: its key ("unit:105") and label.</summary>
public sealed record ScopeDto(string Key, string Label)
{
    public static ScopeDto Of(ReportScope scope) => new(scope.Key, scope.Label);
}

/// <summary>A unit's share: the unit as the facts name it, the registry's code, name, level and district, its value and (for a rate) numerator and denominator.</summary>
public sealed record UnitShareDto(string Unit, string? Code, string? Name, string? Level, string? District, JsonNode? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Numerator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Denominator)
{
    public static UnitShareDto From(UnitShare share) => new(share.Unit, share.Place?.Code, share.Place?.Name,
        share.Place is { } p ? ReportScope.LevelKey(p.Level) : null, share.Place?.DistrictName, RowDto.ToJson(share.Measure.ToValue()),
        share.Measure.Denominator is null ? null : share.Measure.Value, share.Measure.Denominator);
}

public sealed record CellUnitsDto(int No, string Row, string Label, PeriodDto Period, ScopeDto Scope, JsonNode? Value, bool SplitByUnit,
    IReadOnlyList<UnitShareDto> Units,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TotalUnits,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPageToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CellSource>? Sources)
{
    public static CellUnitsDto From(CellUnits cell) => new(cell.Appendix.Number, cell.Row.Indicator, cell.Row.Label, PeriodDto.Of(cell.Period),
        ScopeDto.Of(cell.Scope), RowDto.ToJson(cell.Value), cell.Split, cell.Units.Select(UnitShareDto.From).ToList(), cell.TotalUnits,
        cell.NextPageToken, cell.Sources);
}

public sealed record FactDto(string Kind, string Id, string Unit, DateOnly? Day, IReadOnlyDictionary<string, string?> Details)
{
    public static FactDto From(FactEntry fact) => new(fact.Kind, fact.Id, fact.Unit, fact.Day, fact.Details);
}

public sealed record CellFactsDto(int No, string Row, string Label, PeriodDto Period, ScopeDto Scope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unit, IReadOnlyList<FactDto> Facts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextPageToken)
{
    public static CellFactsDto From(CellFacts cell) => new(cell.Appendix.Number, cell.Row.Indicator, cell.Row.Label, PeriodDto.Of(cell.Period),
        ScopeDto.Of(cell.Scope), cell.Unit, cell.Facts.Select(FactDto.From).ToList(), cell.NextPageToken);
}
