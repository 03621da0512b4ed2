using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts;
using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Modernisation;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;
using Cchc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// Appendix 7 from consumed events: e-government submissions and capability states, procedure versions and dossiers of
/// a random but reproducible scenario; every cell is compared with what the test computes itself from the final facts.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class Appendix7FromEventsTests(PostgresServer postgres)
{
    private static readonly string[] Periods = ["2018", "2019", "2019-04-01..2019-09-30", "2020-01-01..2020-03-31"];
    private static readonly string[] Units = ["Sở Nội vụ", "Sở Y tế", "UBND huyện Tam Đường", "UBND xã Bản Giang", "Chi cục Kiểm lâm"];
    private static readonly DateOnly Start = new(2018, 1, 1);

    private sealed class Scenario
    {
        public List<MetricSubmissionState> Metrics { get; } = [];
        public List<CapabilityStateFact> Capabilities { get; } = [];
        public List<ProcedureVersion> Versions { get; } = [];
        public List<DossierState> Dossiers { get; } = [];

        public Scenario(int seed)
        {
            var random = new Random(seed);
            GovernmentLevel LevelOf(string unit) => unit.StartsWith("UBND huyện", StringComparison.Ordinal) ? GovernmentLevel.District
                : unit.StartsWith("UBND xã", StringComparison.Ordinal) ? GovernmentLevel.Commune : GovernmentLevel.Province;
            foreach (var source in new[] { "axis", "ca" })
            {
                foreach (var unit in Units.Take(3))
                {
                    for (var quarter = 0; quarter < 9; quarter++)
                    {
                        var from = Start.AddMonths(3 * quarter);
                        var to = from.AddMonths(3).AddDays(-1);
                        foreach (var metric in Enum.GetValues<EgovMetric>().Where(m => m != EgovMetric.Unspecified && random.Next(4) > 0))
                        {
                            var denominator = 1_000 + random.Next(1_000);
                            var value = EgovMetrics.DenominatorOf(metric) is null ? random.Next(2_000) : random.Next(1_000);
                            Metrics.Add(new MetricSubmissionState
                            {
                                SourceSystem = source, Unit = unit, UnitLevel = LevelOf(unit), Metric = metric, PeriodFrom = from, PeriodTo = to,
                                Value = EgovMetrics.NumeratorOf(metric) is null ? value : denominator, Revision = 1,
                            });
                            if (random.Next(5) == 0)
                            {
                                Metrics.Add(Metrics[^1] with { Value = Metrics[^1].Value + 7, Revision = 2 });
                            }
                        }
                    }
                }
            }
            foreach (var unit in Units)
            {
                foreach (var capability in Enum.GetValues<EgovCapability>().Where(c => c != EgovCapability.Unspecified))
                {
                    var day = Start.AddDays(random.Next(-200, 200));
                    for (var change = 0; change < 3; change++, day = day.AddDays(random.Next(60, 500)))
                    {
                        var inUse = random.Next(3) > 0;
                        var iso = capability == EgovCapability.Iso9001 && inUse ? (IsoVersion)random.Next(1, 3) : IsoVersion.Unspecified;
                        Capabilities.Add(new CapabilityStateFact
                        {
                            Unit = unit, UnitLevel = LevelOf(unit), Capability = capability, EffectiveFrom = day, InUse = inUse, IsoVersion = iso,
                            CertificateDate = iso == IsoVersion.Unspecified ? null : day, Revision = 1,
                        });
                    }
                }
            }
            OnlineServiceLevel[] levels = [OnlineServiceLevel.None, OnlineServiceLevel.Level2, OnlineServiceLevel.Level3, OnlineServiceLevel.Level4, OnlineServiceLevel.Full];
            for (var i = 0; i < 40; i++)
            {
                var code = $"1.{i:D6}";
                var inForce = Start.AddDays(random.Next(-300, 500));
                for (var version = 1; version <= 3; version++)
                {
                    var abolished = version == 3 && random.Next(3) == 0 ? inForce.AddDays(700) : (DateOnly?)null;
                    Versions.Add(new ProcedureVersion
                    {
                        Code = code, Version = version, EffectiveFrom = abolished ?? inForce.AddDays(250 * (version - 1)), Name = code, Field = "f",
                        Level = GovernmentLevel.Province, ResolvingUnit = "Sở Nội vụ", ReceivingPlace = ReceivingPlace.ProvincialCentre,
                        InterAgencySameLevel = false, InterAgencyBetweenLevels = false, FourOnTheSpot = false,
                        OnlineLevel = levels[random.Next(levels.Length)], InForceFrom = inForce, AbolishedOn = abolished,
                    });
                }
                for (var d = 0; d < random.Next(4); d++)
                {
                    var received = VietnamCalendar.StartOfDay(Start.AddDays(random.Next(0, 820))).AddHours(9);
                    var closed = random.Next(4) > 0 ? received.AddDays(random.Next(1, 20)) : (DateTimeOffset?)null;
                    Dossiers.Add(new DossierState
                    {
                        DossierId = $"{code}-{d}", Version = 1, ProcedureCode = code, ReceivingUnit = "Sở Nội vụ", UnitLevel = GovernmentLevel.Province,
                        Channel = random.Next(2) == 0 ? DossierChannel.Online : DossierChannel.InPerson,
                        Status = closed is null ? DossierStatus.Received : DossierStatus.Resolved, ReceivedAt = received, DueAt = received.AddDays(10),
                        ClosedAt = closed, ProcessedElectronically = random.Next(3) switch { 0 => null, 1 => false, _ => true },
                    });
                }
            }
        }

        /// <summary>The expected cells, computed here from the final facts as ADR 0011 describes.</summary>
        public Dictionary<string, object?> Expected(ReportPeriod p)
        {
            var metrics = Metrics.GroupBy(m => (m.SourceSystem, m.Unit, m.Metric, m.PeriodFrom, m.PeriodTo)).Select(g => g.MaxBy(m => m.Revision)!).ToList();
            long? Flow(EgovMetric metric)
            {
                var inside = metrics.Where(m => m.Metric == metric && m.PeriodFrom >= p.From && m.PeriodTo <= p.To).ToList();
                return inside.Count == 0 ? null : inside.Sum(m => m.Value);
            }
            long? Stock(EgovMetric metric)
            {
                var latest = metrics.Where(m => m.Metric == metric && m.PeriodTo >= p.From && m.PeriodTo <= p.To)
                    .GroupBy(m => (m.SourceSystem, m.Unit)).Select(g => g.MaxBy(m => m.PeriodTo)!.Value).ToList();
                return latest.Count == 0 ? null : latest.Sum();
            }
            // A rate over 100% (a numerator above its denominator) is not printed.
            static decimal? Rate(long? n, long? d) => n is { } a && d is { } b && b > 0 && a <= b ? Math.Round(100m * a / b, 4, MidpointRounding.AwayFromZero) : null;
            List<CapabilityStateFact> AtEnd(EgovCapability capability) => Capabilities.Where(c => c.Capability == capability && c.EffectiveFrom <= p.To)
                .GroupBy(c => c.Unit).Select(g => g.MaxBy(c => c.EffectiveFrom)!).ToList();
            long Upper(EgovCapability capability) => AtEnd(capability).Count(c => c.InUse && c.UnitLevel != GovernmentLevel.Commune);
            var iso = AtEnd(EgovCapability.Iso9001).Where(c => c.UnitLevel != GovernmentLevel.Commune).ToList();

            var online = Versions.Where(v => v.EffectiveFrom <= p.To).GroupBy(v => v.Code)
                .Select(g => g.OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).First())
                .Where(v => v.InForceFrom <= p.To && (v.AbolishedOn is null || v.AbolishedOn > p.To)
                    && v.OnlineLevel is OnlineServiceLevel.Level3 or OnlineServiceLevel.Level4 or OnlineServiceLevel.Full or OnlineServiceLevel.Partial)
                .Select(v => v.Code).ToList();
            bool In(DateTimeOffset? t) => t is { } x && VietnamCalendar.LocalDate(x) >= p.From && VietnamCalendar.LocalDate(x) <= p.To;
            var used = online.Count(code => Dossiers.Any(d => d.ProcedureCode == code && d.Channel == DossierChannel.Online && In(d.ReceivedAt)));
            var resolved = Dossiers.Where(d => d.Status == DossierStatus.Resolved && In(d.ClosedAt)).ToList();

            return new Dictionary<string, object?>
            {
                ["1"] = Rate(Flow(EgovMetric.AdminDocumentsElectronic), Flow(EgovMetric.AdminDocuments)),
                ["2"] = Stock(EgovMetric.AxisConnectedUnits),
                ["3"] = Flow(EgovMetric.AxisDocumentsReceived),
                ["4"] = Flow(EgovMetric.AxisDocumentsSent),
                ["5"] = Flow(EgovMetric.SignaturesPersonal) is null && Flow(EgovMetric.SignaturesOrganisation) is null && Flow(EgovMetric.SignaturesMobile) is null
                    ? null : (Flow(EgovMetric.SignaturesPersonal) ?? 0) + (Flow(EgovMetric.SignaturesOrganisation) ?? 0) + (Flow(EgovMetric.SignaturesMobile) ?? 0),
                ["6"] = Rate(Stock(EgovMetric.CivilServantsWithMailbox), Stock(EgovMetric.CivilServants)),
                ["7"] = Upper(EgovCapability.DocumentManagement),
                ["8"] = Upper(EgovCapability.Lan),
                ["9"] = Upper(EgovCapability.WebPortal),
                ["10"] = (long)online.Count,
                ["11"] = Rate(used, online.Count),
                ["12"] = (long)AtEnd(EgovCapability.OneStopShopSoftware).Count(c => c.InUse),
                ["13"] = Rate(resolved.Count(d => d.ProcessedElectronically == true), resolved.Count),
                ["14"] = iso.Count == 0 ? null : $"{iso.Count(c => c.InUse)}/{iso.Count}",
            };
        }
    }

    [Fact]
    public async Task Appendix7_ComputedFromConsumedEvents_EqualsTheTestsOwnComputation_WhateverTheOrderOfRevisions()
    {
        var scenario = new Scenario(seed: 7);
        await using var app = await ReportingApp.StartAsync(postgres, "app7_events");
        var now = DateTimeOffset.UtcNow;
        // Newer revisions first, then the older ones: the older must not overwrite.
        foreach (var chunk in scenario.Metrics.OrderByDescending(m => m.Revision).Chunk(200))
        {
            await app.ConsumeAsync<MetricsSubmittedConsumer, MetricsSubmitted>(new() { Submissions = chunk, OccurredAt = now });
        }
        await app.ConsumeAsync<CapabilityStatesRecordedConsumer, CapabilityStatesRecorded>(new() { States = scenario.Capabilities, OccurredAt = now });
        await app.ConsumeAsync<ProcedureVersionsRecordedConsumer, ProcedureVersionsRecorded>(new() { Versions = scenario.Versions, OccurredAt = now });
        await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = scenario.Dossiers, OccurredAt = now });

        await using var scope = app.Services.CreateAsyncScope();
        var calculator = scope.ServiceProvider.GetRequiredService<AppendixCalculator>();
        var parsed = PeriodParser.Parse(Periods, DateOnly.FromDateTime(DateTime.UtcNow));
        var report = await calculator.ComputeAsync(calculator.Find(7)!, parsed.Periods, CancellationToken.None);

        Assert.Equal(14, report.Rows.Count);
        var filled = 0;
        foreach (var period in report.Periods)
        {
            var expected = scenario.Expected(period);
            foreach (var row in report.Rows)
            {
                object? actual = row.Values![period.Key] switch
                {
                    null => null,
                    ReportValue.Number n when row.Definition.ValueType == ValueTypes.Percent => n.Value,
                    ReportValue.Number n => (long)n.Value,
                    ReportValue.Text t => t.Value,
                    var other => other,
                };
                var want = expected[row.Definition.Stt];
                Assert.True(Equals(want, actual) || (want is decimal w && actual is decimal a && w == a),
                    $"row {row.Definition.Stt} in {period.Key}: expected {want ?? "blank"}, got {actual ?? "blank"}");
                filled += actual is null ? 0 : 1;
            }
        }
        Assert.True(filled > 45, "the scenario fills the rows");

        // The JSON: the fraction row is a string with its value type, and the key figures answer for the same facts.
        using var http = app.CreateClient();
        var json = await http.GetFromJsonAsync<JsonElement>("/api/reports/appendices/7?periods=2019");
        var iso = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("stt").GetString() == "14");
        Assert.Equal("fraction", iso.GetProperty("valueType").GetString());
        Assert.Equal(scenario.Expected(parsed.Periods[1])["14"], iso.GetProperty("values").GetProperty("2019").GetString());
        var figures = await http.GetFromJsonAsync<JsonElement>("/api/reports/key-figures/modernisation?periods=2019");
        var received = figures.GetProperty("rows")[0].GetProperty("values").GetProperty("2019").GetInt64();
        Assert.Equal(scenario.Expected(parsed.Periods[1])["3"], received);
        var page = await http.GetStringAsync("/reports/appendices/7?periods=2019");
        Assert.Contains("Tỷ lệ hồ sơ giải quyết qua hệ thống một cửa điện tử", page, StringComparison.Ordinal);
    }
}
