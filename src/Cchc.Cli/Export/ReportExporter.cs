using System.Data;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Cli.Commands;
using Cchc.Cli.Spreadsheets;
using Sylvan.Data.Csv;

namespace Cchc.Cli.Export;

/// <summary>What to export: periods (as the report API takes them), format, optional scope, appendices, days for Appendix 4.</summary>
internal sealed record ExportRequest(string Periods, string Format, string? Scope, IReadOnlyList<int>? Appendices, string? AsOf, string Output);

/// <summary>
/// Writes the published report — the appendices as GET /api/reports/appendices/{n}?periods=… returns them — as one
/// JSON file (the API's objects, unchanged, in an array), one .xlsx workbook (one sheet per appendix, numbers as
/// numbers) or one .csv per appendix.
/// </summary>
internal sealed class ReportExporter(HttpClient http, TextWriter output)
{
    public async Task<IReadOnlyList<string>> ExportAsync(ExportRequest request, CancellationToken cancellation)
    {
        var numbers = request.Appendices is { Count: > 0 } chosen ? chosen : await ListAsync(cancellation);
        var appendices = new List<JsonObject>();
        foreach (var number in numbers)
        {
            appendices.Add(await GetAsync(number, request, cancellation));
        }
        var written = request.Format switch
        {
            "json" => [WriteJson(request.Output, appendices)],
            "xlsx" => [WriteXlsx(request.Output, appendices)],
            "csv" => WriteCsv(request.Output, appendices),
            _ => throw new CommandFailedException($"--format: \"{request.Format}\" không hỗ trợ (xlsx, csv hoặc json)"),
        };
        return written;
    }

    private async Task<List<int>> ListAsync(CancellationToken cancellation)
    {
        using var response = await http.GetAsync("api/reports/appendices", cancellation);
        await EnsureAsync(response, "danh sách phụ lục", cancellation);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation))!.AsArray();
        return [.. list.Select(a => a!["no"]!.GetValue<int>())];
    }

    private async Task<JsonObject> GetAsync(int number, ExportRequest request, CancellationToken cancellation)
    {
        var query = number == 4 && !string.IsNullOrEmpty(request.AsOf)
            ? $"asOf={Uri.EscapeDataString(request.AsOf)}"
            : $"periods={Uri.EscapeDataString(request.Periods)}";
        if (!string.IsNullOrEmpty(request.Scope))
        {
            query += $"&scope={Uri.EscapeDataString(request.Scope)}";
        }
        using var response = await http.GetAsync($"api/reports/appendices/{number.ToString(CultureInfo.InvariantCulture)}?{query}", cancellation);
        await EnsureAsync(response, $"phụ lục {number}", cancellation);
        var appendix = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation))!.AsObject();
        if (!string.IsNullOrEmpty(request.Scope) && !appendix.ContainsKey("scope"))
        {
            await output.WriteLineAsync($"  lưu ý: máy chủ chưa hỗ trợ phạm vi (scope={request.Scope}) cho phụ lục {number}: số liệu xuất ra là của toàn tỉnh.");
        }
        await output.WriteLineAsync($"  phụ lục {number}: {appendix["title"]?.GetValue<string>()} ({appendix["rows"]?.AsArray().Count ?? 0} dòng)");
        return appendix;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellation)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var body = await response.Content.ReadAsStringAsync(cancellation);
        string detail;
        try
        {
            detail = JsonNode.Parse(body)?["detail"]?.GetValue<string>() ?? body;
        }
        catch (JsonException)
        {
            detail = body;
        }
        throw response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound
            ? new CommandFailedException($"máy chủ từ chối yêu cầu {what} (HTTP {(int)response.StatusCode}): {detail}")
            : new HttpRequestException($"{what}: HTTP {(int)response.StatusCode} {detail}");
    }

    private static string WriteJson(string path, List<JsonObject> appendices)
    {
        var array = new JsonArray([.. appendices.Select(a => a.DeepClone())]);
        File.WriteAllText(path, array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            new UTF8Encoding(false));
        return path;
    }

    private static string WriteXlsx(string path, List<JsonObject> appendices)
    {
        var sheets = appendices.Select(appendix =>
        {
            var table = Table(appendix);
            var sheet = new SheetModel($"Phụ lục {appendix["no"]}") { TitleRows = 1, HeaderRow = 1 };
            sheet.Rows.Add([appendix["title"]?.GetValue<string>()]);
            sheet.Rows.Add([.. table.Header]);
            sheet.Rows.AddRange(table.Rows);
            sheet.Widths = [.. table.Header.Select((_, i) => i switch { 0 => 8.0, 1 => 60.0, 2 => 14.0, _ => 16.0 })];
            return sheet;
        }).ToList();
        XlsxWriter.Write(path, sheets);
        return path;
    }

    private static List<string> WriteCsv(string prefix, List<JsonObject> appendices)
    {
        var written = new List<string>();
        var stem = prefix.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? prefix[..^4] : prefix;
        foreach (var appendix in appendices)
        {
            var table = Table(appendix);
            var data = new DataTable();
            foreach (var header in table.Header)
            {
                data.Columns.Add(header, typeof(string));
            }
            foreach (var row in table.Rows)
            {
                data.Rows.Add([.. row.Select(v => v switch
                {
                    null => null,
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    _ => Convert.ToString(v, CultureInfo.InvariantCulture),
                })]);
            }
            var path = $"{stem}-phu-luc-{appendix["no"]}.csv";
            // UTF-8 with a BOM: Excel then shows the Vietnamese labels correctly.
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(true)))
            using (var csv = CsvDataWriter.Create(writer, new CsvDataWriterOptions { NewLine = "\r\n" }))
            {
                csv.Write(data.CreateDataReader());
            }
            written.Add(path);
        }
        return written;
    }

    /// <summary>The appendix as a table: STT, label, indicator, then one column per period (numbers as double, flags as bool, "-" kept).</summary>
    internal static (string[] Header, List<object?[]> Rows) Table(JsonObject appendix)
    {
        var periods = appendix["periods"]!.AsArray().Select(p => (Key: p!["key"]!.GetValue<string>(), Label: p["label"]!.GetValue<string>())).ToList();
        string[] header = ["STT", "Nội dung", "Mã chỉ tiêu", .. periods.Select(p => p.Label)];
        var rows = new List<object?[]>();
        foreach (var row in appendix["rows"]!.AsArray())
        {
            var values = row!["values"] as JsonObject;
            rows.Add([
                row["stt"]?.GetValue<string>(), row["label"]?.GetValue<string>(), row["indicator"]?.GetValue<string>(),
                .. periods.Select(p => Value(values?[p.Key])),
            ]);
        }
        return (header, rows);
    }

    internal static object? Value(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray parts => string.Join(" / ", parts.Select(p => Value(p) switch { double d => d.ToString("R", CultureInfo.InvariantCulture), var x => Convert.ToString(x, CultureInfo.InvariantCulture) })),
        _ => node.ToJsonString(),
    };
}
