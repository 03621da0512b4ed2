using System.Text.Json;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// A department system records procedures, dossiers and feedback through the gateway; Appendix 3 read back through
/// the gateway equals what the facts give, computed independently in <see cref="ExpectedAppendix3"/>.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class Appendix3ScenarioTests(SuiteFixture suite)
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static DateTimeOffset At(string s) => DateTimeOffset.Parse(s);

    private static readonly ProcedureFact[] Procedures =
    [
        new("E2E.T.P1", GovernmentLevel.Province, ReceivingPlace.ProvincialCentre, D("2018-06-01"), FourOnTheSpot: true),
        new("E2E.T.P2", GovernmentLevel.Province, ReceivingPlace.ProvincialCentre, D("2019-02-01"), SameLevel: true),
        new("E2E.T.P3", GovernmentLevel.Province, ReceivingPlace.Other, D("2018-01-01"), AbolishedOn: D("2019-05-15")),
        new("E2E.T.P4", GovernmentLevel.Province, ReceivingPlace.DistrictOneStop, D("2018-01-01"), FourOnTheSpot: true),
        new("E2E.T.D1", GovernmentLevel.District, ReceivingPlace.DistrictOneStop, D("2018-01-01"), BetweenLevels: true),
        new("E2E.T.D2", GovernmentLevel.District, ReceivingPlace.DistrictOneStop, D("2018-01-01"),
            PlaceChange: (D("2019-09-01"), ReceivingPlace.ProvincialCentre)),
        new("E2E.T.C1", GovernmentLevel.Commune, ReceivingPlace.CommuneOneStop, D("2019-07-01")),
        new("E2E.T.C2", GovernmentLevel.Commune, ReceivingPlace.CommuneOneStop, D("2017-01-01"), AbolishedOn: D("2019-12-31")),
    ];

    private static readonly PeriodSpec[] Periods =
    [
        new("2019", D("2019-01-01"), D("2019-12-31")),
        new("2019-01-01..2019-06-30", D("2019-01-01"), D("2019-06-30")),
    ];

    [Fact]
    public async Task RecordedFacts_GiveAppendix3_ThroughTheGateway()
    {
        var dossiers = BuildDossiers();
        var feedback = new FeedbackFact[]
        {
            new("E2E-PAKN-1", At("2019-02-03T09:00:00+07:00"), At("2019-02-20T09:00:00+07:00"), At("2019-02-21T09:00:00+07:00")),
            new("E2E-PAKN-2", At("2019-06-29T09:00:00+07:00"), At("2019-07-02T09:00:00+07:00"), null),
            new("E2E-PAKN-3", At("2019-10-01T09:00:00+07:00"), null, null),
        };

        await RecordCatalogueAsync();
        await RecordDossiersAsync(dossiers);
        await RecordFeedbackAsync(feedback);
        // The reporting side is eventually consistent (events travel through the outbox and RabbitMQ): read the
        // appendix until every checked cell equals what the facts give, and fail listing the cells that never did.
        List<string> mismatches = ["not read yet"];
        var checkedCells = 0;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (mismatches.Count > 0 && DateTime.UtcNow < deadline)
        {
            (mismatches, checkedCells) = await CompareAsync(dossiers, feedback);
            if (mismatches.Count > 0)
            {
                await Task.Delay(500);
            }
        }
        Assert.True(mismatches.Count == 0, "cells that differ from the facts:\n" + string.Join("\n", mismatches));
        Assert.Equal(16 * Periods.Length, checkedCells);
    }

    private async Task<(List<string> Mismatches, int Checked)> CompareAsync(List<DossierFact> dossiers, FeedbackFact[] feedback)
    {
        var json = await suite.Http.GetStringAsync($"/api/reports/appendices/3?periods={string.Join(',', Periods.Select(p => p.Key))}");
        using var document = JsonDocument.Parse(json);
        var mismatches = new List<string>();
        var checkedCells = 0;
        foreach (var row in document.RootElement.GetProperty("rows").EnumerateArray())
        {
            if (row.TryGetProperty("heading", out var heading) && heading.ValueKind == JsonValueKind.True)
            {
                continue;
            }
            var label = row.GetProperty("label").GetString()!;
            foreach (var period in Periods)
            {
                var expected = ExpectedAppendix3.Value(label, period, Procedures, dossiers, feedback);
                if (expected is ExpectedAppendix3.Unknown)
                {
                    continue;
                }
                checkedCells++;
                var actual = row.GetProperty("values").GetProperty(period.Key);
                if (!Same(expected, actual))
                {
                    mismatches.Add($"{label} | {period.Key}: expected {expected ?? "blank"}, got {actual}");
                }
            }
        }
        return (mismatches, checkedCells);
    }

    private static bool Same(object? expected, JsonElement actual) => expected switch
    {
        null => actual.ValueKind == JsonValueKind.Null,
        int count => actual.ValueKind == JsonValueKind.Number && actual.GetDouble() == count,
        double rate => actual.ValueKind == JsonValueKind.Number && Math.Round(actual.GetDouble(), 2) == Math.Round(rate, 2),
        _ => throw new InvalidOperationException($"unexpected expectation {expected}"),
    };

    /// <summary>Dossiers of every level, on time and late, one resolved across the local-midnight boundary of 30/6.</summary>
    private static List<DossierFact> BuildDossiers()
    {
        var list = new List<DossierFact>();
        var codes = new Dictionary<GovernmentLevel, string>
        {
            [GovernmentLevel.Province] = "E2E.T.P1", [GovernmentLevel.District] = "E2E.T.D1", [GovernmentLevel.Commune] = "E2E.T.C2",
        };
        var n = 0;
        foreach (var (level, count, lateEvery) in new[] { (GovernmentLevel.Province, 40, 7), (GovernmentLevel.District, 30, 4), (GovernmentLevel.Commune, 50, 25) })
        {
            for (var i = 0; i < count; i++, n++)
            {
                var received = new DateTimeOffset(2019, 1 + i % 11, 1 + i % 27, 8, 0, 0, Vn);
                var due = received.AddDays(10);
                var late = i % lateEvery == 0;
                var resolved = i % 13 == 5 ? (DateTimeOffset?)null : (late ? due.AddDays(2) : received.AddDays(3));
                list.Add(new DossierFact($"E2E-HS-{n:D5}", codes[level], level, received, due, resolved));
            }
        }
        // Resolved at 20:00 UTC on 30/6 = 1/7 local: in the year, not in the first half.
        list.Add(new DossierFact("E2E-HS-MIDNIGHT", "E2E.T.P1", GovernmentLevel.Province,
            At("2019-06-20T08:00:00+07:00"), At("2019-06-25T08:00:00+07:00"), At("2019-06-30T20:00:00+00:00")));
        return list;
    }

    private async Task RecordCatalogueAsync()
    {
        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        foreach (var p in Procedures)
        {
            await catalogue.CreateProcedureAsync(new CreateProcedureRequest
            {
                Code = p.Code,
                InForceFrom = p.InForceFrom.ToString("yyyy-MM-dd"),
                Publication = new Publication { DecisionNumber = "1/QĐ-UBND", DecisionDate = p.InForceFrom.AddDays(-10).ToString("yyyy-MM-dd") },
                Attributes = Attributes(p, p.Place),
            });
            if (p.PlaceChange is { } change)
            {
                await catalogue.AmendProcedureAsync(new AmendProcedureRequest
                {
                    Code = p.Code,
                    EffectiveFrom = change.From.ToString("yyyy-MM-dd"),
                    Publication = new Publication { DecisionNumber = "2/QĐ-UBND", DecisionDate = change.From.AddDays(-5).ToString("yyyy-MM-dd") },
                    Attributes = Attributes(p, change.Place),
                });
            }
            if (p.AbolishedOn is { } abolished)
            {
                await catalogue.AbolishProcedureAsync(new AbolishProcedureRequest
                {
                    Code = p.Code,
                    AbolishedOn = abolished.ToString("yyyy-MM-dd"),
                    Publication = new Publication { DecisionNumber = "3/QĐ-UBND", DecisionDate = abolished.AddDays(-5).ToString("yyyy-MM-dd") },
                });
            }
        }
    }

    private static ProcedureAttributes Attributes(ProcedureFact p, ReceivingPlace place) => new()
    {
        Name = $"Thủ tục thử nghiệm {p.Code}",
        Field = "Hộ tịch",
        Level = p.Level,
        ResolvingUnit = "Sở Tư pháp",
        ReceivingPlace = place,
        InterAgencySameLevel = p.SameLevel,
        InterAgencyBetweenLevels = p.BetweenLevels,
        FourOnTheSpot = p.FourOnTheSpot,
        OnlineLevel = OnlineServiceLevel._3,
    };

    /// <summary>Half one by one (receive, then resolve), half through the bulk import stream.</summary>
    private async Task RecordDossiersAsync(List<DossierFact> dossiers)
    {
        var client = new DossierService.DossierServiceClient(suite.Channel);
        var oneByOne = dossiers.Where((_, i) => i % 2 == 0).ToList();
        foreach (var d in oneByOne)
        {
            await client.ReceiveDossierAsync(new ReceiveDossierRequest
            {
                DossierId = d.Id, ProcedureCode = d.ProcedureCode, ReceivingUnit = "Đơn vị thử nghiệm", UnitLevel = d.Level,
                Channel = DossierChannel.InPerson, ReceivedAt = Timestamp.FromDateTimeOffset(d.ReceivedAt), DueAt = Timestamp.FromDateTimeOffset(d.DueAt),
            });
            if (d.ResolvedAt is { } resolved)
            {
                await client.ResolveDossierAsync(new CloseDossierRequest { DossierId = d.Id, ClosedAt = Timestamp.FromDateTimeOffset(resolved) });
            }
        }

        using var import = client.ImportDossiers();
        foreach (var d in dossiers.Except(oneByOne))
        {
            await import.RequestStream.WriteAsync(new DossierRecord
            {
                DossierId = d.Id, ProcedureCode = d.ProcedureCode, ReceivingUnit = "Đơn vị thử nghiệm", UnitLevel = d.Level,
                Channel = DossierChannel.Online, ReceivedAt = Timestamp.FromDateTimeOffset(d.ReceivedAt), DueAt = Timestamp.FromDateTimeOffset(d.DueAt),
                Status = d.ResolvedAt is null ? DossierStatus.Received : DossierStatus.Resolved,
                ClosedAt = d.ResolvedAt is { } r ? Timestamp.FromDateTimeOffset(r) : null,
            });
        }
        await import.RequestStream.CompleteAsync();
        var result = await import;
        Assert.Equal(dossiers.Count - oneByOne.Count, result.Inserted);
    }

    private async Task RecordFeedbackAsync(IEnumerable<FeedbackFact> items)
    {
        var client = new FeedbackService.FeedbackServiceClient(suite.Channel);
        foreach (var f in items)
        {
            await client.ReceiveFeedbackAsync(new ReceiveFeedbackRequest
            {
                FeedbackId = f.Id, ProcedureCode = "E2E.T.P1", Subject = "Thời hạn giải quyết", ReceivedAt = Timestamp.FromDateTimeOffset(f.ReceivedAt),
            });
            if (f.ResolvedAt is { } resolved)
            {
                await client.ResolveFeedbackAsync(new FeedbackStepRequest { FeedbackId = f.Id, At = Timestamp.FromDateTimeOffset(resolved) });
            }
            if (f.PublishedAt is { } published)
            {
                await client.PublishFeedbackAnswerAsync(new FeedbackStepRequest { FeedbackId = f.Id, At = Timestamp.FromDateTimeOffset(published) });
            }
        }
    }
}
