using System.Diagnostics;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Procedures;
using Cchc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// The demo load's volume (~900 DossiersRecorded messages of 1,000 dossiers) through the real consumers, then
/// Appendix 3 for the six periods of the acceptance check. Prints the rates; asserts only that every fact arrived.
/// A measurement, not a check: `./cchc test` leaves the Benchmark category out and `./cchc bench` runs it
/// (dotnet test --filter Category=Benchmark --logger "console;verbosity=detailed").
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DemoLoadBenchmark(PostgresServer postgres, ITestOutputHelper output)
{
    private static readonly string[] Periods = ["2015", "2016", "2017", "2018", "2019", "2020-01-01..2020-03-31"];

    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task DemoVolume_ConsumerUpsertRate_AndAppendix3Time()
    {
        const int messages = 900, perMessage = 1_000;
        var random = new Random(1);
        var start = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var batches = Enumerable.Range(0, messages).Select(m => new DossiersRecorded
        {
            OccurredAt = DateTimeOffset.UtcNow,
            Dossiers = Enumerable.Range(0, perMessage).Select(i =>
            {
                var receivedAt = start.AddMinutes(random.Next(0, 5 * 365 * 24 * 60 + 90 * 24 * 60));
                var dueAt = receivedAt.AddDays(random.Next(1, 20));
                var early = receivedAt.AddHours(random.Next(1, 24 * 15));
                var closedAt = random.Next(200) == 0 ? dueAt.AddHours(random.Next(1, 48)) : (early < dueAt ? early : dueAt);
                return new DossierState
                {
                    DossierId = $"HS-{m:000}-{i:0000}",
                    Version = 2,
                    ProcedureCode = $"P{random.Next(2_100):0000}",
                    ReceivingUnit = $"Đơn vị {random.Next(115)}",
                    UnitLevel = (GovernmentLevel)random.Next(1, 4),
                    Channel = DossierChannel.InPerson,
                    Status = random.Next(50) == 0 ? DossierStatus.Returned : DossierStatus.Resolved,
                    ReceivedAt = receivedAt,
                    DueAt = dueAt,
                    ClosedAt = closedAt,
                };
            }).ToList(),
        }).ToList();
        var versions = Enumerable.Range(0, 2_100).Select(i => new ProcedureVersion
        {
            Code = $"P{i:0000}", Version = 1, EffectiveFrom = new DateOnly(2014, 1, 1).AddDays(random.Next(2_200)), Name = "x", Field = "y",
            Level = (GovernmentLevel)random.Next(1, 4), ResolvingUnit = "z", ReceivingPlace = (ReceivingPlace)random.Next(1, 5),
            InterAgencySameLevel = random.Next(20) == 0, InterAgencyBetweenLevels = random.Next(50) == 0, FourOnTheSpot = random.Next(7) == 0,
            OnlineLevel = OnlineServiceLevel.Level3, InForceFrom = new DateOnly(2014, 1, 1),
        }).ToList();

        await using var app = await ReportingApp.StartAsync(postgres, "bench");
        await app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new() { Versions = versions, OccurredAt = DateTimeOffset.UtcNow });

        var clock = Stopwatch.StartNew();
        await app.ConsumeConcurrentlyAsync(batches, TimeSpan.FromMinutes(10));
        clock.Stop();
        Assert.Equal(messages * perMessage, await app.QueryAsync(db => db.Dossiers.LongCountAsync()));
        output.WriteLine($"consumed {messages} messages x {perMessage} dossiers in {clock.Elapsed.TotalSeconds:0.0} s: " +
            $"{messages / clock.Elapsed.TotalSeconds:0} msg/s, {messages * perMessage / clock.Elapsed.TotalSeconds:0} dossiers/s");

        await MeasureAppendixAsync(app, "right after the load");
        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE dossier_facts"));
        await MeasureAppendixAsync(app, "after VACUUM ANALYZE");

        // Replaying the whole load changes nothing (and shows the no-op rate).
        clock.Restart();
        await app.ConsumeConcurrentlyAsync(batches.Take(100), TimeSpan.FromMinutes(5));
        output.WriteLine($"replay of 100 messages (new message ids, same dossier versions): {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(messages * perMessage, await app.QueryAsync(db => db.Dossiers.LongCountAsync()));
    }

    private async Task MeasureAppendixAsync(ReportingApp app, string when)
    {
        var times = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            var clock = Stopwatch.StartNew();
            await app.Appendix3Async(Periods);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var warm = times.Skip(1).Order().ToList();
        output.WriteLine($"Appendix 3, six periods, {when}: first {times[0]:0} ms, median {warm[warm.Count / 2]:0} ms, max {warm[^1]:0} ms");
    }
}
