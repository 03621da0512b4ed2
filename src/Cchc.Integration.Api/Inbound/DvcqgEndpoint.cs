using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Integration.Api.Domain;
using Cchc.Integration.Api.Exchange;
using Cchc.Security;
using Cchc.Security.Authorization;
using Microsoft.Extensions.Options;

namespace Cchc.Integration.Api.Inbound;

/// <summary>
/// <c>POST /api/lgsp/dvcqg</c>: the one-stop-shop systems' data-sharing calls as the LGSP forwards them
/// (docs/integration.md, "Inbound dossiers"): <c>{"service":"DongBoHoSoMC","isUpdating":…,"data":[…]}</c> and
/// <c>{"service":"CapNhatTienDoHoSoMC","data":[…]}</c>, answered <c>{"error_code":…,"message":…,"result":{…}}</c>
/// with a result per record. Needs a token with <c>lgsp.sync</c>. Every call is written to the message log.
/// </summary>
public static class DvcqgEndpoint
{
    public const string Path = "/api/lgsp/dvcqg";
    public const string SyncDossiers = "DongBoHoSoMC";
    public const string UpdateProgress = "CapNhatTienDoHoSoMC";

    /// <summary>Top-level <c>error_code</c>: every record accepted.</summary>
    public const int AllAccepted = 0;
    /// <summary>The call refused as a whole (not JSON, unknown service, no data, too many records): nothing applied.</summary>
    public const int CallRefused = 1;
    /// <summary>Some records refused (see their errors); the others were applied.</summary>
    public const int SomeRefused = 2;
    /// <summary>Some records could not be processed now: send them again (the call is idempotent).</summary>
    public const int SendAgain = 3;

    public static void Map(WebApplication app) =>
        app.MapPost(Path, HandleAsync).RequireCchcScope(SecurityScopes.LgspSync);

    private static async Task<IResult> HandleAsync(HttpContext http, DossierMapping mapping, DossierSync sync, MessageLog log,
        IOptions<ExchangeOptions> exchange, IOptions<DossierMappingOptions> options, ILoggerFactory loggers)
    {
        var ct = http.RequestAborted;
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var payload = buffer.ToArray();
        var caller = Caller.From(http.User)!;
        var messageId = http.Request.Headers["X-Request-Id"].FirstOrDefault() ?? http.TraceIdentifier;

        var (service, answer, status) = await ProcessAsync(payload, mapping, sync, options.Value, ct);
        var outcome = answer.ErrorCode == CallRefused ? "refused" : answer.Result is { } r
            ? $"error_code={answer.ErrorCode} applied={r.Applied} unchanged={r.Unchanged} refused={r.Refused} retry={r.Retry}"
            : $"error_code={answer.ErrorCode}";
        await log.AppendAsync(new ExchangeRecord("in", exchange.Value.MemberOf(caller.ClientId), exchange.Value.Self,
            service ?? "", messageId, payload, outcome), CancellationToken.None);
        loggers.CreateLogger(typeof(DvcqgEndpoint)).LogInformation("{Service} from {Client}: {Outcome}", service, caller.ClientId, outcome);
        return Results.Json(answer, statusCode: status);
    }

    private static async Task<(string? Service, DvcqgAnswer Answer, int Status)> ProcessAsync(
        byte[] payload, DossierMapping mapping, DossierSync sync, DossierMappingOptions options, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return (null, DvcqgAnswer.Refused(IntegrationMessages.BodyNotJson), StatusCodes.Status400BadRequest);
        }
        using (document)
        {
            var root = document.RootElement;
            var service = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("service", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString() ?? string.Empty
                : string.Empty;
            if (service is not (SyncDossiers or UpdateProgress))
            {
                return (service, DvcqgAnswer.Refused($"service: {IntegrationMessages.UnknownService(service)}"), StatusCodes.Status400BadRequest);
            }
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                return (service, DvcqgAnswer.Refused($"data: {IntegrationMessages.DataMissing}"), StatusCodes.Status400BadRequest);
            }
            if (data.GetArrayLength() > options.MaxRecordsPerCall)
            {
                return (service, DvcqgAnswer.Refused($"data: {IntegrationMessages.TooManyRecords(options.MaxRecordsPerCall)}"), StatusCodes.Status400BadRequest);
            }

            var results = new List<RecordResult>();
            var index = 0;
            foreach (var record in data.EnumerateArray())
            {
                results.Add(await ApplyAsync(index++, record, service, mapping, sync, ct));
            }
            return (service, DvcqgAnswer.For(results), StatusCodes.Status200OK);
        }
    }

    private static async Task<RecordResult> ApplyAsync(int index, JsonElement record, string service, DossierMapping mapping, DossierSync sync, CancellationToken ct)
    {
        var code = record.ValueKind == JsonValueKind.Object && record.TryGetProperty("MaHoSo", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (service == SyncDossiers)
        {
            var (dossier, errors) = mapping.MapDossier(record);
            return dossier is null ? RecordResult.Refuse(index, code, errors) : await sync.ApplyAsync(index, dossier, ct);
        }
        var (progress, problems) = mapping.MapProgress(record);
        return progress is null ? RecordResult.Refuse(index, code, problems) : await sync.ApplyAsync(index, progress, ct);
    }
}

/// <summary>The answer to a call, in the portal's shape.</summary>
public sealed record DvcqgAnswer(
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("result"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DvcqgResult? Result)
{
    public static DvcqgAnswer Refused(string message) => new(DvcqgEndpoint.CallRefused, message, null);

    public static DvcqgAnswer For(IReadOnlyList<RecordResult> records)
    {
        var result = new DvcqgResult(records.Count,
            records.Count(r => r.Status == RecordResult.Applied), records.Count(r => r.Status == RecordResult.Unchanged),
            records.Count(r => r.Status == RecordResult.Refused), records.Count(r => r.Status == RecordResult.Retry), records);
        return result.Retry > 0
            ? new(DvcqgEndpoint.SendAgain, $"{result.Retry} hồ sơ chưa xử lý được, đề nghị gửi lại", result)
            : result.Refused > 0
                ? new(DvcqgEndpoint.SomeRefused, $"{result.Refused}/{result.Total} hồ sơ không được chấp nhận (xem lỗi từng hồ sơ)", result)
                : new(DvcqgEndpoint.AllAccepted, $"đã nhận {result.Total} hồ sơ", result);
    }
}

public sealed record DvcqgResult(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("applied")] int Applied,
    [property: JsonPropertyName("unchanged")] int Unchanged,
    [property: JsonPropertyName("refused")] int Refused,
    [property: JsonPropertyName("retry")] int Retry,
    [property: JsonPropertyName("records")] IReadOnlyList<RecordResult> Records);
