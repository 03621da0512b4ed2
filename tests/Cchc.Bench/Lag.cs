using System.Diagnostics;
using System.Globalization;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace Cchc.Bench;

/// <summary>
/// Event pipeline lag (benchmark 3): under a steady load of unary writes (--load ReceiveDossier calls per second through the
/// gateway), probes — a province dossier received and then resolved, each on a day of 2009 no other fact touches — are timed
/// from the ResolveDossier response (the commit is behind it) until Appendix 3, asked for that one day through the gateway,
/// shows the province's on-time rate (it is blank until the dossier is counted). The report is polled every 20 ms, so a
/// figure is at most ~20 ms + one report request above the true lag.
/// </summary>
internal static class Lag
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private const string Label = "Tỷ lệ hồ sơ TTHC cấp tỉnh";

    public static async Task RunAsync(Platform platform, Options options)
    {
        var probes = options.Int("probes", 60);
        var load = options.Int("load", 20);
        var run = $"L{DateTime.UtcNow:HHmmss}";
        var client = new DossierService.DossierServiceClient(platform.Channel);
        Console.WriteLine($"lag: {probes} probes under {load} unary writes/s");

        using var stop = new CancellationTokenSource();
        long loadCalls = 0;
        var loadTask = Task.Run(async () =>
        {
            var interval = TimeSpan.FromSeconds(1.0 / load);
            var watch = Stopwatch.StartNew();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var due = interval * i - watch.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }
                var level = (GovernmentLevel)(1 + i % 3);
                var received = new DateTimeOffset(2008, 1 + i % 12, 1 + i % 28, 9, 0, 0, Vn);
                _ = client.ReceiveDossierAsync(new ReceiveDossierRequest
                {
                    DossierId = $"{run}-load-{i:D6}", ProcedureCode = Platform.ProcedureOf[level], ReceivingUnit = Platform.UnitOf(level, i),
                    UnitLevel = level, Channel = DossierChannel.Online,
                    ReceivedAt = Timestamp.FromDateTimeOffset(received), DueAt = Timestamp.FromDateTimeOffset(received.AddDays(10)),
                }).ResponseAsync.ContinueWith(t => { if (t.IsCompletedSuccessfully) Interlocked.Increment(ref loadCalls); }, TaskScheduler.Default);
            }
        });

        var lags = new List<double>();
        var first = new DateOnly(2009, 1, 1).AddDays(DateTime.UtcNow.Second * 6 % 300); // another run's probes are on other days
        for (var p = 0; p < probes; p++)
        {
            var day = first.AddDays(p);
            var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), Vn);
            var id = $"{run}-probe-{p:D3}";
            await client.ReceiveDossierAsync(new ReceiveDossierRequest
            {
                DossierId = id, ProcedureCode = Platform.ProcedureOf[GovernmentLevel.Province], ReceivingUnit = Platform.UnitOf(GovernmentLevel.Province, p),
                UnitLevel = GovernmentLevel.Province, Channel = DossierChannel.InPerson,
                ReceivedAt = Timestamp.FromDateTimeOffset(received), DueAt = Timestamp.FromDateTimeOffset(received.AddDays(10)),
            });
            if (await ProvinceRateShownAsync(platform, day))
            {
                throw new BenchFailedException($"{Platform.Day(day)} already has resolved province dossiers: the probe cannot be timed");
            }
            await client.ResolveDossierAsync(new CloseDossierRequest { DossierId = id, ClosedAt = Timestamp.FromDateTimeOffset(received.AddHours(4)) });
            var committed = Stopwatch.GetTimestamp();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await ProvinceRateShownAsync(platform, day))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new BenchFailedException($"probe {id} not in the report after 60 s");
                }
                await Task.Delay(20);
            }
            lags.Add(Stats.Ms(committed));
        }
        await stop.CancelAsync();
        await loadTask;
        Console.WriteLine($"load: {Interlocked.Read(ref loadCalls):N0} writes completed beside the probes");
        Console.WriteLine($"lag commit -> report: {Stats.Summary(lags)} (target p99 <= 2000 ms)");
    }

    private static async Task<bool> ProvinceRateShownAsync(Platform platform, DateOnly day)
    {
        var period = $"{Platform.Day(day)}..{Platform.Day(day)}";
        var appendix = Json.Parse(await platform.HttpClient.GetStringAsync($"/api/reports/appendices/3?periods={period}"));
        foreach (var row in appendix.GetProperty("rows").EnumerateArray())
        {
            if (row.GetProperty("label").GetString()?.StartsWith(Label, StringComparison.Ordinal) == true)
            {
                return row.GetProperty("values").GetProperty(period).ValueKind == System.Text.Json.JsonValueKind.Number;
            }
        }
        throw new BenchFailedException($"Appendix 3 has no row '{Label}…'");
    }
}

/// <summary>
/// Full report latency (benchmark 4): every appendix the report API lists, each for the six periods of the source report
/// (Appendix 4 on its two days), fetched one after the other through the gateway as a reader exporting the whole report;
/// one cold pass, then --runs timed passes. With --postgres (the reporting database), --runs passes computed from the facts
/// (the read model's revision moved before each: the reporting service's cache misses) and --runs passes it may answer.
/// </summary>
internal static class ReportLatency
{
    public const string Periods = "2015,2016,2017,2018,2019,2020-01-01..2020-03-31";
    public const string Appendix4Days = "2010-12-31,2019-12-31";

    /// <summary>
    /// What moves the read model's revision by hand (src/Cchc.Reporting.Api/Data/ReadModelRevision.cs) without changing a fact:
    /// every table computed after it misses the reporting service's cache (docs/adr/0044), as after a consumed event.
    /// </summary>
    private const string MoveRevisionSql = """
        INSERT INTO read_model_revisions AS r (slot, value) VALUES (-1, 1) ON CONFLICT (slot) DO UPDATE SET value = r.value + 1
        """;

    public static async Task RunAsync(Platform platform, Options options)
    {
        var runs = options.Int("runs", 20);
        var list = Json.Parse(await platform.HttpClient.GetStringAsync("/api/reports/appendices"));
        var numbers = list.EnumerateArray().Select(a => a.GetProperty("no").ToString()).ToList();
        var columns = 0;
        var cold = Stopwatch.StartNew();
        foreach (var no in numbers)
        {
            var appendix = Json.Parse(await platform.HttpClient.GetStringAsync(Query(no)));
            columns = Math.Max(columns, appendix.GetProperty("rows").EnumerateArray().Select(r => r.TryGetProperty("values", out var v) ? v.EnumerateObject().Count() : 0).Max());
        }
        Console.WriteLine($"report: appendices {string.Join(", ", numbers)} ({numbers.Count}), up to {columns} columns; cold pass {cold.Elapsed.TotalMilliseconds:0} ms");
        // With --postgres (the read model's database): first passes computed from the facts — the revision moved before each
        // pass, as when an event was consumed in between —, then the passes the cache may answer (nothing written meanwhile).
        if (options.Optional("postgres") is { } postgres)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await PassesAsync(platform, numbers, runs, "computed from the facts, the read model's revision moved before each pass", async () =>
            {
                await using var command = new NpgsqlCommand(MoveRevisionSql, connection);
                await command.ExecuteNonQueryAsync();
            });
            await PassesAsync(platform, numbers, runs, "nothing written meanwhile, served from the cache", null);
        }
        else
        {
            await PassesAsync(platform, numbers, runs, null, null);
        }
    }

    private static async Task PassesAsync(Platform platform, List<string> numbers, int runs, string? what, Func<Task>? beforeEachPass)
    {
        var passes = new List<double>();
        var each = numbers.ToDictionary(n => n, _ => new List<double>());
        for (var r = 0; r < runs; r++)
        {
            if (beforeEachPass is not null)
            {
                await beforeEachPass();
            }
            var start = Stopwatch.GetTimestamp();
            foreach (var no in numbers)
            {
                var one = Stopwatch.GetTimestamp();
                using var response = await platform.HttpClient.GetAsync(Query(no));
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                each[no].Add(Stats.Ms(one));
            }
            passes.Add(Stats.Ms(start));
        }
        if (what is not null)
        {
            Console.WriteLine($"{what}:");
        }
        foreach (var (no, ms) in each)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  appendix {no}: {Stats.Summary(ms)}"));
        }
        Console.WriteLine($"full report{(what is null ? string.Empty : $", {what}")}: {Stats.Summary(passes)}");
    }

    private static string Query(string no) => no == "4" ? $"/api/reports/appendices/4?asOf={Appendix4Days}" : $"/api/reports/appendices/{no}?periods={Periods}";
}
