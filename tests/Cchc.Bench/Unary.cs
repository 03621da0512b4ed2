using System.Diagnostics;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Cchc.Bench;

/// <summary>
/// Unary writes through the gateway against the same calls straight to the procedures service (benchmark 2): ReceiveDossier
/// with the same token and the same concurrency, in alternating rounds (gateway, direct, gateway, direct) so a machine
/// whose load changes during the run weighs on both alike. Reports calls/s, p50/p99 of each and the ratio of rates.
/// </summary>
internal static class Unary
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    public static async Task RunAsync(Platform platform, Options options)
    {
        var calls = options.Int("calls", 3_000);
        var concurrency = options.Int("concurrency", 16);
        var direct = await FindGrpcAsync(platform, options.Text("direct").Split(',', StringSplitOptions.RemoveEmptyEntries));
        Console.WriteLine($"unary: ReceiveDossier, {calls:N0} calls per round, {concurrency} concurrent; gateway {platform.Grpc}, direct {direct}");
        using var directChannel = platform.ChannelTo(direct);
        var run = $"U{DateTime.UtcNow:HHmmss}";

        // Warm-up of both paths (connections, JIT, token validation caches), not measured.
        await RoundAsync(platform.Channel, $"{run}-warm-g", 200, concurrency);
        await RoundAsync(directChannel, $"{run}-warm-d", 200, concurrency);

        var gateway = new List<double>();
        var straight = new List<double>();
        TimeSpan gatewayTime = default, directTime = default;
        for (var round = 0; round < 2; round++)
        {
            var (g, gt) = await RoundAsync(platform.Channel, $"{run}-g{round}", calls, concurrency);
            gateway.AddRange(g);
            gatewayTime += gt;
            var (d, dt) = await RoundAsync(directChannel, $"{run}-d{round}", calls, concurrency);
            straight.AddRange(d);
            directTime += dt;
        }
        var gatewayRate = gateway.Count / gatewayTime.TotalSeconds;
        var directRate = straight.Count / directTime.TotalSeconds;
        Console.WriteLine($"gateway: {gatewayRate:N0} calls/s, {Stats.Summary(gateway)}");
        Console.WriteLine($"direct: {directRate:N0} calls/s, {Stats.Summary(straight)}");
        Console.WriteLine($"ratio gateway/direct: {gatewayRate / directRate:0.00} (target >= 0.5)");
    }

    /// <summary>The procedures service's own h2c gRPC port among the candidates (its listening ports): the one that answers health.</summary>
    private static async Task<Uri> FindGrpcAsync(Platform platform, IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            var address = new Uri(candidate);
            using var channel = platform.ChannelTo(address);
            try
            {
                var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3));
                if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return address;
                }
            }
            catch (RpcException)
            {
                // not the gRPC port
            }
        }
        throw new BenchFailedException($"none of {string.Join(", ", candidates)} answers gRPC health: is the procedures service running?");
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed)> RoundAsync(GrpcChannel channel, string prefix, int calls, int concurrency)
    {
        var client = new DossierService.DossierServiceClient(channel);
        var latencies = new List<double>(calls);
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < calls)
            {
                var level = (GovernmentLevel)(1 + i % 3);
                var received = new DateTimeOffset(2010, 1 + i % 12, 1 + i % 28, 9, 0, 0, Vn);
                var start = Stopwatch.GetTimestamp();
                await client.ReceiveDossierAsync(new ReceiveDossierRequest
                {
                    DossierId = $"{prefix}-{i:D6}", ProcedureCode = Platform.ProcedureOf[level], ReceivingUnit = Platform.UnitOf(level, i),
                    UnitLevel = level, Channel = DossierChannel.InPerson,
                    ReceivedAt = Timestamp.FromDateTimeOffset(received), DueAt = Timestamp.FromDateTimeOffset(received.AddDays(10)),
                });
                var ms = Stats.Ms(start);
                lock (latencies)
                {
                    latencies.Add(ms);
                }
            }
        }));
        return (latencies, watch.Elapsed);
    }
}
