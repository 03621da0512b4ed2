using System.Net;
using System.Text.Json;
using Cchc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// The REST API and the pages under absurd query strings, table-driven over every route: a 400 naming the parameter or a
/// 404, as problem+json (APIs) or a Vietnamese page (people), never a 500, a stack trace, SQL, a type name or the request's
/// headers. The host runs in Development, as under <c>./cchc run</c>, where the developer exception page would answer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class HostileQueryTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string SecretCookie = "session=cookie-value-that-must-not-leak";
    private static readonly string TenThousandPeriods = string.Join(',', Enumerable.Repeat("2019", 10_000));
    private static readonly string HugeString = new('9', 100_000);
    private ReportingApp _app = null!;

    public async Task InitializeAsync() => _app = await ReportingApp.StartAsync(postgres, "hostile_queries");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>(path and query, expected status, the parameter a 400 must name).</summary>
    public static List<(string Url, int Status, string? Parameter)> ApiCases()
    {
        var cases = new List<(string Url, int Status, string? Parameter)>();
        foreach (var no in new[] { "2", "3", "4", "5", "6", "7" })
        {
            foreach (var bad in BadPeriods())
            {
                cases.Add(($"/api/reports/appendices/{no}?periods={bad}", 400, "periods"));
            }
        }
        foreach (var bad in new[] { "0001-01-01", "9999-12-31", "2019-02-30", "10000-01-01", "2019-12-31..2010-12-31", "１９９９-12-31" })
        {
            cases.Add(($"/api/reports/appendices/4?asOf={bad}", 400, "periods"));
        }
        foreach (var area in new[] { "institutions", "organisation", "civil-service", "public-finance", "modernisation", "direction" })
        {
            foreach (var bad in new[] { "9999", "0000", "2019-02-30", "1..2", "2020-03-31..2020-01-01", TenThousandPeriods, HugeString })
            {
                cases.Add(($"/api/reports/key-figures/{area}?periods={bad}", 400, "periods"));
            }
        }
        foreach (var no in new[] { "0", "8", "99999999999999999999", "-1", "%20", "3.0", "%EF%BC%93", HugeString })
        {
            cases.Add(($"/api/reports/appendices/{no}?periods=2019", 404, null));
        }
        // (A NUL in the path itself never reaches the service: servers refuse such a request line.)
        foreach (var area in new[] { "procedures", "INSTITUTIONS", "%01", HugeString })
        {
            cases.Add(($"/api/reports/key-figures/{area}?periods=2019", 404, null));
        }
        foreach (var bad in new[] { "9999", "0000", "2019,2020", "1..2", HugeString })
        {
            cases.Add(($"/api/reports/staffing/by-unit?period={bad}", 400, "period"));
        }
        foreach (var bad in new[] { "9999-12-31", "0001-01-01", "2019-02-30", "2019-13-01", "tomorrow", HugeString })
        {
            cases.Add(($"/api/reports/staffing/by-unit?period=2019&rollUpTo={bad}", 400, "rollUpTo"));
        }
        // A report's scope, and the drill-down's paging (a value that is not a number is named like any other bad value).
        foreach (var bad in new[] { "xyz", "unit:", "level:moon", "%00%FF", "unit:" + HugeString })
        {
            cases.Add(($"/api/reports/appendices/3?periods=2019&scope={bad}", 400, "scope"));
        }
        const string Cell = "/api/reports/appendices/3/rows/dossiers.on_time_rate.district/units?period=2019";
        foreach (var bad in new[] { "abc", "-5", "100000", "99999999999999999999", "1.5", HugeString })
        {
            cases.Add(($"{Cell}&pageSize={bad}", 400, "pageSize"));
        }
        foreach (var bad in new[] { "%25%25%25", "AAAA", HugeString })
        {
            cases.Add(($"{Cell}&pageToken={bad}", 400, "pageToken"));
        }
        return cases;
    }

    public static List<(string Url, int Status, string? Parameter)> PageCases()
    {
        var cases = new List<(string Url, int Status, string? Parameter)>();
        foreach (var no in new[] { "2", "3", "4", "5", "6", "7" })
        {
            foreach (var bad in BadPeriods())
            {
                cases.Add(($"/reports/appendices/{no}?periods={bad}", 400, null));
            }
            cases.Add(($"/reports/appendices/{no}?asOf=9999-12-31", 400, null));
        }
        foreach (var no in new[] { "0", "8", "99999999999999999999", "-1", HugeString })
        {
            cases.Add(($"/reports/appendices/{no}?periods=2019", 404, null));
        }
        cases.Add(("/reports/appendices/3?periods=2019&scope=xyz", 400, null));
        cases.Add(("/reports/appendices/3/rows/dossiers.on_time_rate.district/units?period=2019&pageSize=abc", 400, null));
        cases.Add(("/reports/key-figures?periods=9999", 400, null));
        cases.Add(("/reports/nothing-here", 404, null));
        return cases;
    }

    private static IEnumerable<string> BadPeriods() =>
    [
        "9999", "0000", "1944", "2100", "-2019", "2019-02-30", "2019-02-29", "2019-00-10", "1..2", "2020-03-31..2020-01-01",
        "1945-01-01..9999-12-31", "0001-01-01..2019-12-31", "2019,2019", "%00", "2019%00", "%EF%BF%BE", "%EF%BC%92%EF%BC%90%EF%BC%91%EF%BC%99",
        "<script>", TenThousandPeriods, HugeString,
    ];

    [Fact]
    public async Task Api_AnswersEveryAbsurdQuery_With400Or404ProblemJson_AndLeaksNothing() =>
        await ForEachAsync(ApiCases(), ApiAnswersAsync);

    [Fact]
    public async Task Pages_AnswerEveryAbsurdQuery_WithAVietnameseErrorPage_AndLeakNothing() =>
        await ForEachAsync(PageCases(), (url, expected, _) => PageAnswersAsync(url, expected));

    /// <summary>Runs every case on the one host and reports all the cases that failed, each with its URL (shortened).</summary>
    private static async Task ForEachAsync(List<(string Url, int Status, string? Parameter)> cases, Func<string, int, string?, Task> check)
    {
        var failures = new List<string>();
        foreach (var (url, status, parameter) in cases)
        {
            try
            {
                await check(url, status, parameter);
            }
            catch (Exception ex)
            {
                failures.Add($"{(url.Length > 120 ? url[..120] + "…" : url)}: {ex.Message}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures));
    }

    private async Task ApiAnswersAsync(string url, int expected, string? parameter)
    {
        using var response = await SendAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("traceId").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
        if (parameter is not null)
        {
            var message = Assert.Single(json.RootElement.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString();
            Assert.False(string.IsNullOrWhiteSpace(message));
            Assert.StartsWith(parameter + ":", json.RootElement.GetProperty("detail").GetString());
        }
        AssertLeaksNothing(body);
        Assert.True(body.Length < 4_000, $"an error answer repeats at most a short quote of the request ({body.Length} characters)");
    }

    private async Task PageAnswersAsync(string url, int expected)
    {
        using var response = await SendAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("class=\"error\"", html);
        Assert.DoesNotContain("<script>", html);
        AssertLeaksNothing(html);
    }

    [Fact]
    public async Task AFailingQuery_Is500WithACorrelationId_NeverTheExceptionPage_ForApiAndPage()
    {
        Assert.True(_app.Services.GetRequiredService<IWebHostEnvironment>().IsDevelopment(), "the host runs as under ./cchc run");
        // A broken read model (a table gone) makes the appendix's SQL fail.
        await using (var connection = new NpgsqlConnection(_app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("ALTER TABLE legal_document_facts RENAME TO legal_document_facts_gone", connection);
            await command.ExecuteNonQueryAsync();
        }
        try
        {
            using var api = await SendAsync("/api/reports/appendices/2?periods=2019");
            var body = await api.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(body);
            var traceId = json.RootElement.GetProperty("traceId").GetString();
            Assert.Matches("^[0-9a-f]{32}$", traceId);
            Assert.Equal("Lỗi hệ thống", json.RootElement.GetProperty("title").GetString());
            AssertLeaksNothing(body);

            using var page = await SendAsync("/reports/appendices/2?periods=2019");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Matches("Mã tham chiếu: [0-9a-f]{32}", html);
            AssertLeaksNothing(html);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(_app.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("ALTER TABLE legal_document_facts_gone RENAME TO legal_document_facts", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    [Theory]
    [InlineData("GET", "/api/reports/nothing-here", 404)]
    [InlineData("POST", "/api/reports/appendices/3", 405)]
    [InlineData("DELETE", "/api/reports/status", 405)]
    public async Task UnknownRoutesAndMethods_AreProblemJsonWithACorrelationId(string method, string url, int expected)
    {
        using var client = _app.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("traceId").GetString()));
    }

    private async Task<HttpResponseMessage> SendAsync(string url)
    {
        // A reader's token (the per-unit route needs one) and a cookie: neither may come back in an answer.
        using var client = _app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", SecretCookie);
        return await client.SendAsync(request);
    }

    private void AssertLeaksNothing(string body)
    {
        foreach (var leak in new[]
        {
            "   at ", "Exception", "Npgsql", "SELECT", "legal_document_facts", "System.", "Microsoft.", "Cchc.Reporting",
            "cookie-value-that-must-not-leak", "Bearer", _app.ReaderToken,
        })
        {
            Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
        }
    }
}
