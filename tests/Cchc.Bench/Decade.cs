using System.Diagnostics;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace Cchc.Bench;

/// <summary>
/// The decade of dossiers (issue 17, benchmark 1): the source province's 2011 – 3/2020 volume, each dossier received and
/// resolved, sent through the gateway's bulk API (ImportDossierBatches: calls of --call-size records in messages of 1,000,
/// --in-flight calls at a time) and timed until the report's read model holds every one of them. The totals are then
/// checked exactly: the read model's dossier count grew by exactly the number sent, and (with --postgres, the reporting
/// database) the daily counts the appendices sum grew by exactly that many resolved dossiers and the on-time ones.
/// </summary>
internal static class Decade
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    // The source province's 2011 – 3/2020 volume, dated in the ten years before 2015: the bench's platform is started by
    // ./cchc run, which approves 2015–2019, and ordinary writes dated in an approved year are refused (ADR 0035) — the
    // closing day included: a late dossier closes 12 days after it was received (Record), so the last receiving day is
    // 19/12/2014 and every dossier closes in 2014.
    private static readonly DateOnly First = new(2005, 1, 1);
    private static readonly DateOnly Last = new(2014, 12, 19);
    private const int MessageSize = 1_000;

    public static async Task RunAsync(Platform platform, Options options)
    {
        var count = options.Int("dossiers", 1_561_231);
        var callSize = options.Int("call-size", 50_000);
        var inFlight = options.Int("in-flight", 2);
        var prefix = options.Optional("prefix") ?? $"BENCH-{DateTime.UtcNow:yyyyMMddHHmmss}";
        var postgres = options.Optional("postgres");
        var days = Last.DayNumber - First.DayNumber + 1;

        var before = await platform.ReportedDossiersAsync();
        var countsBefore = postgres is null ? default : await DailyCountsAsync(postgres);
        var expectedOnTime = Enumerable.Range(0, count).LongCount(i => !IsLate(i));
        Console.WriteLine($"decade: {count:N0} dossiers (ids {prefix}-…, {First:yyyy-MM-dd} .. {Last:yyyy-MM-dd}), calls of {callSize:N0}, {inFlight} in flight; read model holds {before:N0} before");

        var client = new DossierService.DossierServiceClient(platform.Channel);
        var started = Stopwatch.StartNew();
        long inserted = 0, sent = 0;
        var calls = (count + callSize - 1) / callSize;
        var next = -1;
        var progress = Stopwatch.StartNew();
        async Task Worker()
        {
            int call;
            while ((call = Interlocked.Increment(ref next)) < calls)
            {
                var first = call * callSize;
                var last = Math.Min(count, first + callSize);
                using var stream = client.ImportDossierBatches(deadline: DateTime.UtcNow.AddMinutes(10));
                for (var start = first; start < last; start += MessageSize)
                {
                    var batch = new DossierRecordBatch();
                    for (var i = start; i < Math.Min(last, start + MessageSize); i++)
                    {
                        batch.Records.Add(Record(prefix, i, days));
                    }
                    await stream.RequestStream.WriteAsync(batch);
                }
                await stream.RequestStream.CompleteAsync();
                var response = await stream.ResponseAsync;
                Interlocked.Add(ref inserted, response.Inserted);
                var total = Interlocked.Add(ref sent, last - first);
                lock (progress)
                {
                    if (progress.Elapsed > TimeSpan.FromSeconds(10))
                    {
                        progress.Restart();
                        Console.WriteLine($"  sent {total:N0} in {started.Elapsed.TotalSeconds:0.0} s ({total / started.Elapsed.TotalSeconds:N0}/s)");
                    }
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Worker()));
        var sendTime = started.Elapsed;
        Console.WriteLine($"sent: {sent:N0} in {sendTime.TotalSeconds:0.0} s ({sent / sendTime.TotalSeconds:N0} dossiers/s), inserted {inserted:N0}");

        var deadline = DateTime.UtcNow.AddMinutes(15);
        long reported;
        while ((reported = await platform.ReportedDossiersAsync()) < before + count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new BenchFailedException($"the read model holds {reported - before:N0} of {count:N0} after 15 min");
            }
            await Task.Delay(200);
        }
        var endToEnd = started.Elapsed;
        Console.WriteLine($"end to end: {count:N0} dossiers in {endToEnd.TotalSeconds:0.0} s = {count / endToEnd.TotalSeconds:N0} dossiers/s (target >= 25,000/s); report caught up {(endToEnd - sendTime).TotalSeconds:0.0} s after the last call returned");
        Check(reported == before + count, $"read model dossiers: {before:N0} + {count:N0} = {before + count:N0}, holds {reported:N0}");
        Check(inserted == count, $"inserted {inserted:N0} of {count:N0} (a re-run with the same --prefix counts them unchanged)");
        if (postgres is not null)
        {
            var after = await DailyCountsAsync(postgres);
            Check(after.Resolved - countsBefore.Resolved == count, $"daily counts, resolved: +{after.Resolved - countsBefore.Resolved:N0}, expected +{count:N0}");
            Check(after.OnTime - countsBefore.OnTime == expectedOnTime, $"daily counts, on time: +{after.OnTime - countsBefore.OnTime:N0}, expected +{expectedOnTime:N0}");
        }
    }

    private static void Check(bool ok, string what)
    {
        Console.WriteLine($"totals: {(ok ? "exact" : "WRONG")}: {what}");
        if (!ok)
        {
            throw new BenchFailedException(what);
        }
    }

    private static bool IsLate(int i) => i % 9 == 0;

    private static DossierRecord Record(string prefix, int i, int days)
    {
        var level = (GovernmentLevel)(1 + i % 3);
        var day = First.AddDays(i % days);
        var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 30)), Vn).AddMinutes(i % 540);
        var due = received.AddDays(10);
        var closed = IsLate(i) ? due.AddDays(2) : received.AddDays(3);
        return new DossierRecord
        {
            DossierId = $"{prefix}-{i:D8}", ProcedureCode = Platform.ProcedureOf[level], ReceivingUnit = Platform.UnitOf(level, i / 3),
            UnitLevel = level, Channel = i % 5 == 0 ? DossierChannel.Online : DossierChannel.InPerson,
            ReceivedAt = Timestamp.FromDateTimeOffset(received), DueAt = Timestamp.FromDateTimeOffset(due),
            Status = DossierStatus.Resolved, ClosedAt = Timestamp.FromDateTimeOffset(closed), ProcessedElectronically = i % 2 == 0,
        };
    }

    private static async Task<(long Resolved, long OnTime)> DailyCountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(dossiers), 0)::bigint, coalesce(sum(on_time), 0)::bigint FROM dossier_daily_counts WHERE status = 2", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
