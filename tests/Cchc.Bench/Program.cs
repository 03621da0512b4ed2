using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cchc.Bench;

// cchc-bench COMMAND --grpc URL --http URL --clients-file FILE [options]: one measurement per command, figures on stdout
// as "name: value" lines that ./cchc bench collects into .cchc/bench/*.txt (docs/benchmarks.md).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("""
        Usage: cchc-bench COMMAND --grpc URL --http URL --clients-file FILE [options]
          decade  [--dossiers 1561231] [--call-size 50000] [--in-flight 2] [--postgres CONNSTR]
                  each dossier received and resolved (2011-01-01 .. 2020-03-31) through the gateway's bulk API, until the
                  report's read model holds them all; totals checked exactly (with --postgres: the daily counts too)
          unary   --direct URL[,URL...] [--calls 3000] [--concurrency 16]
                  ReceiveDossier through the gateway and straight to the procedures service, alternately, same run
          lag     [--probes 60] [--load 20]   commit -> the report reflecting it, under a steady unary write load (per s)
          report  [--runs 20] [--postgres CONNSTR]
                  the full report: every appendix with six columns, through the gateway (with --postgres, the reporting
                  database: first computed from the facts, the read model's revision moved before each pass, then cached)
        """);
    return 0;
}
var options = Options.Parse(args.Skip(1));
try
{
    var bench = await Platform.ConnectAsync(options);
    switch (args[0])
    {
        case "decade": await Decade.RunAsync(bench, options); break;
        case "unary": await Unary.RunAsync(bench, options); break;
        case "lag": await Lag.RunAsync(bench, options); break;
        case "report": await ReportLatency.RunAsync(bench, options); break;
        default: Console.Error.WriteLine($"unknown command {args[0]}"); return 2;
    }
    return 0;
}
catch (Exception e) when (e is BenchFailedException or Grpc.Core.RpcException or HttpRequestException)
{
    Console.Error.WriteLine($"cchc-bench {args[0]}: FAILED: {e.Message}");
    return 1;
}

namespace Cchc.Bench
{
    internal sealed class BenchFailedException(string message) : Exception(message);

    internal sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(IEnumerable<string> args)
        {
            var list = args.ToList();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < list.Count; i += 2)
            {
                if (!list[i].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"expected --option, got {list[i]}");
                }
                values[list[i][2..]] = list[i + 1];
            }
            return new Options(values);
        }

        public string Text(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");

        public string? Optional(string name) => values.GetValueOrDefault(name);

        public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Percentiles of a sample of durations (nearest rank).</summary>
    internal static class Stats
    {
        public static double Percentile(IReadOnlyList<double> sorted, double p) =>
            sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

        public static string Summary(List<double> ms)
        {
            ms.Sort();
            return $"p50 {Percentile(ms, 50):0.0} ms, p95 {Percentile(ms, 95):0.0} ms, p99 {Percentile(ms, 99):0.0} ms, max {ms[^1]:0.0} ms (n={ms.Count})";
        }

        public static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
    }

    internal static class Json
    {
        public static JsonElement Parse(string text)
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
    }
}
