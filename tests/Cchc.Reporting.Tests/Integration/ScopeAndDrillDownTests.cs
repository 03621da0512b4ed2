using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Organisation;
using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.CivilService;
using Cchc.Reporting.Api.Organisation;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Scope;
using Cchc.Testing;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using GrpcApi = Cchc.Reporting.Api.Grpc;
using ProtoValue = Google.Protobuf.WellKnownTypes.Value;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// A report for a scope (the province, a level, a district and its subtree) and the drill-down from a cell to its units and
/// facts, on facts consumed from events into PostgreSQL: the districts plus the province's own units add up to the
/// province for every row split by unit, the rows that cannot be split read "-", the units of a cell add up to it, and the
/// facts come page by page, only those of the units the caller's token names.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScopeAndDrillDownTests(PostgresServer postgres)
{
    private static readonly DateOnly Start = new(2004, 1, 1);
    private static readonly DateOnly Moved = new(2019, 7, 1);
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static UnitHistory Unit(string code, string name, UnitKind kind, string? parent) => new()
    {
        UnitCode = code,
        Revision = 1,
        Periods = [new UnitPeriod { From = Start, Name = name, Kind = kind, ParentCode = parent }],
    };

    /// <summary>A province with one department, two districts with a division and communes; "xã Ba" moves from huyện Một to huyện Hai on 2019-07-01.</summary>
    private static List<UnitHistory> Structure() =>
    [
        Unit("P", "tỉnh T", UnitKind.Province, null),
        Unit("P-UBND", "UBND tỉnh T", UnitKind.PeoplesCommittee, "P"),
        Unit("S1", "Sở Một", UnitKind.SpecialisedAgency, "P-UBND"),
        Unit("D1", "huyện Một", UnitKind.DistrictLevel, "P"),
        Unit("D1-UBND", "UBND huyện Một", UnitKind.PeoplesCommittee, "D1"),
        Unit("D1-P1", "Phòng Tư pháp huyện Một", UnitKind.DistrictDivision, "D1-UBND"),
        Unit("C1", "xã Một", UnitKind.CommuneLevel, "D1"),
        Unit("C1-UBND", "UBND xã Một", UnitKind.PeoplesCommittee, "C1"),
        Unit("D2", "huyện Hai", UnitKind.DistrictLevel, "P"),
        Unit("D2-UBND", "UBND huyện Hai", UnitKind.PeoplesCommittee, "D2"),
        Unit("C2", "xã Hai", UnitKind.CommuneLevel, "D2"),
        Unit("C2-UBND", "UBND xã Hai", UnitKind.PeoplesCommittee, "C2"),
        new UnitHistory
        {
            UnitCode = "C3", Revision = 1,
            Periods =
            [
                new UnitPeriod { From = Start, To = Moved.AddDays(-1), Name = "xã Ba", Kind = UnitKind.CommuneLevel, ParentCode = "D1" },
                new UnitPeriod { From = Moved, Name = "xã Ba", Kind = UnitKind.CommuneLevel, ParentCode = "D2" },
            ],
        },
        Unit("C3-UBND", "UBND xã Ba", UnitKind.PeoplesCommittee, "C3"),
    ];

    private static readonly (string Unit, GovernmentLevel Level, string District)[] Receivers =
    [
        ("Sở Một", GovernmentLevel.Province, "-"), ("UBND huyện Một", GovernmentLevel.District, "D1"), ("Phòng Tư pháp huyện Một", GovernmentLevel.District, "D1"),
        ("UBND xã Một", GovernmentLevel.Commune, "D1"), ("UBND huyện Hai", GovernmentLevel.District, "D2"), ("UBND xã Hai", GovernmentLevel.Commune, "D2"),
        ("UBND xã Ba", GovernmentLevel.Commune, "moves"),
    ];

    private static List<DossierState> Dossiers()
    {
        var random = new Random(14);
        var dossiers = new List<DossierState>();
        for (var i = 0; i < 700; i++)
        {
            var (unit, level, _) = Receivers[random.Next(Receivers.Length)];
            var received = new DateTimeOffset(2018, 1, 1, 2, 0, 0, TimeSpan.Zero).AddDays(random.Next(700));
            var due = received.AddDays(10);
            var status = random.Next(10) == 0 ? DossierStatus.Received : DossierStatus.Resolved;
            dossiers.Add(new DossierState
            {
                DossierId = $"HS-{i:0000}", Version = 1, ProcedureCode = "1.000" + random.Next(5), ReceivingUnit = unit, UnitLevel = level,
                Channel = random.Next(3) == 0 ? DossierChannel.Online : DossierChannel.InPerson, Status = status, ReceivedAt = received, DueAt = due,
                ClosedAt = status == DossierStatus.Received ? null : due.AddDays(random.Next(-8, 4)),
                ProcessedElectronically = random.Next(4) == 0 ? null : random.Next(2) == 0,
            });
        }
        return dossiers;
    }

    private static List<StaffingFact> Staffing()
    {
        var facts = new List<StaffingFact>();
        var n = 0;
        foreach (var (unit, quota) in new[] { ("S1", 120L), ("D1-UBND", 60L), ("D2-UBND", 55L), ("C1-UBND", 20L), ("C3-UBND", 18L) })
        {
            foreach (var year in new[] { 2018, 2019 })
            {
                var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                StaffingFact Figure(StaffingMetric metric, long value) => new()
                {
                    Key = $"F|{unit}|{(int)metric}|{year}", Revision = 1, UnitCode = unit, Metric = metric, From = from, To = to, Value = value,
                };
                facts.Add(Figure(StaffingMetric.CivilServantQuota, quota - (year - 2018) * 3));
                facts.Add(Figure(StaffingMetric.CivilServantsEmployed, quota - 7));
                facts.Add(Figure(StaffingMetric.CompetitiveRecruitment, 2 + n++ % 3));
                if (unit.StartsWith('C'))
                {
                    facts.Add(Figure(StaffingMetric.CommuneCivilServantsEmployed, quota - 2));
                    facts.Add(Figure(StaffingMetric.CommuneCivilServantsMeetingStandard, quota - 5));
                }
            }
        }
        return facts;
    }

    /// <summary>Quarterly e-government submissions (flows and stocks) of three units; nobody submits signatures.</summary>
    private static List<MetricSubmissionState> Egov()
    {
        var submissions = new List<MetricSubmissionState>();
        foreach (var (unit, level, size) in new[] { ("Sở Một", GovernmentLevel.Province, 40L), ("UBND huyện Một", GovernmentLevel.District, 25L), ("UBND xã Hai", GovernmentLevel.Commune, 9L) })
        {
            foreach (var year in new[] { 2018, 2019 })
            {
                for (var quarter = 0; quarter < 4; quarter++)
                {
                    var from = new DateOnly(year, quarter * 3 + 1, 1);
                    MetricSubmissionState Metric(EgovMetric metric, long value) => new()
                    {
                        SourceSystem = "QLVB", Unit = unit, UnitLevel = level, Metric = metric, PeriodFrom = from, PeriodTo = from.AddMonths(3).AddDays(-1),
                        Value = value, Revision = 1,
                    };
                    submissions.Add(Metric(EgovMetric.AxisDocumentsReceived, size * (quarter + 1)));
                    submissions.Add(Metric(EgovMetric.AdminDocuments, size * 10));
                    submissions.Add(Metric(EgovMetric.AdminDocumentsElectronic, size * (6 + quarter)));
                    submissions.Add(Metric(EgovMetric.CivilServants, size + quarter));
                    submissions.Add(Metric(EgovMetric.CivilServantsWithMailbox, size));
                }
            }
        }
        return submissions;
    }

    private static async Task<ReportingApp> StartAsync(PostgresServer postgres, string name)
    {
        var app = await ReportingApp.StartAsync(postgres, name);
        await app.ConsumeAsync<UnitsChangedConsumer, UnitsChanged>(new() { Units = Structure(), OccurredAt = Now });
        foreach (var chunk in Dossiers().Chunk(250))
        {
            await app.ConsumeAsync<DossiersRecordedConsumer, DossiersRecorded>(new() { Dossiers = chunk, OccurredAt = Now });
        }
        await app.ConsumeAsync<StaffingRecordedConsumer, StaffingRecorded>(new() { Facts = Staffing(), OccurredAt = Now });
        await app.ConsumeAsync<Cchc.Reporting.Api.Modernisation.MetricsSubmittedConsumer, MetricsSubmitted>(new() { Submissions = Egov(), OccurredAt = Now });
        return app;
    }

    private static async Task<Dictionary<string, JsonElement>> RowsAsync(HttpClient http, int appendix, string periods, string? scope = null)
    {
        var json = await http.GetFromJsonAsync<JsonElement>(
            $"/api/reports/appendices/{appendix}?periods={periods}" + (scope is null ? string.Empty : "&scope=" + Uri.EscapeDataString(scope)));
        if (scope is not null)
        {
            Assert.StartsWith(scope.StartsWith("level:", StringComparison.Ordinal) ? "level:" : "unit:", json.GetProperty("scope").GetProperty("key").GetString());
        }
        return json.GetProperty("rows").EnumerateArray().Where(r => r.TryGetProperty("values", out _))
            .ToDictionary(r => r.GetProperty("indicator").GetString()!, r => r.GetProperty("values"));
    }

    [Fact]
    public async Task TheDistrictsAndTheProvincesOwnUnits_AddUpToTheProvince_InEveryRowSplitByUnit_AndTheOthersReadDash()
    {
        await using var app = await StartAsync(postgres, "scope_sums");
        using var http = app.CreateClient();
        const string periods = "2018,2019,2018-06-01..2019-06-30";
        HashSet<string> splittable;
        using (var services = app.Services.CreateScope())
        {
            splittable = services.ServiceProvider.GetServices<IUnitBreakdown>().SelectMany(b => b.Indicators).ToHashSet();
        }
        foreach (var appendix in new[] { 3, 5, 7 })
        {
            var province = await RowsAsync(http, appendix, periods);
            // A district named by its committee is the district (as the token service's unit tree binds a district's systems).
            var parts = new[]
            {
                await RowsAsync(http, appendix, periods, "level:province"), await RowsAsync(http, appendix, periods, "unit:UBND huyện Một"),
                await RowsAsync(http, appendix, periods, "unit:D2"),
            };
            var levels = new[] { "province", "district", "commune" };
            var byLevel = new List<Dictionary<string, JsonElement>>();
            foreach (var level in levels)
            {
                byLevel.Add(await RowsAsync(http, appendix, periods, "level:" + level));
            }
            var checkedCells = 0;
            foreach (var (indicator, values) in province)
            {
                foreach (var cell in values.EnumerateObject())
                {
                    if (!splittable.Contains(indicator))
                    {
                        Assert.All(parts, p => Assert.Equal("-", p[indicator].GetProperty(cell.Name).GetString()));
                        continue;
                    }
                    var additive = !indicator.Contains("rate", StringComparison.Ordinal) && !indicator.EndsWith("percent", StringComparison.Ordinal);
                    if (additive && cell.Value.ValueKind == JsonValueKind.Null)
                    {
                        // Nothing reported in the province: nothing in any part either (blank, not 0).
                        Assert.All(parts.Concat(byLevel), p => Assert.Equal(JsonValueKind.Null, p[indicator].GetProperty(cell.Name).ValueKind));
                    }
                    else if (additive)
                    {
                        Assert.Equal(cell.Value.GetDecimal(), parts.Sum(p => Number(p[indicator].GetProperty(cell.Name))));
                        Assert.Equal(cell.Value.GetDecimal(), byLevel.Sum(p => Number(p[indicator].GetProperty(cell.Name))));
                        checkedCells++;
                    }
                }
            }
            Assert.True(appendix == 3 || checkedCells > 0, $"Appendix {appendix}: no additive cell split by unit");
        }
        // The rates add up through their numerators and denominators: the drill-down's units of each scope.
        foreach (var (appendix, indicator) in new[] { (3, DossierTimelinessIndicators.District), (3, DossierTimelinessIndicators.Commune),
            (3, DossierTimelinessIndicators.Province), (7, Cchc.Reporting.Api.Modernisation.OnlineServiceIndicators.ElectronicOneStopRate),
            (7, Cchc.Reporting.Api.Modernisation.ModernisationIndicators.ElectronicDocumentRate), (7, Cchc.Reporting.Api.Modernisation.ModernisationIndicators.MailboxRate) })
        {
            foreach (var period in new[] { "2018", "2019" })
            {
                var whole = await UnitsAsync(http, appendix, indicator, period, null);
                Assert.Equal((await RowsAsync(http, appendix, period))[indicator].GetProperty(period).GetDecimal(), whole.GetProperty("value").GetDecimal());
                Assert.Equal(whole.GetProperty("value").GetDecimal(), IndicatorMath.Percentage(Sum(whole, "numerator"), Sum(whole, "denominator")));
                var pieces = new[] { await UnitsAsync(http, appendix, indicator, period, "level:province"), await UnitsAsync(http, appendix, indicator, period, "unit:D1"),
                    await UnitsAsync(http, appendix, indicator, period, "unit:D2") };
                Assert.Equal(Sum(whole, "denominator"), pieces.Sum(p => Sum(p, "denominator")));
                Assert.Equal(Sum(whole, "numerator"), pieces.Sum(p => Sum(p, "numerator")));
                Assert.True(Sum(whole, "denominator") > 0);
            }
        }
    }

    [Fact]
    public async Task ADistrictsReport_CountsItsCommunesAsTheRegistryPlacedThemAtThePeriodsEnd()
    {
        await using var app = await StartAsync(postgres, "scope_moved");
        using var http = app.CreateClient();
        var dossiers = Dossiers();
        long Resolved(string[] units, int year) => dossiers.Count(d => d.Status == DossierStatus.Resolved && units.Contains(d.ReceivingUnit)
            && Cchc.Contracts.VietnamCalendar.LocalDate(d.ClosedAt!.Value).Year == year && d.UnitLevel == GovernmentLevel.Commune);
        // xã Ba was huyện Một's at the end of 2018 and huyện Hai's at the end of 2019.
        Assert.Equal(Resolved(["UBND xã Một", "UBND xã Ba"], 2018), Sum(await UnitsAsync(http, 3, DossierTimelinessIndicators.Commune, "2018", "unit:D1"), "denominator"));
        Assert.Equal(Resolved(["UBND xã Hai"], 2018), Sum(await UnitsAsync(http, 3, DossierTimelinessIndicators.Commune, "2018", "unit:D2"), "denominator"));
        Assert.Equal(Resolved(["UBND xã Một"], 2019), Sum(await UnitsAsync(http, 3, DossierTimelinessIndicators.Commune, "2019", "unit:D1"), "denominator"));
        Assert.Equal(Resolved(["UBND xã Hai", "UBND xã Ba"], 2019), Sum(await UnitsAsync(http, 3, DossierTimelinessIndicators.Commune, "2019", "unit:D2"), "denominator"));
        // A commune's own report: its committee only.
        var commune = await UnitsAsync(http, 3, DossierTimelinessIndicators.Commune, "2019", "unit:UBND xã Ba");
        Assert.Equal(["UBND xã Ba"], commune.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()));
        Assert.Equal("xã Ba và các đơn vị trực thuộc", commune.GetProperty("scope").GetProperty("label").GetString());
    }

    [Fact]
    public async Task TheUnitsOfACell_AddUpToIt_ComePageByPage_AndLeadToTheirDossiers()
    {
        await using var app = await StartAsync(postgres, "scope_drill");
        using var http = app.CreateClient();
        var dossiers = Dossiers();
        var cell = (await RowsAsync(http, 3, "2019", "unit:D1"))[DossierTimelinessIndicators.District].GetProperty("2019").GetDecimal();
        var all = await UnitsAsync(http, 3, DossierTimelinessIndicators.District, "2019", "unit:D1");
        Assert.Equal(cell, all.GetProperty("value").GetDecimal());
        Assert.Equal(cell, IndicatorMath.Percentage(Sum(all, "numerator"), Sum(all, "denominator")));
        var expectedUnits = new[] { "Phòng Tư pháp huyện Một", "UBND huyện Một" };
        Assert.Equal(expectedUnits, all.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()).Order(StringComparer.Ordinal));
        Assert.All(all.GetProperty("units").EnumerateArray(), u => Assert.Equal("district", u.GetProperty("level").GetString()));

        // Page by page (one unit a page): the same units, each once.
        var paged = new List<string>();
        string? token = null;
        do
        {
            var page = await UnitsAsync(http, 3, DossierTimelinessIndicators.District, "2019", "unit:D1", $"&pageSize=1{(token is null ? "" : "&pageToken=" + token)}");
            paged.AddRange(page.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()!));
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        Assert.Equal(expectedUnits, paged.Order(StringComparer.Ordinal));

        // The facts of one unit, seven a page: exactly the dossiers it resolved in 2019 at district level.
        var expected = dossiers.Where(d => d.ReceivingUnit == "UBND huyện Một" && d.Status == DossierStatus.Resolved
            && Cchc.Contracts.VietnamCalendar.LocalDate(d.ClosedAt!.Value).Year == 2019).Select(d => d.DossierId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, all.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "UBND huyện Một")
            .GetProperty("denominator").GetDecimal());
        var ids = await FactIdsAsync(http, $"period=2019&scope=unit:D1&unit={Uri.EscapeDataString("UBND huyện Một")}", 7);
        Assert.Equal(expected, ids);

        // A staffing cell leads to its staffing facts.
        var quota = await http.GetFromJsonAsync<JsonElement>(
            $"/api/reports/appendices/5/rows/{CivilServiceIndicators.CivilServantQuota}/facts?period=2019&scope=unit:D2");
        Assert.Equal(["F|C3-UBND|1|2019", "F|D2-UBND|1|2019"], quota.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task TheFacts_NeedReportingRead_AndShowOnlyTheUnitsTheTokenNames()
    {
        await using var app = await StartAsync(postgres, "scope_token");
        var path = $"/api/reports/appendices/3/rows/{DossierTimelinessIndicators.District}/facts?period=2019";
        using (var anonymous = app.CreateClient(null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            // The units behind a cell are aggregate figures, open like the report.
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(path.Replace("/facts", "/units", StringComparison.Ordinal))).StatusCode);
        }
        var district = app.Issuer.CreateToken("huyen-hai", ["reporting.read"], ["UBND huyện Hai", "UBND xã Hai"]);
        using var bound = app.CreateClient(district);
        var foreign = await bound.GetAsync(path + "&unit=" + Uri.EscapeDataString("UBND huyện Một"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("UBND huyện Một", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Without a unit: the province's cell, but only the facts of the units the token names.
        var units = (await FactUnitsAsync(bound, "period=2019")).Distinct().ToList();
        Assert.Equal(["UBND huyện Hai"], units);
        using var reader = app.CreateClient();
        Assert.Equal(["Phòng Tư pháp huyện Một", "UBND huyện Hai", "UBND huyện Một"], (await FactUnitsAsync(reader, "period=2019")).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AWrongScope_IsRefusedNamingIt_AndRulesHoldInsideAScope()
    {
        await using var app = await StartAsync(postgres, "scope_bad");
        using var http = app.CreateClient();
        foreach (var scope in new[] { "level:tinh", "unit:không có", "unit:" })
        {
            var answer = await http.GetAsync($"/api/reports/appendices/3?periods=2019&scope={Uri.EscapeDataString(scope)}");
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("scope", out _), scope);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/reports/appendices/3?periods=2019&scope=level:x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/reports/appendices/3/rows/{DossierTimelinessIndicators.District}/units?period=2019&pageSize=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync($"/api/reports/appendices/3/rows/{DossierTimelinessIndicators.District}/units?period=2019&pageToken=%25%25")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/reports/appendices/3/rows/no.such.row/units?period=2019")).StatusCode);

        using var scope2 = app.Services.CreateScope();
        var scoped = scope2.ServiceProvider.GetRequiredService<ScopedReports>();
        var (root, _) = await scoped.ParseAsync("unit:D1", new DateOnly(2019, 12, 31), CancellationToken.None);
        var (_, violations) = await scoped.ValidateAsync([ReportPeriod.Year(2018), ReportPeriod.Year(2019)], root!, CancellationToken.None);
        Assert.Empty(violations);

        // The page: a scope picker beside the period picker, the district's name, cells linking to their drill-down.
        var page = await http.GetStringAsync("/reports/appendices/3?periods=2019&scope=unit:D1");
        Assert.Contains("<select name=\"scope\">", page, StringComparison.Ordinal);
        Assert.Contains("huyện Một và các đơn vị trực thuộc", page, StringComparison.Ordinal);
        Assert.Contains($"/reports/appendices/3/rows/{DossierTimelinessIndicators.District}/units?period=2019&amp;scope=unit%3AD1", page, StringComparison.Ordinal);
        var drill = await http.GetStringAsync($"/reports/appendices/3/rows/{DossierTimelinessIndicators.District}/units?period=2019&scope=unit:D1");
        Assert.Contains("UBND huyện Một", drill, StringComparison.Ordinal);
        Assert.Contains("Xem dữ liệu gốc", drill, StringComparison.Ordinal);
        // The CSV and the workbook take the same scope.
        var csv = await http.GetStringAsync("/api/reports/appendices/3.csv?periods=2019&scope=unit:D1");
        // The catalogue's total is a province-wide count: "-" in a district's report.
        Assert.EndsWith("-", csv.Split('\n').Single(l => l.Contains("Tổng số TTHC của tỉnh", StringComparison.Ordinal)).TrimEnd('\r'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/reports/export.xlsx?periods=2019&scope=unit:D1")).StatusCode);
    }

    private static readonly Method<GrpcApi.GetAppendixRequest, GrpcApi.Appendix> GetAppendix = new(
        MethodType.Unary, "cchc.reporting.v1.ReportingService", "GetAppendix",
        Marshallers.Create(r => r.ToByteArray(), GrpcApi.GetAppendixRequest.Parser.ParseFrom),
        Marshallers.Create(r => r.ToByteArray(), GrpcApi.Appendix.Parser.ParseFrom));

    [Fact]
    public async Task OverGrpc_AScopeGivesTheRestApisNumbers_NoScopeIsTheProvince_AndAWrongScopeIsInvalidArgumentNamingIt()
    {
        await using var app = await StartAsync(postgres, "scope_grpc");
        using var http = app.CreateClient();
        // A district's reader (reporting.read, bound to huyện Hai's units): the report of any scope is open to it, as on the REST API (ADR 0037).
        var districtReader = app.Issuer.CreateToken("huyen-hai", ["reporting.read"], ["UBND huyện Hai", "UBND xã Hai"]);
        using var channel = GrpcChannel.ForAddress("http://localhost",
            new GrpcChannelOptions { HttpHandler = app.CreateHandler(districtReader) });
        const string periods = "2018,2019,2018-06-01..2019-06-30";
        Task<GrpcApi.Appendix> CallAsync(int number, string scope)
        {
            var request = new GrpcApi.GetAppendixRequest { Number = number, Scope = scope };
            request.Periods.AddRange(periods.Split(','));
            return channel.CreateCallInvoker().AsyncUnaryCall(GetAppendix, null, new CallOptions(), request).ResponseAsync;
        }

        var compared = 0;
        foreach (var appendix in new[] { 3, 5, 7 })
        {
            foreach (var scope in new[] { "", "province", "unit:UBND huyện Một", "unit:D2", "level:commune" })
            {
                var rest = await RowsAsync(http, appendix, periods, scope is "" or "province" ? null : scope);
                var grpc = await CallAsync(appendix, scope);
                if (scope is "" or "province")
                {
                    Assert.Null(grpc.Scope);
                }
                else
                {
                    var json = await http.GetFromJsonAsync<JsonElement>($"/api/reports/appendices/{appendix}?periods={periods}&scope={Uri.EscapeDataString(scope)}");
                    Assert.Equal(json.GetProperty("scope").GetProperty("key").GetString(), grpc.Scope.Key);
                    Assert.Equal(json.GetProperty("scope").GetProperty("label").GetString(), grpc.Scope.Label);
                }
                var rows = grpc.Rows.Where(r => !r.Heading).ToDictionary(r => r.Indicator);
                Assert.Equal(rest.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
                foreach (var (indicator, values) in rest)
                {
                    foreach (var cell in values.EnumerateObject())
                    {
                        AssertSame(cell.Value, rows[indicator].Values[cell.Name], $"{appendix} {scope} {indicator} {cell.Name}");
                        compared++;
                    }
                }
            }
        }
        Assert.True(compared > 500, $"only {compared} cells compared");
        // The district's own numbers differ from the province's somewhere (the scope is applied, not ignored).
        var province = await CallAsync(3, "");
        var district = await CallAsync(3, "unit:D2");
        Assert.NotEqual(province.Rows.Single(r => r.Indicator == DossierTimelinessIndicators.District).Values["2019"],
            district.Rows.Single(r => r.Indicator == DossierTimelinessIndicators.District).Values["2019"]);
        Assert.Equal("-", district.Rows.Single(r => r.Indicator == ProcedureCatalogIndicators.Total).Values["2019"].StringValue);

        foreach (var (scope, words) in new[] { ("level:tinh", "không hợp lệ"), ("unit:không có", "Không tìm thấy đơn vị"), ("unit:", "Phạm vi không hợp lệ"),
            (new string('x', 501), "Phạm vi không hợp lệ") })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(3, scope));
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.StartsWith("scope: ", error.Status.Detail, StringComparison.Ordinal);
            var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
            Assert.Equal("scope", violation.Field);
            Assert.Contains(words, violation.Description, StringComparison.Ordinal);
        }
    }

    /// <summary>A cell of the JSON API and the same cell over gRPC (google.protobuf.Value): null, "-", a text or a number alike.</summary>
    private static void AssertSame(JsonElement json, ProtoValue value, string cell)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.True(value.KindCase == ProtoValue.KindOneofCase.NullValue, cell);
                break;
            case JsonValueKind.String:
                Assert.True(value.KindCase == ProtoValue.KindOneofCase.StringValue, cell);
                Assert.Equal(json.GetString(), value.StringValue);
                break;
            case JsonValueKind.Number:
                Assert.True(value.KindCase == ProtoValue.KindOneofCase.NumberValue, cell);
                Assert.Equal((double)json.GetDecimal(), value.NumberValue);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.True(value.KindCase == ProtoValue.KindOneofCase.BoolValue, cell);
                Assert.Equal(json.GetBoolean(), value.BoolValue);
                break;
            case JsonValueKind.Array:
                Assert.True(value.KindCase == ProtoValue.KindOneofCase.ListValue, cell);
                Assert.Equal(json.GetArrayLength(), value.ListValue.Values.Count);
                for (var i = 0; i < json.GetArrayLength(); i++)
                {
                    AssertSame(json[i], value.ListValue.Values[i], cell);
                }
                break;
            default:
                Assert.Fail($"{cell}: unexpected {json.ValueKind}");
                break;
        }
    }

    /// <summary>A part's cell: blank (no fact in that part) adds 0.</summary>
    private static decimal Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? 0 : value.GetDecimal();

    private static decimal Sum(JsonElement cell, string part) =>
        cell.GetProperty("units").EnumerateArray().Sum(u => u.TryGetProperty(part, out var v) ? v.GetDecimal() : 0);

    private static async Task<JsonElement> UnitsAsync(HttpClient http, int appendix, string indicator, string period, string? scope, string extra = "")
    {
        var answer = await http.GetAsync($"/api/reports/appendices/{appendix}/rows/{indicator}/units?period={period}"
            + (scope is null ? string.Empty : "&scope=" + Uri.EscapeDataString(scope)) + (extra.Length == 0 ? "&pageSize=500" : extra));
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<string>> FactIdsAsync(HttpClient http, string query, int pageSize)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/reports/appendices/3/rows/{DossierTimelinessIndicators.District}/facts?{query}&pageSize={pageSize}"
                + (token is null ? string.Empty : "&pageToken=" + token));
            var facts = page.GetProperty("facts").EnumerateArray().ToList();
            Assert.True(facts.Count <= pageSize);
            ids.AddRange(facts.Select(f => f.GetProperty("id").GetString()!));
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return ids;
    }

    private static async Task<List<string>> FactUnitsAsync(HttpClient http, string query)
    {
        var units = new List<string>();
        string? token = null;
        do
        {
            var answer = await http.GetAsync($"/api/reports/appendices/3/rows/{DossierTimelinessIndicators.District}/facts?{query}&pageSize=500"
                + (token is null ? string.Empty : "&pageToken=" + token));
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
            var page = await answer.Content.ReadFromJsonAsync<JsonElement>();
            units.AddRange(page.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("unit").GetString()!));
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return units;
    }
}
