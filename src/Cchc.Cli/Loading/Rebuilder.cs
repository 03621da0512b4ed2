using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Cchc.Cli.Auth;
using Cchc.Cli.Commands;

namespace Cchc.Cli.Loading;

/// <summary>
/// <c>rebuild</c>: POST /api/reports/rebuild, then GET /api/reports/rebuild/{id} every two seconds until its state is
/// "complete", printing a line whenever a service's progress changes.
/// </summary>
internal static class Rebuilder
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(Uri httpAddress, TokenRequest token, TimeSpan timeout, TextWriter output, CancellationToken cancellation)
    {
        using var tokenHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var tokens = new ClientCredentialTokens(tokenHttp, token, TimeProvider.System);
        using var http = new HttpClient(DemoLoader.Authenticated(new SocketsHttpHandler(), tokens)) { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(120) };
        var clock = Stopwatch.StartNew();
        using var started = await http.PostAsync("api/reports/rebuild", content: null, cancellation);
        var body = await started.Content.ReadAsStringAsync(cancellation);
        if (started.StatusCode == HttpStatusCode.Conflict)
        {
            throw new CommandFailedException($"a rebuild is already running: {Detail(body)}");
        }
        if (!started.IsSuccessStatusCode)
        {
            throw new CommandFailedException($"starting the rebuild failed ({(int)started.StatusCode}): {Detail(body)}");
        }
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        await output.WriteLineAsync($"Rebuild {id} started: the reporting service emptied its fact tables; waiting for the services to re-publish...");
        var last = string.Empty;
        while (true)
        {
            using var polled = await http.GetAsync($"api/reports/rebuild/{id}", cancellation);
            var text = await polled.Content.ReadAsStringAsync(cancellation);
            if (!polled.IsSuccessStatusCode)
            {
                throw new CommandFailedException($"reading the rebuild's status failed ({(int)polled.StatusCode}): {Detail(text)}");
            }
            var status = JsonDocument.Parse(text).RootElement;
            var progress = string.Join(", ", status.GetProperty("services").EnumerateArray().Select(Progress));
            if (progress != last)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:N1} s] {progress}"));
                last = progress;
            }
            if (status.GetProperty("state").GetString() == "complete")
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Rebuild {id} complete in {clock.Elapsed.TotalSeconds:N1} s: {status.GetProperty("note").GetString()}"));
                return;
            }
            if (clock.Elapsed > timeout)
            {
                throw new CommandFailedException(string.Create(CultureInfo.InvariantCulture,
                    $"the rebuild did not complete within {timeout.TotalSeconds:N0} s (it goes on; GET /api/reports/rebuild/{id} tells how far it is)."));
            }
            await Task.Delay(PollInterval, cancellation);
        }
    }

    /// <summary>"procedures 884/886 messages" once its marker is in, "procedures waiting" before.</summary>
    private static string Progress(JsonElement service)
    {
        var name = service.GetProperty("service").GetString();
        return service.GetProperty("republished").GetBoolean()
            ? string.Create(CultureInfo.InvariantCulture,
                $"{name} {service.GetProperty("applied").GetInt64()}/{service.GetProperty("messages").GetInt32()} messages ({service.GetProperty("records").GetInt64():N0} records)")
            : $"{name} republishing";
    }

    private static string Detail(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
