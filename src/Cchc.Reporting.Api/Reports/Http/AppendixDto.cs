using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Cchc.Reporting.Api.CivilService;
using Cchc.Reporting.Api.Consuming;

namespace Cchc.Reporting.Api.Reports.Http;

/// <summary>The JSON shape of a computed appendix: values keyed by the period key as asked, null for a blank cell.</summary>
public sealed record AppendixDto(int No, string Title, IReadOnlyList<PeriodDto> Periods, IReadOnlyList<RowDto> Rows)
{
    /// <summary>The approvals in force of the periods asked (who, when, the cells changed since); absent when none is approved.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Approvals.ApprovalStatusDto>? Approvals { get; init; }

    /// <summary>The scope of a unit or level report ("unit:105", "level:district"); absent for the province (Scope/ReportScope.cs).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Scope.ScopeDto? Scope { get; init; }

    /// <summary>Present while the read model is being rebuilt (docs/adr/0040): the figures are incomplete until it completes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Rebuild.RebuildNoticeDto? Rebuild { get; init; }

    public static AppendixDto From(AppendixReport report) =>
        new(report.Number, report.Title, report.Periods.Select(PeriodDto.Of).ToList(), report.Rows.Select(RowDto.From).ToList());
}

public sealed record PeriodDto(string Key, string Label, DateOnly From, DateOnly To)
{
    public static PeriodDto Of(ReportPeriod period) => new(period.Key, period.Label, period.From, period.To);
}

public sealed record RowDto(
    string Stt,
    string Label,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ValueType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Heading,
    string Indicator,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, JsonNode?>? Values,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? NotReportedBySource = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, IReadOnlyList<CellSource>>? Sources = null)
{
    /// <summary><see cref="NotReportedBySource"/>: the period keys whose cell the source left blank (the value is computed from facts).</summary>
    public static RowDto From(ReportRow row) => new(
        row.Definition.Stt, row.Definition.Label, row.Definition.ValueType, row.Definition.Heading, row.Definition.Indicator,
        row.Values?.ToDictionary(v => v.Key, v => ToJson(v.Value)), row.NotReported, row.Sources);

    /// <summary>Number → JSON number, text → string, flag → boolean, not applicable → "-", blank → null.</summary>
    public static JsonNode? ToJson(ReportValue? value) => value switch
    {
        null => null,
        ReportValue.Number n => JsonValue.Create(n.Value),
        ReportValue.Text t => JsonValue.Create(t.Value),
        ReportValue.Flag f => JsonValue.Create(f.Value),
        ReportValue.Dash => JsonValue.Create("-"),
        ReportValue.Parts p => new JsonArray(p.Values.Select(ToJson).ToArray()),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown report value."),
    };
}

public sealed record AppendixSummaryDto(int No, string Title);

public sealed record ReadModelStatusDto(long Dossiers, long ProcedureVersions, long Feedback, DateTimeOffset? LastEventAt,
    long LegalDocuments = 0, long ReviewFindings = 0, long DocumentChecks = 0,
    long AutonomyUnits = 0, long AutonomyStatuses = 0, long BudgetFigures = 0, long UnreportedBreakdowns = 0,
    long EgovSubmissions = 0, long EgovCapabilityStates = 0)
{
    /// <summary>Units of the organisation registry held (unit_revisions) and the highest revision among them.</summary>
    public long Units { get; init; }

    public long UnitRevision { get; init; }

    public long StaffingFacts { get; init; }

    /// <summary>The programme service's facts: records (Appendix 1), submitted values, obligations.</summary>
    public long ProgrammeRecords { get; init; }

    public long SubmittedValues { get; init; }

    public long Obligations { get; init; }

    /// <summary>Events the consumers could not apply: waiting in the error queues, since when (null when none is known).</summary>
    public ErrorQueuesDto? ErrorQueues { get; init; }
}

/// <summary>
/// The error queues of the reporting consumers: <see cref="Waiting"/> messages (the broker's count; null when it could not
/// be asked), the oldest failure's time, and the failures recorded and not yet applied (an unresolved failure no longer in
/// a queue is an event the report lacks). <see cref="Queues"/> lists the queues with something to show.
/// </summary>
public sealed record ErrorQueuesDto(long? Waiting, DateTimeOffset? Since, long UnresolvedFailures, bool BrokerReachable, DateTimeOffset CheckedAt,
    IReadOnlyList<ErrorQueueDto> Queues)
{
    public static ErrorQueuesDto From(ErrorQueueSnapshot snapshot) => new(
        snapshot.BrokerReachable ? snapshot.Waiting : null, snapshot.Since, snapshot.UnresolvedFailures, snapshot.BrokerReachable, snapshot.CheckedAt,
        snapshot.Queues.Where(q => q.Waiting > 0 || q.UnresolvedFailures > 0)
            .Select(q => new ErrorQueueDto(q.Name, q.Waiting, q.Since, q.UnresolvedFailures)).ToList());
}

public sealed record ErrorQueueDto(string Name, long? Waiting, DateTimeOffset? Since, long UnresolvedFailures);

/// <summary>What a replay moved back: in total and per error queue (queues with nothing to move are left out).</summary>
public sealed record ReplayResultDto(int Replayed, IReadOnlyList<ReplayedQueueDto> Queues);

public sealed record ReplayedQueueDto(string Name, string Queue, int Replayed);

/// <summary>Staffing by unit for one period (values by StaffingMetric name), rolled up to <see cref="RollUpTo"/> when given.</summary>
public sealed record StaffingByUnitDto(PeriodDto Period, DateOnly? RollUpTo, IReadOnlyList<UnitStaffingRow> Rows);
