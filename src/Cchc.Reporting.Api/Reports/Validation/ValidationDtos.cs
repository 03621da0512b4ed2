using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cchc.Reporting.Api.Reports.Http;

namespace Cchc.Reporting.Api.Reports.Validation;

/// <summary>GET /api/reports/validation: the computed report's violations for the periods, and the published report's own.</summary>
public sealed record ValidationDto(IReadOnlyList<PeriodDto> Periods, int Rules, IReadOnlyList<ViolationDto> Violations, PublishedViolationsDto? Published);

/// <summary>The rules the loaded published report's tables break on their own (every period it has).</summary>
public sealed record PublishedViolationsDto(string Source, DateTimeOffset LoadedAt, IReadOnlyList<ViolationDto> Violations);

/// <summary>A violated rule in a period (null: the whole report): both sides' values and the cells they were read from.</summary>
public sealed record ViolationDto(string Rule, string Kind, string Description, string? Period, string? PeriodLabel,
    SideDto Left, string Operator, SideDto Right,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Upper)
{
    public static ViolationDto From(Violation v) => new(v.Rule.Id, v.Rule.Kind, v.Rule.Description, v.Period?.Key, v.Period?.Label,
        SideDto.From(v.Left), v.Rule.OperatorSymbol, SideDto.From(v.Right), v.Rule.Upper);
}

public sealed record SideDto(decimal? Value, IReadOnlyList<CellDto> Cells)
{
    public static SideDto From(SideValue side) => new(side.Value, side.Cells.Select(CellDto.From).ToList());
}

/// <summary>A cell a rule read: table ("3", "key-figures/institutions", "body"), where it is printed, the period and its value.</summary>
public sealed record CellDto(string Table, string Place, string Stt, string Label, string Indicator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Part,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Period,
    JsonNode? Value)
{
    public static CellDto From(CellValue c) => new(c.Cell.Table, c.Place.Table, c.Place.Stt, c.Place.Label, c.Cell.Indicator, c.Cell.Part,
        c.Period?.Key, RowDto.ToJson(c.Value));
}
