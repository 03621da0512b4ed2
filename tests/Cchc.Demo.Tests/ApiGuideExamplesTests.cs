using System.Text.Json;
using Cchc.Testing;
using Xunit.Abstractions;

namespace Cchc.Demo.Tests;

/// <summary>
/// docs/api-guide.md's examples, run against a platform as the guide's reader has it (<c>./cchc run</c>: the demo
/// loaded): each Node script prints exactly the output the guide shows (only the run's day in an id may differ), and
/// each curl call answers 200 (and as its comment shows). A changed output fails until the guide shows it.
/// </summary>
[Collection(DemoCollection.Name)]
[Trait("Category", DemoCollection.Category)]
public sealed class ApiGuideExamplesTests(DemoPlatform demo, ITestOutputHelper output)
{
    private static readonly string Guide = File.ReadAllText(ApiGuide.Path);

    public static TheoryData<string> Scripts => new(ApiGuide.NodeExamples(File.ReadAllText(ApiGuide.Path)).Select(e => e.Script));

    [Fact]
    public void EveryExampleScript_IsInTheGuide_WithTheOutputItPrints()
    {
        var scripts = Directory.GetFiles(Path.Combine(GrpcJsClient.Folder, "examples"), "*.mjs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);
        var examples = ApiGuide.NodeExamples(Guide);

        Assert.Equal(scripts, examples.Select(e => e.Script).Order(StringComparer.Ordinal));
        Assert.All(examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Output), $"{e.Script}: no output block after its command"));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task TheExample_PrintsWhatTheGuideShows(string script)
    {
        var example = ApiGuide.NodeExamples(Guide).Single(e => e.Script == script);
        var token = await demo.Platform.TokenForAsync(example.Client);

        var printed = await GrpcJsClient.NodeAsync(Path.Combine("examples", script), [$"127.0.0.1:{demo.Platform.GatewayGrpcPort}"],
            new Dictionary<string, string> { ["CCHC_ACCESS_TOKEN"] = token });
        output.WriteLine(printed);

        Assert.True(ApiGuide.Normalise(example.Output) == ApiGuide.Normalise(printed),
            $"docs/api-guide.md line {example.Line} shows:{Environment.NewLine}{example.Output}{Environment.NewLine}but {script} printed:{Environment.NewLine}{printed}");
    }

    [Fact]
    public async Task TheGuidesCurlCalls_AnswerThroughTheGateway_AsShown()
    {
        var calls = ApiGuide.CurlCalls(Guide);
        var failures = new List<string>();
        var http = demo.Platform.HttpAddress.ToString().TrimEnd('/');

        foreach (var call in calls)
        {
            // As a reader runs it on the platform: its address, a demo client's token, the secret of the client it names.
            var command = call.Command.Replace("http://127.0.0.1:7401", http, StringComparison.Ordinal);
            foreach (var client in new[] { "cchc-report-reader", "cchc-demo-loader", "cchc-approver", "tam-duong" })
            {
                foreach (var cchc in new[] { "./cchc", "../../cchc" })
                {
                    var substitution = $"$({cchc} token {client})";
                    if (command.Contains(substitution, StringComparison.Ordinal))
                    {
                        command = command.Replace(substitution, await demo.Platform.TokenForAsync(client), StringComparison.Ordinal);
                    }
                }
            }
            var secretOf = System.Text.RegularExpressions.Regex.Match(command, @"client_id=([\w.-]+)");
            var environment = new Dictionary<string, string> { ["SECRET"] = secretOf.Success ? demo.Platform.SecretOf(secretOf.Groups[1].Value) : "" };

            var answer = await ExternalProcess.RunAsync("bash", ["-c", command + " -w '\\n%{http_code}'"], TimeSpan.FromSeconds(60), environment, throwOnError: false);
            var cut = answer.LastIndexOf('\n');
            var (body, status) = cut < 0 ? ("", answer) : (answer[..cut], answer[(cut + 1)..].Trim());
            output.WriteLine($"line {call.Line}: {status} {body.Length} characters");
            // The answer as the guide abbreviates it: compact JSON (the server may indent it), a token as "eyJ…".
            var compact = Compact(body);
            var answered = compact is null ? body : ApiGuide.Normalise(compact);
            if (status != "200" || compact is null || (call.Shown is { } shown && !ApiGuide.ShownPattern(shown).IsMatch(answered)))
            {
                failures.Add($"line {call.Line}: {call.Command}{Environment.NewLine}  answered {status}: {answered[..Math.Min(answered.Length, 400)]}"
                    + (call.Shown is null ? "" : $"{Environment.NewLine}  the guide shows: {call.Shown}"));
            }
        }

        Assert.True(calls.Count >= 15, $"only {calls.Count} curl calls found in the guide");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The body as compact JSON (members in their order, text unescaped), or null when it is not JSON.</summary>
    private static string? Compact(string body)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body)?.ToJsonString(new JsonSerializerOptions
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
