using System.Collections.Concurrent;
using Cchc.Cli.Commands;
using Cchc.Cli.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cchc.Cli.Tests;

/// <summary>
/// <c>cchc-cli rebuild</c> (docs/adr/0040) against a stand-in of the reporting API: it starts the rebuild with the
/// operator's token, polls the status until it is complete printing each change of progress, and reports a running
/// rebuild's 409 in its Vietnamese words.
/// </summary>
public sealed class RebuildCommandTests
{
    private const string Rebuilding = """{"id":"r1","state":"rebuilding","services":[{"service":"procedures","republished":false,"messages":0,"applied":0,"records":0}]}""";
    private const string HalfWay = """{"id":"r1","state":"rebuilding","services":[{"service":"procedures","republished":true,"messages":2,"applied":1,"records":1500}]}""";
    private const string Complete = """{"id":"r1","state":"complete","note":"Đã dựng lại xong số liệu báo cáo lúc 01:02 07/12/2026.","services":[{"service":"procedures","republished":true,"messages":2,"applied":2,"records":1500}]}""";

    [Fact]
    public async Task Rebuild_StartsWithTheOperatorsToken_PollsUntilComplete_AndPrintsTheProgress()
    {
        var answers = new ConcurrentQueue<string>([Rebuilding, HalfWay, HalfWay, Complete]);
        var posts = new ConcurrentQueue<string?>();
        await using var server = new TokenServer
        {
            Routes = app =>
            {
                app.MapPost("/api/reports/rebuild", (HttpContext http) =>
                {
                    posts.Enqueue(http.Request.Headers.Authorization.FirstOrDefault());
                    return Results.Text(Rebuilding, "application/json", statusCode: StatusCodes.Status202Accepted);
                });
                app.MapGet("/api/reports/rebuild/r1", () => Results.Text(answers.TryDequeue(out var next) ? next : Complete, "application/json"));
            },
        };
        await server.StartAsync();
        using var output = new StringWriter();

        await Rebuilder.RunAsync(server.Http, new TokenRequest(server.TokenUrl, TokenServer.ClientId, TokenServer.Secret), TimeSpan.FromSeconds(60), output,
            CancellationToken.None);

        Assert.Equal(["Bearer token-1"], posts);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Rebuild r1 started", lines[0], StringComparison.Ordinal);
        // One line per change of progress (the repeated half-way answer prints nothing), then the completion.
        Assert.Equal(3, lines.Count(l => l.Contains("procedures", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.EndsWith("procedures republishing", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("procedures 1/2 messages (1,500 records)", StringComparison.Ordinal));
        Assert.StartsWith("Rebuild r1 complete in", lines[^1], StringComparison.Ordinal);
        Assert.Contains("Đã dựng lại xong", lines[^1], StringComparison.Ordinal);
        Assert.Empty(answers);
    }

    [Fact]
    public async Task Rebuild_WhileOneRuns_FailsWithTheServersVietnameseReason()
    {
        await using var server = new TokenServer
        {
            Routes = app => app.MapPost("/api/reports/rebuild", () => Results.Problem(
                detail: "Đang có một lần dựng lại số liệu báo cáo chưa hoàn tất: chờ lần này xong rồi thử lại.", statusCode: StatusCodes.Status409Conflict)),
        };
        await server.StartAsync();
        using var output = new StringWriter();

        var error = await Assert.ThrowsAsync<CommandFailedException>(() => Rebuilder.RunAsync(server.Http,
            new TokenRequest(server.TokenUrl, TokenServer.ClientId, TokenServer.Secret), TimeSpan.FromSeconds(60), output, CancellationToken.None));

        Assert.Contains("a rebuild is already running: Đang có một lần dựng lại số liệu báo cáo chưa hoàn tất", error.Message, StringComparison.Ordinal);
    }
}
