using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Cchc.Contracts;
using Cchc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cchc.Demo.Tests;

/// <summary>
/// A whole platform with the demo loaded, as <c>./cchc run</c> leaves it: the real AppHost (local PostgreSQL and
/// RabbitMQ, every service, the gateway) on free ports with a throwaway data folder, then
/// <c>dotnet cchc-cli.dll demo load --grpc … --http … --token-url … --clients-file …</c> — the run command's own loader
/// invocation, authenticated as the demo loader client — and the appendices read back through the gateway.
/// </summary>
public sealed class DemoPlatform : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    /// <summary>~140 s on a quiet machine; the whole test suite runs beside it on two cores in CI (below ./cchc test's 20-minute hang limit).</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromMinutes(15);

    /// <summary>The years of the direction key figures read back (the national index ranks the body quotes, 2011–2019).</summary>
    public const string DirectionYears = "2011,2012,2013,2014,2015,2016,2017,2018,2019";

    private readonly IsolatedPlatform _platform = new("demo");
    private DistributedApplication? _app;

    /// <summary>Its addresses, data folder and demo clients.</summary>
    public IsolatedPlatform Platform => _platform;

    /// <summary>The demo loader's output (its progress lines and timings).</summary>
    public string LoaderOutput { get; private set; } = "";

    public TimeSpan LoadTime { get; private set; }

    /// <summary>The output of <c>demo approve</c> (the run command's approval of 2015–2019).</summary>
    public string ApproverOutput { get; private set; } = "";

    /// <summary>GET /api/reports/appendices/{no}?… through the gateway's HTTP port, anonymously (the published report).</summary>
    public IReadOnlyDictionary<int, JsonNode?> Appendices { get; private set; } = new Dictionary<int, JsonNode?>();

    /// <summary>GET /api/reports/key-figures/direction?periods=2011,…,2019 through the gateway, anonymously.</summary>
    public JsonNode? DirectionKeyFigures { get; private set; }

    public async Task InitializeAsync()
    {
        // The load makes the services log a line per refused lookup: keep the resources' informational output out of the
        // test host's (warnings and errors still show).
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Cchc_AppHost>(_platform.Arguments("CCHC_RESOURCE_CONSOLE=false"));
        builder.Services.AddLogging(logging => logging.AddFilter("Cchc.AppHost.Resources", LogLevel.Warning));
        _app = await builder.BuildAsync();
        using (var cts = new CancellationTokenSource(StartTimeout))
        {
            await _app.StartAsync(cts.Token);
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, cts.Token);
        }

        var watch = Stopwatch.StartNew();
        var (exitCode, output) = await RunLoaderAsync("load", "--grpc", _platform.GrpcAddress.ToString().TrimEnd('/'));
        LoadTime = watch.Elapsed;
        LoaderOutput = output;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"cchc-cli demo load exited with code {exitCode} after {LoadTime.TotalSeconds:N0} s:{Environment.NewLine}{output}");
        }
        // Then, as ./cchc run does, the Department's approver approves 2015-2019.
        (exitCode, output) = await RunLoaderAsync("approve", "--client-id", "cchc-approver");
        ApproverOutput = output;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"cchc-cli demo approve exited with code {exitCode}:{Environment.NewLine}{output}");
        }

        using var http = new HttpClient { BaseAddress = _platform.HttpAddress, Timeout = TimeSpan.FromSeconds(60) };
        var appendices = new Dictionary<int, JsonNode?>();
        // Appendix 1 (the programme's records) besides the fact-derived 2–7.
        foreach (var no in ReferenceComparison.Appendices.Prepend(1))
        {
            using var response = await http.GetAsync($"/api/reports/appendices/{no}?{ReferenceComparison.Query(no)}");
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET appendix {no}: {(int)response.StatusCode} {body}");
            }
            appendices[no] = JsonNode.Parse(body);
        }
        Appendices = appendices;
        DirectionKeyFigures = JsonNode.Parse(await http.GetStringAsync($"/api/reports/key-figures/direction?periods={DirectionYears}"));
    }

    /// <summary>The loader as a process, with ./cchc run's arguments (src/Cchc.Cli: the same code path as the run command).</summary>
    private async Task<(int ExitCode, string Output)> RunLoaderAsync(string verb, params string[] options)
    {
        var cli = typeof(DemoPlatform).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CchcCliAssembly").Value!;
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"{cli} is missing: build src/Cchc.Cli (the test project references it).", cli);
        }
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            cli, "demo", verb, .. options,
            "--http", _platform.HttpAddress.ToString().TrimEnd('/'),
            "--token-url", new Uri(_platform.HttpAddress, "/connect/token").ToString(),
            "--clients-file", _platform.ClientsFile,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("CCHC_CLIENT_SECRET");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(LoadTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cchc-cli demo load did not finish within {LoadTimeout.TotalMinutes:N0} min:{Environment.NewLine}{Snapshot()}");
        }
        process.WaitForExit(); // drains the redirected output
        return (process.ExitCode, Snapshot());

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _platform.DeleteData();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoPlatform>
{
    public const string Name = "demo";

    /// <summary>The tests that need the platform: ./cchc test runs them after every other test, alone (cmd_test).</summary>
    public const string Category = "DemoPlatform";
}
