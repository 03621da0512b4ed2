using System.Diagnostics;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Google.Protobuf.WellKnownTypes;
using Xunit.Abstractions;

namespace Cchc.Procedures.Tests.Integration;

/// <summary>
/// A measurement, not a check (Category=Benchmark is left out of `./cchc test`): dossiers/s of ImportDossierBatches with
/// the demo's shape — 150 receiving units, received days spread over 2015–2020, calls of 50,000 records in batches of
/// 1,000 — so each call carries tens of thousands of distinct (unit, day) pairs for the unit reference check.
/// dotnet test tests/Cchc.Procedures.Tests -c Release --filter Category=Benchmark --logger "console;verbosity=detailed"
/// (CCHC_IMPORT_BENCH_RECORDS overrides the 200,000 records).
/// </summary>
[Collection(ProceduresServiceCollection.Name)]
public sealed class ImportBenchmark(ProceduresService service, ITestOutputHelper output)
{
    private const int Units = 150;
    private const int RecordsPerCall = 50_000;
    private const int RecordsPerBatch = 1_000;

    private static int Records =>
        int.TryParse(Environment.GetEnvironmentVariable("CCHC_IMPORT_BENCH_RECORDS"), out var n) && n > 0 ? n : 200_000;

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task ImportDossierBatches_DemoShape_DossiersPerSecond()
    {
        var units = Enumerable.Range(0, Units).Select(u => $"UBND xã Đo Tải {u:D3}").ToList();
        await ReferenceUnits.SeedAsync(service.ConnectionString, units);
        var procedure = TestData.NewId("TT");
        await service.Catalog.CreateProcedureAsync(TestData.Create(procedure, inForceFrom: "2010-01-01"));
        var prefix = TestData.NewId("BEN");
        var random = new Random(42);
        var start = new DateTimeOffset(2015, 1, 1, 1, 0, 0, TimeSpan.Zero);
        var days = (int)(new DateTimeOffset(2020, 12, 31, 0, 0, 0, TimeSpan.Zero) - start).TotalDays;
        var count = Records;

        // Warm-up call (JIT, plans), not measured.
        await ImportAsync(Enumerable.Range(0, 2_000).Select(i => Record($"{prefix}-w{i}", procedure, units[i % Units], start.AddDays(i % days))).ToList());

        var calls = Enumerable.Range(0, (count + RecordsPerCall - 1) / RecordsPerCall).Select(c =>
            Enumerable.Range(c * RecordsPerCall, Math.Min(RecordsPerCall, count - c * RecordsPerCall))
                .Select(i => Record($"{prefix}-{i:D7}", procedure, units[random.Next(Units)], start.AddDays(random.Next(days)).AddMinutes(random.Next(600))))
                .ToList()).ToList();
        var pairs = calls.Select(c => c.Select(r => (r.ReceivingUnit, Cchc.Contracts.VietnamCalendar.LocalDate(r.ReceivedAt.ToDateTimeOffset()))).Distinct().Count()).ToList();

        var watch = Stopwatch.StartNew();
        long inserted = 0;
        foreach (var call in calls)
        {
            inserted += (await ImportAsync(call)).Inserted;
        }
        watch.Stop();
        Assert.Equal(count, inserted);
        output.WriteLine($"{count:N0} dossiers in {calls.Count} calls ({pairs.Average():N0} distinct unit/day pairs per call): "
            + $"{watch.Elapsed.TotalSeconds:F1} s = {count / watch.Elapsed.TotalSeconds:N0} dossiers/s");

        // The unit reference check alone: the import's query over the distinct (unit, day) pairs of these dossiers.
        await using var connection = new Npgsql.NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        var day = Cchc.ReferenceData.UnitReferenceStore.VietnamDaySql("received_at");
        await using var check = new Npgsql.NpgsqlCommand(
            $"""
            SELECT count(*) FROM (SELECT receiving_unit, {day} AS day FROM dossiers WHERE starts_with(dossier_id, @p) GROUP BY 1, 2) p
            JOIN unnest(@raw, @normalized) AS n(raw, unit) ON n.raw COLLATE "C" = p.receiving_unit
            WHERE {Cchc.ReferenceData.UnitReferenceStore.MissingSql("(n.unit COLLATE \"C\")", "p.day")}
            """, connection);
        check.Parameters.AddWithValue("p", prefix + "-0");
        check.Parameters.AddWithValue("raw", units.ToArray());
        check.Parameters.AddWithValue("normalized", units.Select(Cchc.ReferenceData.UnitReferenceStore.Normalize).ToArray());
        var checkWatch = Stopwatch.StartNew();
        Assert.Equal(0L, (long)(await check.ExecuteScalarAsync())!);
        output.WriteLine($"unit check over the same {count:N0} dossiers' distinct unit/day pairs: {checkWatch.Elapsed.TotalMilliseconds:N0} ms");
    }

    private async Task<ImportDossiersResponse> ImportAsync(IReadOnlyList<DossierRecord> records)
    {
        using var call = service.Dossiers.ImportDossierBatches();
        foreach (var chunk in records.Chunk(RecordsPerBatch))
        {
            var batch = new DossierRecordBatch();
            batch.Records.AddRange(chunk);
            await call.RequestStream.WriteAsync(batch);
        }
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private static DossierRecord Record(string id, string procedure, string unit, DateTimeOffset received) => new()
    {
        DossierId = id, ProcedureCode = procedure, ReceivingUnit = unit, UnitLevel = GovernmentLevel.Commune, Channel = DossierChannel.Online,
        ReceivedAt = Timestamp.FromDateTimeOffset(received), DueAt = Timestamp.FromDateTimeOffset(received.AddDays(5)),
        Status = DossierStatus.Resolved, ClosedAt = Timestamp.FromDateTimeOffset(received.AddDays(2)),
    };
}
