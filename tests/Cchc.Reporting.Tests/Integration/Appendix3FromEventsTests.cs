using Cchc.Contracts.Events.Procedures;
using Cchc.Messaging;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;
using Cchc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Tests.Integration;

[Collection(PostgresCollection.Name)]
public sealed class Appendix3FromEventsTests(PostgresServer postgres)
{
    private static readonly string[] Periods = ["2018", "2019", "2020-01-01..2020-03-31", "2019-07-01..2020-06-30", "2020-08-15..2020-08-15"];

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static decimal? Number(ReportValue? value) => value switch
    {
        null => null,
        ReportValue.Number n => n.Value,
        _ => throw new InvalidOperationException($"Not a number: {value}"),
    };

    private static void AssertMatches(AppendixReport report, Scenario scenario, IEnumerable<DossierState>? dossiers = null)
    {
        foreach (var period in report.Periods)
        {
            var expected = ExpectedAppendix3.For(period, scenario.Versions, dossiers ?? scenario.DossierStates, scenario.FeedbackStates);
            foreach (var row in report.Rows.Where(r => !r.Definition.Heading))
            {
                Assert.True(expected.ContainsKey(row.Definition.Indicator), $"no expectation for {row.Definition.Indicator}");
                Assert.True(expected[row.Definition.Indicator] == Number(row.Values![period.Key]),
                    $"{row.Definition.Indicator} in {period.Key}: expected {expected[row.Definition.Indicator]?.ToString() ?? "blank"}, got {row.Values[period.Key]?.ToString() ?? "blank"}");
            }
        }
    }

    private static async Task PublishAsync(ReportingApp app, Scenario scenario, int batchSize)
    {
        foreach (var chunk in scenario.Versions.Chunk(batchSize))
        {
            await app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new() { Versions = chunk, OccurredAt = Now });
        }
        foreach (var chunk in scenario.DossierStates.Chunk(batchSize))
        {
            await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = chunk, OccurredAt = Now });
        }
        foreach (var chunk in scenario.FeedbackStates.Chunk(batchSize))
        {
            await app.ConsumeAsync<FeedbackRecordedConsumer, FeedbackRecorded>(new() { Items = chunk, OccurredAt = Now });
        }
    }

    [Fact]
    public async Task Appendix3_ComputedFromConsumedEvents_EqualsTheTestsOwnComputation()
    {
        var scenario = new Scenario(seed: 3, procedures: 150, dossiers: 3_000, feedback: 60);
        await using var app = await ReportingApp.StartAsync(postgres, "app3_events");

        await PublishAsync(app, scenario, batchSize: 500);

        var report = await app.Appendix3Async(Periods);
        AssertMatches(report, scenario);
        // The scenario is rich enough that the comparison means something.
        var inForce = report.Rows.Single(r => r.Definition.Indicator == "procedures.in_force.total").Values!["2019"];
        Assert.True(Number(inForce) > 0);
        Assert.Contains(report.Rows, r => r.Definition.Indicator == "dossiers.on_time_rate.district" && Number(r.Values!["2019"]) is > 0 and < 100);
    }

    [Fact]
    public async Task EventsInShuffledOrderWithReplays_GiveTheSameAppendixAsInOrder()
    {
        var scenario = new Scenario(seed: 11, procedures: 60, dossiers: 1_500, feedback: 30);
        await using var app = await ReportingApp.StartAsync(postgres, "app3_shuffled");
        var random = new Random(5);
        var shuffled = new Scenario(seed: 11, procedures: 60, dossiers: 1_500, feedback: 30);
        var reordered = shuffled.DossierStates.OrderBy(_ => random.Next()).ToList();
        shuffled.DossierStates.Clear();
        // Every state twice: in a random order (so older versions often arrive after newer ones), then replayed.
        shuffled.DossierStates.AddRange(reordered.Concat(reordered.OrderBy(_ => random.Next())));
        shuffled.FeedbackStates.Reverse();
        shuffled.Versions.Reverse();

        await PublishAsync(app, shuffled, batchSize: 400);

        AssertMatches(await app.Appendix3Async(Periods), scenario);
        await AssertDailyCountsEqualTheFactsAsync(app);
    }

    [Fact]
    public async Task OverlappingBatchesConsumedConcurrently_GiveTheSameAppendixAndConsistentDailyCounts()
    {
        var scenario = new Scenario(seed: 23, procedures: 40, dossiers: 2_000, feedback: 10);
        await using var app = await ReportingApp.StartAsync(postgres, "app3_concurrent");
        await app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new() { Versions = scenario.Versions, OccurredAt = Now });
        await app.ConsumeAsync<FeedbackRecordedConsumer, FeedbackRecorded>(new() { Items = scenario.FeedbackStates, OccurredAt = Now });
        var random = new Random(9);
        // Each state in two different batches, batches shuffled: concurrent consumers race on the same dossiers and day counters.
        var states = scenario.DossierStates.Concat(scenario.DossierStates).OrderBy(_ => random.Next()).ToList();
        var batches = states.Chunk(250).Select(chunk => new DossiersRecorded { Dossiers = chunk, OccurredAt = Now });

        await app.ConsumeConcurrentlyAsync(batches);

        AssertMatches(await app.Appendix3Async(Periods), scenario);
        await AssertDailyCountsEqualTheFactsAsync(app);
    }

    /// <summary>The incrementally kept dossier_daily_counts equal a rebuild from dossier_facts.</summary>
    internal static async Task AssertDailyCountsEqualTheFactsAsync(ReportingApp app)
    {
        var rebuilt = await app.QueryAsync(db => db.Dossiers.Where(d => d.ClosedOn != null)
            .GroupBy(d => new { d.ClosedOn, d.UnitLevel, d.Status })
            .Select(g => new { Day = g.Key.ClosedOn!.Value, g.Key.UnitLevel, g.Key.Status, Dossiers = (long)g.Count(), OnTime = (long)g.Count(d => d.OnTime == true) })
            .ToListAsync());
        var kept = await app.QueryAsync(db => db.DossierDailyCounts.Where(c => c.Dossiers != 0 || c.OnTime != 0)
            .Select(c => new { Day = c.ClosedOn, c.UnitLevel, c.Status, c.Dossiers, c.OnTime })
            .ToListAsync());
        Assert.NotEmpty(rebuilt);
        Assert.Equal(rebuilt.OrderBy(r => (r.Day, r.UnitLevel, r.Status)), kept.OrderBy(r => (r.Day, r.UnitLevel, r.Status)));
    }

    [Fact]
    public async Task SameMessageDeliveredTwice_IsHandledOnce()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "app3_duplicate");
        var state = Dossier("HS-1", 1, DossierStatus.Received, closedAt: null);
        var messageId = Guid.NewGuid();
        var message = new DossiersRecorded { Dossiers = [state], OccurredAt = Now };

        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(message, messageId);
        // The same delivery again (a redelivery after a lost ack), then a newer state under the same message id:
        // the inbox must skip both, so the dossier stays received.
        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(message, messageId);
        var newer = new DossiersRecorded { Dossiers = [state with { Version = 2, Status = DossierStatus.Resolved, ClosedAt = state.DueAt.AddDays(-1) }], OccurredAt = Now };
        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(newer, messageId);

        var fact = await app.QueryAsync(db => db.Dossiers.SingleAsync());
        Assert.Equal((1, DossierStatus.Received), (fact.Version, fact.Status));
        Assert.Equal(1, await app.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId)));
    }

    [Fact]
    public async Task OlderDossierVersionArrivingAfterANewerOne_IsIgnored()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "app3_older_version");
        var received = Dossier("HS-2", 1, DossierStatus.Received, closedAt: null);
        var late = received with { Version = 2, Status = DossierStatus.Resolved, ClosedAt = received.DueAt.AddHours(2) };

        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = [late], OccurredAt = Now });
        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = [received], OccurredAt = Now });

        var fact = await app.QueryAsync(db => db.Dossiers.SingleAsync());
        Assert.Equal((2, DossierStatus.Resolved, (bool?)false), (fact.Version, fact.Status, fact.OnTime));
        var report = await app.Appendix3Async("2019");
        Assert.Equal(ReportValue.Of(0m), report.Rows.Single(r => r.Definition.Indicator == "dossiers.on_time_rate.district").Values!["2019"]);
    }

    [Fact]
    public async Task OneBatchHoldingTwoStatesOfADossier_KeepsTheNewer()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "app3_same_batch");
        var received = Dossier("HS-3", 1, DossierStatus.Received, closedAt: null);
        var resolved = received with { Version = 2, Status = DossierStatus.Resolved, ClosedAt = received.DueAt.AddDays(-1) };

        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = [resolved, received], OccurredAt = Now });

        var fact = await app.QueryAsync(db => db.Dossiers.SingleAsync());
        Assert.Equal((2, (bool?)true), (fact.Version, fact.OnTime));
    }

    [Fact]
    public async Task ProcedureAbolishedOnDayD_CountsTheDayBeforeButNotOnD()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "app3_abolished");
        var abolishedOn = new DateOnly(2019, 6, 15);
        var announced = Procedure("P1", 1, new DateOnly(2018, 1, 1), GovernmentLevel.Commune);
        var kept = Procedure("P2", 1, new DateOnly(2018, 1, 1), GovernmentLevel.Commune);
        await app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new()
        {
            Versions = [announced, kept, announced with { Version = 2, EffectiveFrom = abolishedOn, AbolishedOn = abolishedOn }],
            OccurredAt = Now,
        });

        var dayBefore = $"2019-01-01..{abolishedOn.AddDays(-1):yyyy-MM-dd}";
        var onTheDay = $"2019-01-01..{abolishedOn:yyyy-MM-dd}";
        var report = await app.Appendix3Async(dayBefore, onTheDay);

        var commune = report.Rows.Single(r => r.Definition.Indicator == "procedures.in_force.commune").Values!;
        Assert.Equal(ReportValue.Of(2L), commune[dayBefore]);
        Assert.Equal(ReportValue.Of(1L), commune[onTheDay]);
    }

    [Fact]
    public async Task VersionAmendedMidPeriod_CountsTheLevelInEffectAtThePeriodEnd()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "app3_amended");
        var v1 = Procedure("P1", 1, new DateOnly(2018, 3, 1), GovernmentLevel.District);
        var v2 = v1 with { Version = 2, EffectiveFrom = new DateOnly(2019, 7, 1), Level = GovernmentLevel.Province, ReceivingPlace = ReceivingPlace.ProvincialCentre };
        // The amendment arrives first: versions are kept by (code, version), whatever the order.
        await app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new() { Versions = [v2], OccurredAt = Now });
        await app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new() { Versions = [v1], OccurredAt = Now });

        var report = await app.Appendix3Async("2018", "2019", "2019-01-01..2019-06-30");
        ReportValue? Cell(string indicator, string period) => report.Rows.Single(r => r.Definition.Indicator == indicator).Values![period];

        Assert.Equal(ReportValue.Of(1L), Cell("procedures.in_force.district", "2018"));
        Assert.Equal(ReportValue.Of(0L), Cell("procedures.in_force.province", "2018"));
        Assert.Equal(ReportValue.Of(1L), Cell("procedures.in_force.district", "2019-01-01..2019-06-30"));
        Assert.Equal(ReportValue.Of(0L), Cell("procedures.in_force.district", "2019"));
        Assert.Equal(ReportValue.Of(1L), Cell("procedures.in_force.province", "2019"));
        Assert.Equal(ReportValue.Of(1L), Cell("procedures.one_stop.provincial_centre", "2019"));
        Assert.Equal(ReportValue.Of(1L), Cell("procedures.in_force.total", "2019"));
    }

    [Fact]
    public async Task NothingRecorded_CountsAreZero_RatesAndUnsourcedRowsAreBlank()
    {
        await using var app = await ReportingApp.StartAsync(postgres, "app3_empty");
        var report = await app.Appendix3Async("2019");
        ReportValue? Cell(string indicator) => report.Rows.Single(r => r.Definition.Indicator == indicator).Values!["2019"];

        Assert.Equal(ReportValue.Of(0L), Cell("procedures.in_force.total"));
        Assert.Equal(ReportValue.Of(0L), Cell("feedback.received"));
        Assert.Null(Cell("dossiers.on_time_rate.province"));
        Assert.Null(Cell("procedures.simplified_after_review"));
        Assert.Null(Cell("procedures.issued_by_province"));
    }

    internal static DossierState Dossier(string id, int version, DossierStatus status, DateTimeOffset? closedAt)
    {
        var receivedAt = new DateTimeOffset(2019, 5, 2, 8, 0, 0, TimeSpan.FromHours(7));
        return new DossierState
        {
            DossierId = id,
            Version = version,
            ProcedureCode = "P1",
            ReceivingUnit = "UBND huyện Phong Thổ",
            UnitLevel = GovernmentLevel.District,
            Channel = DossierChannel.InPerson,
            Status = status,
            ReceivedAt = receivedAt,
            DueAt = receivedAt.AddDays(5),
            ClosedAt = closedAt,
        };
    }

    private static ProcedureVersion Procedure(string code, int version, DateOnly from, GovernmentLevel level) => new()
    {
        Code = code,
        Version = version,
        EffectiveFrom = from,
        Name = "Thủ tục " + code,
        Field = "Hộ tịch",
        Level = level,
        ResolvingUnit = "UBND cấp xã",
        ReceivingPlace = level == GovernmentLevel.Commune ? ReceivingPlace.CommuneOneStop : ReceivingPlace.DistrictOneStop,
        InterAgencySameLevel = false,
        InterAgencyBetweenLevels = false,
        FourOnTheSpot = false,
        OnlineLevel = OnlineServiceLevel.Level3,
        InForceFrom = from,
    };
}
