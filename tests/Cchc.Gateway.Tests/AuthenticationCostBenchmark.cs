using System.Diagnostics;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace Cchc.Gateway.Tests;

/// <summary>Two gateways in one process, same backend: one validates tokens (the shipped pipeline), one does not.</summary>
public sealed class WithTokensFixture() : GatewayFixture(new Dictionary<string, string?> { ["Gateway:RateLimit:Enabled"] = "false" });

public sealed class WithoutTokensFixture() : GatewayFixture(new Dictionary<string, string?> { ["Gateway:RateLimit:Enabled"] = "false" }, enforceTokens: false);

/// <summary>
/// The cost of authentication at the gateway: unary calls per second of a small RPC
/// (/cchc.procedures.v1.ProcedureCatalogService/GetProcedure answered by a fake backend, so the gateway dominates)
/// with a validated RS256 token and without token validation, interleaved rounds, 32 concurrent callers.
/// A measurement, not a check (Category=Benchmark is left out of `./cchc test`):
/// dotnet test tests/Cchc.Gateway.Tests -c Release --filter Category=Benchmark --logger "console;verbosity=detailed"
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthenticationCostBenchmark(WithTokensFixture secured, WithoutTokensFixture open, ITestOutputHelper output)
    : IClassFixture<WithTokensFixture>, IClassFixture<WithoutTokensFixture>
{
    private const int Callers = 32;
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(5);

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task UnaryCallsPerSecond_WithAndWithoutTokenValidation()
    {
        using var withToken = secured.CreateChannel(secured.Token);
        using var withoutToken = open.CreateChannel(null);
        await RunAsync(withToken, TimeSpan.FromSeconds(10)); // warm-up: tiered JIT, connections, the issuer's keys
        await RunAsync(withoutToken, TimeSpan.FromSeconds(10));

        var rates = new List<(string Kind, double Rate)>();
        for (var round = 0; round < 4; round++)
        {
            rates.Add(("with token validation", await RunAsync(withToken, Round)));
            rates.Add(("without token validation", await RunAsync(withoutToken, Round)));
        }
        foreach (var group in rates.GroupBy(r => r.Kind))
        {
            output.WriteLine($"{group.Key}: {string.Join(", ", group.Select(r => $"{r.Rate:0} calls/s"))} (median {Median(group.Select(r => r.Rate)):0})");
        }
        var ratio = Median(rates.Where(r => r.Kind.StartsWith("with ", StringComparison.Ordinal)).Select(r => r.Rate))
            / Median(rates.Where(r => r.Kind.StartsWith("without", StringComparison.Ordinal)).Select(r => r.Rate));
        output.WriteLine($"ratio with/without: {ratio:0.00}; {Environment.ProcessorCount} cores, {Callers} concurrent callers, {Round.TotalSeconds:0} s rounds");
        Assert.All(rates, r => Assert.True(r.Rate > 0));
    }

    private static async Task<double> RunAsync(GrpcChannel channel, TimeSpan duration)
    {
        var calls = 0L;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Callers).Select(async _ =>
        {
            while (stopwatch.Elapsed < duration)
            {
                await GrpcCalls.CallAsync(channel, FakeBackend.BenchmarkMethod, [0x0a, 0x03, 0x31, 0x2e, 0x31]);
                Interlocked.Increment(ref calls);
            }
        });
        await Task.WhenAll(workers);
        return calls / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>The middle value; of an even count (four rounds), the mean of the two middle values.</summary>
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
