using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using E = Cchc.Egov.Api.Grpc;
using OrgApi = Cchc.Organisation.Api.Grpc;
using P = Cchc.Procedures.Api.Grpc;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The Department of Information and Communications' systems submit metrics and capability states, and the one-stop
/// shop records online services and dossiers, all through the gateway with a real token; Appendix 7 read back through
/// the gateway equals what those facts give, computed independently here. Years 2011–2012 keep the scenario apart from
/// anything else the suite holds (the other scenarios use 1994–1996, 2017–2019 and 2021–2022; every service refuses future days).
/// The units are the suite's and a commune the scenario registers first, founded in mid-2011.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class Appendix7ScenarioTests(SuiteFixture suite)
{
    private const string Province = "UBND tỉnh Lai Châu";
    private const string TamDuong = "UBND huyện Tam Đường";
    private const string Agency = "Sở Thông tin và Truyền thông";
    private const string BanGiang = "UBND xã Bản Giang";
    /// <summary>A commune the scenario registers itself, founded on 2011-07-01 (the suite's other units exist since 2000).</summary>
    private const string NewCommune = "UBND xã Kiểm Thử Phụ lục 7";
    private static readonly string[] Periods = ["2011", "2012", "2011-07-01..2012-06-30"];

    private static (DateOnly From, DateOnly To) Range(string key) => key.Length == 4
        ? (new DateOnly(int.Parse(key, CultureInfo.InvariantCulture), 1, 1), new DateOnly(int.Parse(key, CultureInfo.InvariantCulture), 12, 31))
        : (DateOnly.Parse(key[..10], CultureInfo.InvariantCulture), DateOnly.Parse(key[12..], CultureInfo.InvariantCulture));

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static E.MetricValue Metric(string source, string unit, E.GovernmentLevel level, E.Metric metric, string from, string to, long value) => new()
    {
        SourceSystem = source, Unit = unit, UnitLevel = level, Metric = metric, PeriodFrom = from, PeriodTo = to, Value = value, Note = "e2e",
    };

    // Half-year submissions (flows add up inside a period; stocks: the latest inside it).
    private static readonly E.MetricValue[] Submissions =
    [
        Metric("e2e-axis", Province, E.GovernmentLevel.Province, E.Metric.AxisDocumentsReceived, "2011-01-01", "2011-06-30", 1_200),
        Metric("e2e-axis", Province, E.GovernmentLevel.Province, E.Metric.AxisDocumentsReceived, "2011-07-01", "2011-12-31", 1_800),
        Metric("e2e-axis", Province, E.GovernmentLevel.Province, E.Metric.AxisDocumentsReceived, "2012-01-01", "2012-06-30", 2_500),
        Metric("e2e-axis", Province, E.GovernmentLevel.Province, E.Metric.AxisDocumentsSent, "2011-07-01", "2011-12-31", 300),
        Metric("e2e-axis", Province, E.GovernmentLevel.Province, E.Metric.AxisConnectedUnits, "2011-01-01", "2011-06-30", 10),
        Metric("e2e-axis", Province, E.GovernmentLevel.Province, E.Metric.AxisConnectedUnits, "2011-07-01", "2011-12-31", 14),
        Metric("e2e-axis", Province, E.GovernmentLevel.Province, E.Metric.AxisConnectedUnits, "2012-01-01", "2012-06-30", 20),
        Metric("e2e-ca", TamDuong, E.GovernmentLevel.District, E.Metric.SignaturesPersonal, "2011-01-01", "2011-12-31", 40),
        Metric("e2e-ca", TamDuong, E.GovernmentLevel.District, E.Metric.SignaturesOrganisation, "2011-01-01", "2011-12-31", 5),
        Metric("e2e-ca", Agency, E.GovernmentLevel.Province, E.Metric.SignaturesMobile, "2012-01-01", "2012-12-31", 3),
        Metric("e2e-mail", Province, E.GovernmentLevel.Province, E.Metric.CivilServants, "2011-01-01", "2011-12-31", 800),
        Metric("e2e-mail", Province, E.GovernmentLevel.Province, E.Metric.CivilServantsWithMailbox, "2011-01-01", "2011-12-31", 200),
        Metric("e2e-mail", Province, E.GovernmentLevel.Province, E.Metric.CivilServants, "2012-01-01", "2012-12-31", 820),
        Metric("e2e-mail", Province, E.GovernmentLevel.Province, E.Metric.CivilServantsWithMailbox, "2012-01-01", "2012-12-31", 410),
        Metric("e2e-report", Province, E.GovernmentLevel.Province, E.Metric.AdminDocuments, "2011-01-01", "2011-12-31", 9_000),
        Metric("e2e-report", Province, E.GovernmentLevel.Province, E.Metric.AdminDocumentsElectronic, "2011-01-01", "2011-12-31", 3_000),
    ];

    private static E.CapabilityStateRecord State(string unit, E.GovernmentLevel level, E.Capability capability, string from, bool inUse = true,
        E.IsoVersion iso = E.IsoVersion.Unspecified) => new()
    {
        Unit = unit, UnitLevel = level, Capability = capability, EffectiveFrom = from, InUse = inUse, IsoVersion = iso,
        CertificateDate = iso == E.IsoVersion.Unspecified ? string.Empty : from, SourceSystem = "e2e-report",
    };

    private static readonly E.CapabilityStateRecord[] States =
    [
        State(Agency, E.GovernmentLevel.Province, E.Capability.DocumentManagement, "2011-03-01"),
        State(TamDuong, E.GovernmentLevel.District, E.Capability.DocumentManagement, "2012-02-01"),
        State(BanGiang, E.GovernmentLevel.Commune, E.Capability.DocumentManagement, "2011-02-01"),
        State(Agency, E.GovernmentLevel.Province, E.Capability.Lan, "2010-05-01"),
        State(Agency, E.GovernmentLevel.Province, E.Capability.Lan, "2012-05-01", inUse: false),
        State(TamDuong, E.GovernmentLevel.District, E.Capability.WebPortal, "2011-09-01"),
        State(TamDuong, E.GovernmentLevel.District, E.Capability.OneStopShopSoftware, "2011-04-01"),
        State(BanGiang, E.GovernmentLevel.Commune, E.Capability.OneStopShopSoftware, "2012-04-01"),
        State(Agency, E.GovernmentLevel.Province, E.Capability.Iso9001, "2011-06-01", iso: E.IsoVersion._2008),
        State(TamDuong, E.GovernmentLevel.District, E.Capability.Iso9001, "2011-01-01", inUse: false),
        State(TamDuong, E.GovernmentLevel.District, E.Capability.Iso9001, "2012-08-01", iso: E.IsoVersion._2008),
        State(NewCommune, E.GovernmentLevel.Commune, E.Capability.OneStopShopSoftware, "2011-08-01"),
    ];

    /// <summary>Online services: (code, online level until the change, change day, level after).</summary>
    private static readonly (string Code, P.OnlineServiceLevel Level, string? ChangeOn, P.OnlineServiceLevel After)[] Services =
    [
        ("E2E.DVC.1", P.OnlineServiceLevel._4, null, P.OnlineServiceLevel._4),
        ("E2E.DVC.2", P.OnlineServiceLevel._3, "2012-06-01", P.OnlineServiceLevel._2),
        ("E2E.DVC.3", P.OnlineServiceLevel._2, "2012-03-01", P.OnlineServiceLevel._3),
    ];

    private sealed record DossierFact(string Id, string Code, P.DossierChannel Channel, string Received, string? Resolved, bool? Electronic);

    private static readonly DossierFact[] Dossiers =
    [
        new("E2E-EG-1", "E2E.DVC.1", P.DossierChannel.Online, "2011-03-02", "2011-03-10", true),
        new("E2E-EG-2", "E2E.DVC.2", P.DossierChannel.InPerson, "2011-05-02", "2011-05-12", false),
        new("E2E-EG-3", "E2E.DVC.2", P.DossierChannel.Online, "2011-09-05", "2011-09-20", true),
        new("E2E-EG-4", "E2E.DVC.1", P.DossierChannel.InPerson, "2012-02-01", "2012-02-15", null),
        new("E2E-EG-5", "E2E.DVC.3", P.DossierChannel.Online, "2012-04-02", "2012-04-20", true),
        new("E2E-EG-6", "E2E.DVC.1", P.DossierChannel.Online, "2012-10-01", null, true),
    ];

    /// <summary>Appendix 7 as these facts give it (ADR 0011), by row number.</summary>
    private static Dictionary<string, string?> Expected(string key)
    {
        var (from, to) = Range(key);
        var values = Submissions.GroupBy(s => (s.SourceSystem, s.Unit, s.Metric, s.PeriodFrom, s.PeriodTo)).Select(g => g.Last()).ToList();
        long? Flow(E.Metric m)
        {
            var inside = values.Where(v => v.Metric == m && D(v.PeriodFrom) >= from && D(v.PeriodTo) <= to).ToList();
            return inside.Count == 0 ? null : inside.Sum(v => v.Value);
        }
        long? Stock(E.Metric m)
        {
            var latest = values.Where(v => v.Metric == m && D(v.PeriodTo) >= from && D(v.PeriodTo) <= to)
                .GroupBy(v => (v.SourceSystem, v.Unit)).Select(g => g.MaxBy(v => D(v.PeriodTo))!.Value).ToList();
            return latest.Count == 0 ? null : latest.Sum();
        }
        static string? Num(decimal? v) => v?.ToString("0.####", CultureInfo.InvariantCulture);
        static string? Rate(long? n, long? d) => n is { } a && d is { } b && b > 0 ? Num(Math.Round(100m * a / b, 4, MidpointRounding.AwayFromZero)) : null;
        List<E.CapabilityStateRecord> AtEnd(E.Capability c) => States.Where(s => s.Capability == c && D(s.EffectiveFrom) <= to)
            .GroupBy(s => s.Unit).Select(g => g.MaxBy(s => D(s.EffectiveFrom))!).ToList();
        string Upper(E.Capability c) => AtEnd(c).Count(s => s.InUse && s.UnitLevel != E.GovernmentLevel.Commune).ToString(CultureInfo.InvariantCulture);
        var iso = AtEnd(E.Capability.Iso9001).Where(s => s.UnitLevel != E.GovernmentLevel.Commune).ToList();

        P.OnlineServiceLevel LevelOn(int i, DateOnly day) => Services[i].ChangeOn is { } c && D(c) <= day ? Services[i].After : Services[i].Level;
        var online = Services.Select((s, i) => (s.Code, Level: LevelOn(i, to)))
            .Where(s => s.Level is P.OnlineServiceLevel._3 or P.OnlineServiceLevel._4).Select(s => s.Code).ToList();
        bool In(string? day) => day is not null && D(day) >= from && D(day) <= to;
        var used = online.Count(code => Dossiers.Any(d => d.Code == code && d.Channel == P.DossierChannel.Online && In(d.Received)));
        var resolved = Dossiers.Where(d => In(d.Resolved)).ToList();
        var signatures = new[] { Flow(E.Metric.SignaturesPersonal), Flow(E.Metric.SignaturesOrganisation), Flow(E.Metric.SignaturesMobile) };
        return new Dictionary<string, string?>
        {
            ["1"] = Rate(Flow(E.Metric.AdminDocumentsElectronic), Flow(E.Metric.AdminDocuments)),
            ["2"] = Num(Stock(E.Metric.AxisConnectedUnits)),
            ["3"] = Num(Flow(E.Metric.AxisDocumentsReceived)),
            ["4"] = Num(Flow(E.Metric.AxisDocumentsSent)),
            ["5"] = signatures.All(s => s is null) ? null : Num(signatures.Sum(s => s ?? 0)),
            ["6"] = Rate(Stock(E.Metric.CivilServantsWithMailbox), Stock(E.Metric.CivilServants)),
            ["7"] = Upper(E.Capability.DocumentManagement),
            ["8"] = Upper(E.Capability.Lan),
            ["9"] = Upper(E.Capability.WebPortal),
            ["10"] = Num(online.Count),
            ["11"] = Rate(used, online.Count),
            ["12"] = Num(AtEnd(E.Capability.OneStopShopSoftware).Count(s => s.InUse)),
            ["13"] = Rate(resolved.Count(d => d.Electronic == true), resolved.Count),
            ["14"] = iso.Count == 0 ? null : $"{iso.Count(s => s.InUse)}/{iso.Count}",
        };
    }

    [Fact]
    public async Task SubmittedMetricsStatesAndOneStopDossiers_GiveAppendix7_ThroughTheGateway()
    {
        var metrics = new E.MetricService.MetricServiceClient(suite.Channel);
        var capabilities = new E.CapabilityService.CapabilityServiceClient(suite.Channel);
        // The scenario's own commune is registered first; the service refuses facts of units its copy does not know on the day.
        await suite.RegisterUnitsAsync("E2E-SUITE", "2011-07-01",
        [
            ("A7-X", "xã Kiểm Thử Phụ lục 7", OrgApi.UnitKind.CommuneLevel, "TD", OrgApi.PublicServiceSector.Unspecified),
            ("A7-X-UBND", NewCommune, OrgApi.UnitKind.PeoplesCommittee, "A7-X", OrgApi.PublicServiceSector.Unspecified),
        ]);
        var early = await Assert.ThrowsAsync<RpcException>(async () => await capabilities.RecordCapabilityStateAsync(new E.RecordCapabilityStateRequest
        {
            State = State(NewCommune, E.GovernmentLevel.Unspecified, E.Capability.DocumentManagement, "2011-06-30"),
        }));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains($"\"{NewCommune}\" không tồn tại vào ngày 2011-06-30", early.Status.Detail, StringComparison.Ordinal);
        // A level is the registry's: a district's committee claimed as a commune is refused on the level field.
        var level = await Assert.ThrowsAsync<RpcException>(async () => await capabilities.RecordCapabilityStateAsync(new E.RecordCapabilityStateRequest
        {
            State = State(TamDuong, E.GovernmentLevel.Commune, E.Capability.DocumentManagement, "2011-06-30"),
        }));
        Assert.Equal(StatusCode.FailedPrecondition, level.StatusCode);
        Assert.Contains("state.unit_level", level.Status.Detail, StringComparison.Ordinal);

        // A wrong figure first (replaced below: the history keeps it), then the rest in an import sent twice.
        var wrong = Submissions[0].Clone();
        wrong.Value = 999;
        await metrics.SubmitMetricAsync(new E.SubmitMetricRequest { Submission = wrong });
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var import = metrics.ImportSubmissions();
            foreach (var s in Submissions)
            {
                await import.RequestStream.WriteAsync(s);
            }
            await import.RequestStream.CompleteAsync();
            var result = await import;
            Assert.Equal(attempt == 0 ? (Submissions.Length - 1L, 1L, 0L) : (0L, 0L, Submissions.Length), (result.Inserted, result.Replaced, result.Unchanged));
        }
        var history = await metrics.GetSubmissionAsync(new E.GetSubmissionRequest
        {
            SourceSystem = wrong.SourceSystem, Unit = wrong.Unit, Metric = wrong.Metric, PeriodFrom = wrong.PeriodFrom, PeriodTo = wrong.PeriodTo,
        });
        Assert.Equal([999L, Submissions[0].Value], history.History.Select(h => h.Value));

        // Refusals through the gateway name the field and write nothing.
        var negative = Metric("e2e-axis", Province, E.GovernmentLevel.Province, E.Metric.AxisDocumentsSent, "2012-01-01", "2012-06-30", -5);
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await metrics.SubmitMetricAsync(new E.SubmitMetricRequest { Submission = negative }));
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("submission.value", refused.Status.Detail, StringComparison.Ordinal);
        var above = Metric("e2e-mail", Province, E.GovernmentLevel.Province, E.Metric.CivilServantsWithMailbox, "2012-01-01", "2012-12-31", 821);
        refused = await Assert.ThrowsAsync<RpcException>(async () => await metrics.SubmitMetricAsync(new E.SubmitMetricRequest { Submission = above }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);

        using (var import = capabilities.ImportCapabilityStates())
        {
            foreach (var s in States)
            {
                await import.RequestStream.WriteAsync(s);
            }
            await import.RequestStream.CompleteAsync();
            Assert.Equal(States.Length, (await import).Records);
        }

        await RecordServicesAndDossiersAsync();

        List<string> mismatches = ["not read yet"];
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (mismatches.Count > 0 && DateTime.UtcNow < deadline)
        {
            mismatches = await CompareAsync();
            if (mismatches.Count > 0)
            {
                await Task.Delay(500);
            }
        }
        Assert.True(mismatches.Count == 0, "cells that differ from the facts:\n" + string.Join("\n", mismatches));
    }

    private async Task RecordServicesAndDossiersAsync()
    {
        var catalogue = new P.ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        P.ProcedureAttributes Attributes(string code, P.OnlineServiceLevel level) => new()
        {
            Name = $"Dịch vụ công thử nghiệm {code}", Field = "Thông tin và Truyền thông", Level = P.GovernmentLevel.Province, ResolvingUnit = Agency,
            ReceivingPlace = P.ReceivingPlace.ProvincialCentre, OnlineLevel = level,
        };
        foreach (var (code, level, changeOn, after) in Services)
        {
            await catalogue.CreateProcedureAsync(new P.CreateProcedureRequest
            {
                Code = code, InForceFrom = "2011-01-10", Attributes = Attributes(code, level),
                Publication = new P.Publication { DecisionNumber = "10/QĐ-UBND", DecisionDate = "2011-01-05" },
            });
            if (changeOn is not null)
            {
                await catalogue.AmendProcedureAsync(new P.AmendProcedureRequest
                {
                    Code = code, EffectiveFrom = changeOn, Attributes = Attributes(code, after),
                    Publication = new P.Publication { DecisionNumber = "20/QĐ-UBND", DecisionDate = changeOn },
                });
            }
            // Abolished after the scenario's years: a procedure in force counts in every later year's catalogue, and the
            // Appendix 3 scenario owns 2017–2019.
            await catalogue.AbolishProcedureAsync(new P.AbolishProcedureRequest
            {
                Code = code, AbolishedOn = "2013-01-01",
                Publication = new P.Publication { DecisionNumber = "30/QĐ-UBND", DecisionDate = "2012-12-20" },
            });
        }
        static Timestamp At(string day, int hour) => Timestamp.FromDateTimeOffset(new DateTimeOffset(D(day).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(7)));
        var dossiers = new P.DossierService.DossierServiceClient(suite.Channel);
        using var import = dossiers.ImportDossiers();
        foreach (var d in Dossiers)
        {
            var record = new P.DossierRecord
            {
                DossierId = d.Id, ProcedureCode = d.Code, ReceivingUnit = Agency, UnitLevel = P.GovernmentLevel.Province, Channel = d.Channel,
                ReceivedAt = At(d.Received, 9), DueAt = At(D(d.Received).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 17),
                Status = d.Resolved is null ? P.DossierStatus.Received : P.DossierStatus.Resolved,
            };
            if (d.Resolved is { } resolved)
            {
                record.ClosedAt = At(resolved, 15);
            }
            if (d.Electronic is { } electronic)
            {
                record.ProcessedElectronically = electronic;
            }
            await import.RequestStream.WriteAsync(record);
        }
        await import.RequestStream.CompleteAsync();
        Assert.Equal(Dossiers.Length, (await import).Records);
    }

    private async Task<List<string>> CompareAsync()
    {
        var json = await suite.Http.GetStringAsync($"/api/reports/appendices/7?periods={string.Join(',', Periods)}");
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(14, rows.Count);
        var mismatches = new List<string>();
        foreach (var period in Periods)
        {
            var expected = Expected(period);
            foreach (var row in rows)
            {
                var stt = row.GetProperty("stt").GetString()!;
                var value = row.GetProperty("values").GetProperty(period);
                var actual = value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Number => value.GetDecimal().ToString("0.####", CultureInfo.InvariantCulture),
                    _ => value.GetString(),
                };
                if (actual != expected[stt])
                {
                    mismatches.Add($"row {stt} [{period}]: expected {expected[stt] ?? "blank"}, got {actual ?? "blank"}");
                }
            }
        }
        return mismatches;
    }
}
