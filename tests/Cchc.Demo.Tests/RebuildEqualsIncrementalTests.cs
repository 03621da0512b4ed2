using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Cchc.Testing;
using Xunit.Abstractions;

namespace Cchc.Demo.Tests;

/// <summary>
/// Issue 14's proof of the rebuild (docs/adr/0040): on the demo platform (884,020 dossiers, the approved years 2015–2019),
/// every appendix 1–7 read for every demo period, the read model rebuilt from the domain services through the gateway as the
/// operator, the appendices read again: every cell equal. The approvals are untouched, and the rebuilt report still matches
/// every approved snapshot (no cell changed since any approval).
/// </summary>
[Collection(DemoCollection.Name)]
[Trait("Category", DemoCollection.Category)]
public sealed class RebuildEqualsIncrementalTests(DemoPlatform demo, ITestOutputHelper output)
{
    private static readonly TimeSpan RebuildTimeout = TimeSpan.FromMinutes(20);

    [Fact]
    public async Task TheRebuiltReport_EqualsTheIncrementallyBuiltOne_CellForCell_AndTheApprovalsAreUntouched()
    {
        using var http = new HttpClient { BaseAddress = demo.Platform.HttpAddress, Timeout = TimeSpan.FromSeconds(120) };
        var reader = await demo.Platform.TokenForAsync("cchc-report-reader");
        var before = await ReadAppendicesAsync(http);
        var approvalsBefore = await ReadApprovalsAsync(http, reader);
        Assert.True(approvalsBefore.Count >= 5, string.Join(Environment.NewLine, approvalsBefore)); // 2015–2019, as ./cchc run approves them
        var approvalNotesBefore = JsonNode.Parse(await http.GetStringAsync($"/api/reports/appendices/3?{ReferenceComparison.Query(3)}"))!["approvals"]!;
        Assert.Equal(5, approvalNotesBefore.AsArray().Count);

        var token = await demo.Platform.TokenForAsync("cchc-operator");
        var watch = Stopwatch.StartNew();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/api/reports/rebuild") { Headers = { Authorization = new("Bearer", token) } };
        using var started = await http.SendAsync(start);
        var startedBody = await started.Content.ReadAsStringAsync();
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, $"POST /api/reports/rebuild: {(int)started.StatusCode} {startedBody}");
        var id = JsonNode.Parse(startedBody)!["id"]!.GetValue<string>();
        // The facts are gone at once: while it runs, the report says it is being rebuilt.
        var during = JsonNode.Parse(await http.GetStringAsync($"/api/reports/appendices/3?{ReferenceComparison.Query(3)}"))!;
        Assert.NotNull(during["rebuild"]);

        JsonNode? status = null;
        await Eventually.AssertAsync(async () =>
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/rebuild/{id}") { Headers = { Authorization = new("Bearer", token) } };
            using var answer = await http.SendAsync(poll);
            status = JsonNode.Parse(await answer.Content.ReadAsStringAsync());
            return answer.IsSuccessStatusCode && status?["state"]?.GetValue<string>() == "complete";
        }, RebuildTimeout, "the rebuild completes");
        watch.Stop();
        output.WriteLine($"rebuild {id}: complete in {watch.Elapsed.TotalSeconds:N1} s (republish + consumption); {status!["services"]!.ToJsonString()}");
        Assert.All(status["services"]!.AsArray(), s =>
        {
            Assert.True(s!["done"]!.GetValue<bool>());
            Assert.True(s["records"]!.GetValue<long>() > 0, $"{s["service"]} republished nothing");
        });

        var after = await ReadAppendicesAsync(http);
        var differences = new List<string>();
        var cells = 0;
        foreach (var (no, cellsBefore) in before)
        {
            var cellsAfter = after[no];
            Assert.Equal(cellsBefore.Keys.Order(StringComparer.Ordinal), cellsAfter.Keys.Order(StringComparer.Ordinal));
            foreach (var (cell, value) in cellsBefore)
            {
                cells++;
                if (!JsonNode.DeepEquals(value, cellsAfter[cell]))
                {
                    differences.Add($"appendix {no} {cell}: before {value?.ToJsonString() ?? "null"}, after {cellsAfter[cell]?.ToJsonString() ?? "null"}");
                }
            }
        }
        output.WriteLine($"{cells} cells compared over appendices {string.Join(", ", before.Keys)}");
        Assert.True(differences.Count == 0, $"{differences.Count} cells differ after the rebuild:{Environment.NewLine}{string.Join(Environment.NewLine, differences.Take(50))}");
        // Appendices 1–7 over the six demo periods (Appendix 4 on its days): 540 value cells when this was written.
        Assert.True(cells >= 500, $"only {cells} cells compared");

        // The approvals: the same versions with the same hashes, still in force; and no cell differs from any approved snapshot.
        Assert.Equal(approvalsBefore, await ReadApprovalsAsync(http, reader));
        var appendix3 = JsonNode.Parse(await http.GetStringAsync($"/api/reports/appendices/3?{ReferenceComparison.Query(3)}"))!;
        Assert.Null(appendix3["rebuild"]);
        Assert.True(JsonNode.DeepEquals(approvalNotesBefore, appendix3["approvals"]),
            $"the approvals as the report shows them (cells changed since, corrections) differ:{Environment.NewLine}{approvalNotesBefore.ToJsonString()}{Environment.NewLine}{appendix3["approvals"]?.ToJsonString()}");
        Assert.All(appendix3["approvals"]!.AsArray(), a => Assert.Empty(a!["changes"]!.AsArray())); // the demo changes nothing after approving
    }

    /// <summary>
    /// Every appendix 1–7 for the demo's periods (Appendix 4 on its days), in canonical form: each value cell of each row
    /// that is not a heading, keyed "indicator @ period", with the value as the JSON shows it (as approvals hash them).
    /// </summary>
    private static async Task<SortedDictionary<int, Dictionary<string, JsonNode?>>> ReadAppendicesAsync(HttpClient http)
    {
        var result = new SortedDictionary<int, Dictionary<string, JsonNode?>>();
        foreach (var no in ReferenceComparison.Appendices.Prepend(1))
        {
            var report = JsonNode.Parse(await http.GetStringAsync($"/api/reports/appendices/{no}?{ReferenceComparison.Query(no)}"))!;
            var cells = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            var periods = report["periods"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()).ToList();
            foreach (var row in report["rows"]!.AsArray().Select(r => r!.AsObject()))
            {
                if (row["heading"]?.GetValue<bool>() == true)
                {
                    continue;
                }
                var indicator = row["indicator"]!.GetValue<string>();
                foreach (var period in periods)
                {
                    cells.Add($"{indicator} @ {period}", row["values"]?[period]?.DeepClone());
                }
            }
            result[no] = cells;
        }
        return result;
    }

    /// <summary>Each approved year's versions: (period, version, hash, withdrawn) as GET /api/reports/approvals lists them.</summary>
    private static async Task<List<string>> ReadApprovalsAsync(HttpClient http, string token)
    {
        var result = new List<string>();
        foreach (var year in new[] { "2015", "2016", "2017", "2018", "2019" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/approvals?period={year}") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            foreach (var version in JsonNode.Parse(await response.Content.ReadAsStringAsync())!["versions"]!.AsArray())
            {
                result.Add($"{year} v{version!["version"]} {version["contentHash"]} withdrawn={version["withdrawnAt"]?.ToJsonString() ?? "null"}");
            }
        }
        return result;
    }
}
