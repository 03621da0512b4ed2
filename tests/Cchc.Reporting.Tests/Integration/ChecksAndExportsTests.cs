using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports.Export;
using Cchc.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>Validation, the published report and reconciliation, and the exports, through HTTP on a real database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChecksAndExportsTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Periods = "2015,2016,2017,2018,2019,2020-01-01..2020-03-31";
    private readonly Scenario _scenario = new(seed: 11, procedures: 60, dossiers: 800, feedback: 20);
    private ReportingApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = await ReportingApp.StartAsync(postgres, "checks");
        _http = _app.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await _app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new() { Versions = _scenario.Versions, OccurredAt = now });
        await _app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = _scenario.DossierStates, OccurredAt = now });
        await _app.ConsumeAsync<FeedbackRecordedConsumer, FeedbackRecorded>(new() { Items = _scenario.FeedbackStates, OccurredAt = now });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private static StringContent Reference() => new(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "lai-chau-cchc-2015-2020.json")),
        System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task PublishedReport_LoadedByAnOperator_ListsTheSourceReportsContradictions_InReconciliationAndValidation()
    {
        using (var refused = await _http.PutAsync("/api/reports/published", Reference()))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode); // a report reader cannot load published values
        }
        using (var missing = await _http.GetAsync("/api/reports/reconciliation"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
        using var admin = _app.CreateClient(_app.OperatorToken);
        using (var bad = await admin.PutAsync("/api/reports/published", new StringContent("""{"source":"x"}""", System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("periods", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var loaded = await admin.PutAsync("/api/reports/published", Reference());
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        using var load = JsonDocument.Parse(await loaded.Content.ReadAsStringAsync());
        Assert.Equal(17, load.RootElement.GetProperty("violations").GetInt32());

        using var reconciliation = JsonDocument.Parse(await _http.GetStringAsync("/api/reports/reconciliation"));
        var root = reconciliation.RootElement;
        Assert.Equal(17, root.GetProperty("publishedViolations").GetArrayLength());
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        var total2019 = Assert.Single(cells, c => c.GetProperty("appendix").GetInt32() == 3 && c.GetProperty("period").GetString() == "2019"
            && c.GetProperty("indicator").GetString() == ProcedureCatalogIndicators.Total);
        Assert.Equal(2061m, total2019.GetProperty("published").GetDecimal());
        var computed = total2019.GetProperty("computed").GetDecimal();
        Assert.Equal(computed - 2061m, total2019.GetProperty("difference").GetDecimal());
        Assert.Contains(root.GetProperty("publishedViolations").EnumerateArray(), v => v.GetProperty("rule").GetString() == "pl2.issued-total"
            && v.GetProperty("period").GetString() == "2015" && v.GetProperty("left").GetProperty("value").GetDecimal() == 717m
            && v.GetProperty("right").GetProperty("value").GetDecimal() == 489m && v.GetProperty("right").GetProperty("cells").GetArrayLength() == 6);

        using var validation = JsonDocument.Parse(await _http.GetStringAsync($"/api/reports/validation?periods={Periods}"));
        Assert.Equal(17, validation.RootElement.GetProperty("published").GetProperty("violations").GetArrayLength());
        Assert.True(validation.RootElement.GetProperty("rules").GetInt32() > 50);

        var page = await _http.GetStringAsync("/reports/reconciliation");
        Assert.Contains("<th>Công bố</th><th>Tính toán</th><th>Chênh lệch</th>", page);
        Assert.Contains("17 vi phạm", page);
        var checks = await _http.GetStringAsync($"/reports/validation?periods=2019");
        Assert.Contains("Báo cáo đã công bố", checks);
    }

    [Fact]
    public async Task Xlsx_HasOneSheetPerAppendix_EqualToTheJson()
    {
        using var response = await _http.GetAsync($"/reports/export.xlsx?periods={Periods}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportApi.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        var appendices = (await _http.GetFromJsonAsync<JsonElement>("/api/reports/appendices")).EnumerateArray().Select(a => a.GetProperty("no").GetInt32()).ToList();
        Assert.Equal(appendices.Select(n => $"Phụ lục {n}"), sheets.Select(s => s.Name!.Value));
        var numbers = 0;
        foreach (var (no, sheet) in appendices.Zip(sheets))
        {
            using var json = JsonDocument.Parse(await _http.GetStringAsync($"/api/reports/appendices/{no}?periods={Periods}"));
            var cells = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            var keys = Periods.Split(',');
            var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
            for (var r = 0; r < rows.Count; r++)
            {
                if (!rows[r].TryGetProperty("values", out var values))
                {
                    continue;
                }
                for (var p = 0; p < keys.Length; p++)
                {
                    var value = values.GetProperty(keys[p]);
                    if (value.ValueKind != JsonValueKind.Number)
                    {
                        continue;
                    }
                    var cell = cells[$"{XlsxExport.ColumnName(4 + (p * (no == 4 ? 3 : 1)))}{5 + r}"]; // Appendix 4: three part columns per day
                    Assert.True(cell.DataType!.Value == CellValues.Number, $"{cell.CellReference} is not a number cell");
                    Assert.Equal(value.GetDecimal(), decimal.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture));
                    numbers++;
                }
            }
        }
        Assert.True(numbers > 50, $"only {numbers} numbers compared");
    }

    [Fact]
    public async Task Csv_OfAppendix3_EqualsTheJson()
    {
        using var response = await _http.GetAsync($"/api/reports/appendices/3.csv?periods={Periods}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(await _http.GetStringAsync($"/api/reports/appendices/3?periods={Periods}"));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count + 1, lines.Length);
        var total = lines[1].Split(',');
        var values = rows[0].GetProperty("values");
        Assert.Equal(Periods.Split(',').Select(k => values.GetProperty(k).GetDecimal().ToString(CultureInfo.InvariantCulture)), total[3..]);
    }

    [Fact]
    public async Task Root_LeadsToTheReport_AndTheOpenApiDescribesTheReadSide()
    {
        using var client = _app.CreateClient(null);
        using var root = await client.GetAsync("/");
        Assert.Equal((HttpStatusCode.Redirect, "/reports"), (root.StatusCode, root.Headers.Location?.OriginalString));
        using var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = openApi.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/reports/validation", out _));
        Assert.True(paths.TryGetProperty("/api/reports/reconciliation", out _));
        Assert.True(paths.TryGetProperty("/api/reports/appendices/{no}", out _));
    }
}
