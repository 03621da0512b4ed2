using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Http;
using Cchc.Reporting.Api.Reports.Pages;
using Cchc.Reporting.Tests.Unit;
using Cchc.Testing;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>The JSON API and the pages, through HTTP, on a database fed with a small scenario.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReportEndpointsTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string CheckPeriods = "2015,2016,2017,2018,2019,2020-01-01..2020-03-31";
    private readonly Scenario _scenario = new(seed: 7, procedures: 80, dossiers: 1_200, feedback: 25);
    private ReportingApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = await ReportingApp.StartAsync(postgres, "endpoints");
        _http = _app.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await _app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new() { Versions = _scenario.Versions, OccurredAt = now });
        foreach (var chunk in _scenario.DossierStates.Chunk(1_000))
        {
            await _app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = chunk, OccurredAt = now });
        }
        await _app.ConsumeAsync<FeedbackRecordedConsumer, FeedbackRecorded>(new() { Items = _scenario.FeedbackStates, OccurredAt = now });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Appendix3Json_HasTheShapeTheAcceptanceCheckReads()
    {
        using var response = await _http.GetAsync($"/api/reports/appendices/3?periods={CheckPeriods}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var keys = CheckPeriods.Split(',');

        Assert.Equal(3, root.GetProperty("no").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetString()));
        Assert.Equal(keys, root.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        var q1 = root.GetProperty("periods")[5];
        Assert.Equal(("Năm 2020 (Tính đến 31/3)", "2020-01-01", "2020-03-31"),
            (q1.GetProperty("label").GetString(), q1.GetProperty("from").GetString(), q1.GetProperty("to").GetString()));

        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        var referenceLabels = ReferenceDataset.Appendix(3).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("label").GetString());
        Assert.Equal(referenceLabels, rows.Select(r => r.GetProperty("label").GetString()));
        foreach (var row in rows)
        {
            Assert.False(string.IsNullOrEmpty(row.GetProperty("indicator").GetString()));
            if (row.TryGetProperty("heading", out var heading) && heading.GetBoolean())
            {
                Assert.False(row.TryGetProperty("values", out _));
                continue;
            }
            Assert.Equal(keys, row.GetProperty("values").EnumerateObject().Select(v => v.Name));
        }

        // Values equal what the calculator computes, and blanks are JSON null, never 0.
        var report = await _app.Appendix3Async(keys);
        foreach (var (row, computed) in rows.Zip(report.Rows).Where(p => !p.Second.Definition.Heading))
        {
            foreach (var key in keys)
            {
                var cell = row.GetProperty("values").GetProperty(key);
                switch (computed.Values![key])
                {
                    case null:
                        Assert.Equal(JsonValueKind.Null, cell.ValueKind);
                        break;
                    case ReportValue.Number n:
                        Assert.Equal(n.Value, cell.GetDecimal());
                        break;
                    default:
                        Assert.Fail($"unexpected value {computed.Values[key]}");
                        break;
                }
            }
        }
        var total = rows[0].GetProperty("values").GetProperty("2019").GetInt64();
        Assert.Equal(total, rows.Skip(1).Take(3).Sum(r => r.GetProperty("values").GetProperty("2019").GetInt64()));
        Assert.True(total > 0);
    }

    [Theory]
    [InlineData("periods=2019-02-30..2019-03-01")]
    [InlineData("periods=2020-03-31..2020-01-01")]
    [InlineData("periods=")]
    [InlineData("periods=2001,2002,2003,2004,2005,2006,2007,2008,2009,2010,2011,2012,2013")]
    public async Task BadPeriods_Are400ProblemsNamingTheParameter(string query)
    {
        using var response = await _http.GetAsync($"/api/reports/appendices/3?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = Assert.Single(json.RootElement.GetProperty("errors").GetProperty("periods").EnumerateArray()).GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.StartsWith("periods:", json.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("9")]
    [InlineData("0")]
    [InlineData("ba")]
    public async Task UnknownAppendix_Is404WithAVietnameseMessage(string number)
    {
        using var response = await _http.GetAsync($"/api/reports/appendices/{number}?periods=2019");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("phụ lục", json.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NoPeriods_DefaultsToTheCurrentYear()
    {
        var appendix = await _http.GetFromJsonAsync<AppendixDto>("/api/reports/appendices/3");
        var period = Assert.Single(appendix!.Periods);
        Assert.Equal(Cchc.Contracts.VietnamCalendar.Today().Year.ToString(System.Globalization.CultureInfo.InvariantCulture), period.Key);
    }

    [Fact]
    public async Task AppendixList_NamesAppendix3()
    {
        var list = await _http.GetFromJsonAsync<List<AppendixSummaryDto>>("/api/reports/appendices");
        Assert.Contains(list!, a => a.No == 3);
    }

    [Fact]
    public async Task Status_CountsTheFactsHeld()
    {
        var status = await _http.GetFromJsonAsync<ReadModelStatusDto>("/api/reports/status");
        Assert.Equal(_scenario.DossierStates.Select(d => d.DossierId).Distinct().Count(), status!.Dossiers);
        Assert.Equal(_scenario.Versions.Count, status.ProcedureVersions);
        Assert.Equal(_scenario.FeedbackStates.Select(f => f.FeedbackId).Distinct().Count(), status.Feedback);
        Assert.NotNull(status.LastEventAt);
    }

    [Fact]
    public async Task IndexPage_OffersEveryAppendixWithAPeriodForm()
    {
        using var response = await _http.GetAsync("/reports");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/reports/appendices/3?", html);
        Assert.Contains("action=\"/reports/appendices/2\"", html);
        Assert.Contains("type=\"checkbox\" name=\"periods\" value=\"2019\"", html); // the picker: years, a year to a day, a span of years
        Assert.Contains("type=\"date\" name=\"toDate\"", html);
        Assert.Contains("name=\"fromYear\"", html);
        Assert.Contains("Phụ lục 3", html);
    }

    [Fact]
    public async Task AppendixPage_ShowsTheTableWithVietnameseNumbers()
    {
        var html = await _http.GetStringAsync("/reports/appendices/3?periods=2019,2020-01-01..2020-03-31");
        var report = await _app.Appendix3Async("2019", "2020-01-01..2020-03-31");

        Assert.Contains("<th>STT</th><th>Nội dung</th><th>Năm 2019</th><th>Năm 2020 (Tính đến 31/3)</th>", html);
        foreach (var row in report.Rows.Where(r => !r.Definition.Heading))
        {
            var cell = VietnameseFormat.Cell(row.Values!["2019"], row.Definition.ValueType, VietnameseFormat.RowDecimals(row, row.Definition.ValueType));
            // A cell of a violated rule carries the class "violation" and the rule as its title; a filled cell links to its drill-down.
            Assert.Matches($"<td>{System.Text.RegularExpressions.Regex.Escape(row.Definition.Label)}</td><td(?: class=\"[^\"]*\"(?: title=\"[^\"]*\")?)?>(?:<a class=\"drill\" href=\"[^\"]*\" title=\"[^\"]*\">)?{System.Text.RegularExpressions.Regex.Escape(cell)}(?:</a>)?</td>", html);
        }
        Assert.Contains(report.Rows, r => r.Definition.ValueType == ValueTypes.Percent && VietnameseFormat.Cell(r.Values!["2019"], ValueTypes.Percent).Contains(','));
    }

    [Fact]
    public async Task AppendixPage_WithBadPeriods_Is400AndEncodesWhatWasTyped()
    {
        using var response = await _http.GetAsync("/reports/appendices/3?periods=%3Cscript%3Ealert(1)%3C/script%3E");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task AppendixPage_WithThePeriodFieldLeftBlank_ShowsTheCurrentYear()
    {
        var html = await _http.GetStringAsync("/reports/appendices/3?periods=");
        Assert.Contains($"<th>Năm {Cchc.Contracts.VietnamCalendar.Today().Year}</th>", html);
    }

    [Fact]
    public async Task AppendixPage_ForAnUnknownAppendix_Is404()
    {
        using var response = await _http.GetAsync("/reports/appendices/8");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
