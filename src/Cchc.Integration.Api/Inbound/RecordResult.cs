using System.Text.Json.Serialization;
using Cchc.Integration.Api.Domain;

namespace Cchc.Integration.Api.Inbound;

/// <summary>
/// The answer for one record, in the portal's style: <c>error_code</c> 0 accepted (applied, or already applied:
/// unchanged), 1 refused (the errors name the fields; nothing of it was applied), 3 not processed now (send it again).
/// </summary>
public sealed record RecordResult(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("MaHoSo")] string? DossierCode,
    [property: JsonPropertyName("error_code")] int ErrorCode,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("errors")] IReadOnlyList<FieldError> Errors)
{
    public const string Applied = "applied";
    public const string Unchanged = "unchanged";
    public const string Refused = "refused";
    public const string Retry = "retry";

    public static RecordResult Ok(int index, string code, string status, string message) => new(index, code, 0, status, message, []);

    public static RecordResult Refuse(int index, string? code, IReadOnlyList<RecordError> errors) =>
        new(index, code, 1, Refused, string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")),
            [.. errors.Select(e => new FieldError(e.Field, e.Message))]);

    public static RecordResult Later(int index, string? code, string message) =>
        new(index, code, 3, Retry, message, []);
}

public sealed record FieldError(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message);
