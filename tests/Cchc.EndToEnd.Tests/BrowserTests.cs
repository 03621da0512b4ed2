using System.IO.Compression;
using System.Text.Json.Nodes;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Microsoft.Playwright;
using OrgApi = Cchc.Organisation.Api.Grpc;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The report pages as people use them, in a real browser (Playwright for .NET driving Debian's Chromium,
/// /usr/bin/chromium, which ./cchc test installs; the driver ships in the package, no browser is downloaded) against the
/// suite's platform through the gateway: an appendix renders, the period picker changes the columns, a trend chart is
/// drawn with the appendix's numbers, the Excel export downloads, and a cell's drill-down leads to its units and on to the
/// dossiers behind it. Facts: three procedures in force in 1992–1993 (abolished on 1/1/1994, so no other scenario's years
/// see them); the drill-down's units, procedure and dossiers of 1997–1998.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class BrowserTests(SuiteFixture suite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly SemaphoreSlim Recording = new(1, 1);
    private static bool s_recorded;

    private static readonly (string Code, GovernmentLevel Level, string InForceFrom)[] Procedures =
    [
        ("E2E.BR.P1", GovernmentLevel.Province, "1992-03-01"),
        ("E2E.BR.P2", GovernmentLevel.Province, "1992-09-15"),
        ("E2E.BR.D1", GovernmentLevel.District, "1993-06-01"),
    ];

    private const string Periods = "periods=1992&periods=1993";

    [Fact]
    public async Task AnAppendix_Renders_WithItsRowsAndThePeriodsAsColumns()
    {
        await RecordProceduresAsync();
        var page = await browser.NewPageAsync(suite.HttpAddress);

        var response = await page.GotoAsync($"/reports/appendices/3?{Periods}");

        Assert.Equal(200, response!.Status);
        Assert.Equal("Phụ lục 3", await page.Locator("h1").TextContentAsync());
        Assert.Equal(["STT", "Nội dung", "Năm 1992", "Năm 1993"], await ColumnsAsync(page));
        var province = page.Locator("tr", new() { Has = page.GetByText("Số lượng TTHC cấp tỉnh", new() { Exact = true }) });
        Assert.Equal(["2", "2"], (await province.Locator("td.num").AllTextContentsAsync()).Select(t => t.Trim()));
    }

    [Fact]
    public async Task ThePeriodPicker_ChangesTheColumns()
    {
        var page = await browser.NewPageAsync(suite.HttpAddress);
        await page.GotoAsync("/reports/appendices/3?periods=1992");
        Assert.Equal(["STT", "Nội dung", "Năm 1992"], await ColumnsAsync(page));

        // A year ticked (the boxes cover the programme's years) and a year up to a day: the form asks for both, in that order.
        var picker = page.Locator("form.picker");
        await picker.GetByLabel("2019", new() { Exact = true }).CheckAsync();
        await picker.GetByLabel("Năm tính đến ngày").FillAsync("1993-03-31");
        await picker.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("toDate=1993-03-31", StringComparison.Ordinal));

        Assert.Equal(["STT", "Nội dung", "Năm 2019", "Năm 1993 (Tính đến 31/3)"], await ColumnsAsync(page));
        // The picker shows what was asked for.
        Assert.True(await page.Locator("form.picker").GetByLabel("2019", new() { Exact = true }).IsCheckedAsync());
        Assert.Equal("1993-03-31", await page.Locator("form.picker").GetByLabel("Năm tính đến ngày").InputValueAsync());
    }

    [Fact]
    public async Task TheKeyFiguresPage_DrawsTheTrendCharts_WithTheAppendixNumbers()
    {
        await RecordProceduresAsync();
        var page = await browser.NewPageAsync(suite.HttpAddress);
        await page.GotoAsync("/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Số liệu chính của báo cáo và biểu đồ xu hướng" }).ClickAsync();
        Assert.Equal("Số liệu chính của báo cáo", await page.Locator("h1").TextContentAsync());

        await page.GotoAsync($"/reports/key-figures?{Periods}");

        var chart = page.Locator("#chart-procedures svg[role=img]");
        Assert.Equal("Số thủ tục hành chính theo cấp", await chart.Locator("title").First.TextContentAsync());
        // Drawn: the browser laid it out with a size, and its bars stand on the axis with heights in proportion.
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 100 }, $"the chart's box is {box?.Width}x{box?.Height}");
        var bars = chart.Locator("rect.bar");
        var tooltips = await bars.Locator("title").AllTextContentsAsync();
        var appendix = JsonNode.Parse(await suite.Http.GetStringAsync("/api/reports/appendices/3?periods=1992,1993"))!;
        var expected = new List<string>();
        foreach (var (indicator, name) in new[] { ("procedures.in_force.province", "Cấp tỉnh"), ("procedures.in_force.district", "Cấp huyện"), ("procedures.in_force.commune", "Cấp xã") })
        {
            var values = appendix["rows"]!.AsArray().Single(r => (string?)r!["indicator"] == indicator)!["values"]!;
            expected.AddRange(new[] { ("1992", "Năm 1992"), ("1993", "Năm 1993") }.Select(p => $"{name}, {p.Item2}: {values[p.Item1]}"));
        }
        Assert.Equal(expected, tooltips);
        Assert.Contains("Cấp huyện, Năm 1993: 1", tooltips);
        var province1992 = await bars.Nth(0).BoundingBoxAsync();
        var district1993 = await bars.Nth(3).BoundingBoxAsync();
        Assert.Equal(province1992!.Height / 2, district1993!.Height, 1);
        // The text alternative: the same numbers as a table.
        Assert.Equal(["Cấp tỉnh", "2", "2"], (await page.Locator("#chart-procedures table.chart-data tbody tr").First.Locator("th, td").AllTextContentsAsync()).Select(t => t.Trim()));
        // Every chart of the page is there, drawn or saying it has no data.
        Assert.Equal(5, await page.Locator("figure.chart").CountAsync());
        // The page as drawn, beside the test assembly, for a person to look at (not an assertion).
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "key-figures-page.png"), FullPage = true });
    }

    [Fact]
    public async Task TheExcelExport_Downloads_WithASheetPerAppendix()
    {
        await RecordProceduresAsync();
        var page = await browser.NewPageAsync(suite.HttpAddress);
        await page.GotoAsync($"/reports/appendices/3?{Periods}");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Excel (các phụ lục)" }).ClickAsync());

        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        using var zip = ZipFile.OpenRead(path);
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, sheets.Count);
        using var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        Assert.Contains("Phụ lục 3", await workbook.ReadToEndAsync(), StringComparison.Ordinal);
    }

    /// <summary>The drill-down's units of its own (years 1997–1998, a province of its own): a district with its committee and another district.</summary>
    private static readonly (string Code, string Name, OrgApi.UnitKind Kind, string Parent, OrgApi.PublicServiceSector Sector)[] DrillUnits =
    [
        ("P", "tỉnh Trình Duyệt", OrgApi.UnitKind.Province, "", OrgApi.PublicServiceSector.Unspecified),
        ("D1", "huyện Trình Duyệt Một", OrgApi.UnitKind.DistrictLevel, "P", OrgApi.PublicServiceSector.Unspecified),
        ("D1-UBND", "UBND huyện Trình Duyệt Một", OrgApi.UnitKind.PeoplesCommittee, "D1", OrgApi.PublicServiceSector.Unspecified),
        ("D2", "huyện Trình Duyệt Hai", OrgApi.UnitKind.DistrictLevel, "P", OrgApi.PublicServiceSector.Unspecified),
        ("D2-UBND", "UBND huyện Trình Duyệt Hai", OrgApi.UnitKind.PeoplesCommittee, "D2", OrgApi.PublicServiceSector.Unspecified),
    ];

    /// <summary>(id, receiving unit, on time): district dossiers received in March 1998, resolved 35 (on time) or 60 days later (due after 40).</summary>
    private static readonly (string Id, string Unit, bool OnTime)[] DrillDossiers =
    [
        ("E2E-BR-DRILL-1", "UBND huyện Trình Duyệt Một", true),
        ("E2E-BR-DRILL-2", "UBND huyện Trình Duyệt Một", false),
        ("E2E-BR-DRILL-3", "UBND huyện Trình Duyệt Hai", true),
    ];

    [Fact]
    public async Task ADrillDown_FromACellOfTheAppendixPage_ReachesTheUnitsAndThenTheDossiersRecorded()
    {
        await suite.RegisterUnitsAsync("E2E-BRDRILL", "1997-01-01", DrillUnits);
        // The dossiers' procedure is in the catalogue in 1997–1998 only, so no other scenario's years count it.
        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        await catalogue.CreateProcedureAsync(new CreateProcedureRequest
        {
            Code = "E2E.BR.DRILL", InForceFrom = "1997-01-01",
            Publication = new Publication { DecisionNumber = "30/QĐ-UBND", DecisionDate = "1996-12-20" },
            Attributes = new ProcedureAttributes
            {
                Name = "Thủ tục thử nghiệm xem chi tiết ô số liệu", Field = "Hộ tịch", Level = GovernmentLevel.District,
                ResolvingUnit = "UBND huyện Trình Duyệt Một", ReceivingPlace = ReceivingPlace.DistrictOneStop,
            },
        });
        await catalogue.AbolishProcedureAsync(new AbolishProcedureRequest
        {
            Code = "E2E.BR.DRILL", AbolishedOn = "1999-01-01", Publication = new Publication { DecisionNumber = "31/QĐ-UBND", DecisionDate = "1998-12-20" },
        });
        var dossiers = new DossierService.DossierServiceClient(suite.Channel);
        var received = new DateTimeOffset(1998, 3, 4, 9, 0, 0, TimeSpan.FromHours(7));
        foreach (var (id, unit, onTime) in DrillDossiers)
        {
            await dossiers.ReceiveDossierAsync(new ReceiveDossierRequest
            {
                DossierId = id, ProcedureCode = "E2E.BR.DRILL", ReceivingUnit = unit, UnitLevel = GovernmentLevel.District, Channel = DossierChannel.InPerson,
                ReceivedAt = Timestamp.FromDateTimeOffset(received), DueAt = Timestamp.FromDateTimeOffset(received.AddDays(40)),
            });
            await dossiers.ResolveDossierAsync(new CloseDossierRequest { DossierId = id, ClosedAt = Timestamp.FromDateTimeOffset(received.AddDays(onTime ? 35 : 60)) });
        }
        // District one's report of 1998 (named by its committee): 1 of its 2 dossiers on time.
        var scope = Uri.EscapeDataString("unit:UBND huyện Trình Duyệt Một");
        await Eventually.AssertAsync(async () =>
        {
            var report = JsonNode.Parse(await suite.Http.GetStringAsync($"/api/reports/appendices/3?periods=1998&scope={scope}"))!;
            var cell = report["rows"]!.AsArray().Single(r => (string?)r!["indicator"] == "dossiers.on_time_rate.district")!["values"]!["1998"];
            return cell is JsonValue value && value.TryGetValue<decimal>(out var rate) && rate == 50m;
        }, TimeSpan.FromSeconds(120), "district one's Appendix 3 of 1998 shows its two dossiers");

        // The facts need reporting.read: the browser sends the report reader's token, as the JSON API's callers do.
        var page = await browser.NewPageAsync(suite.HttpAddress, await suite.TokenForAsync("cchc-report-reader"));
        await page.GotoAsync($"/reports/appendices/3?periods=1998&scope={scope}");
        Assert.Contains("huyện Trình Duyệt Một và các đơn vị trực thuộc", await page.Locator("body").TextContentAsync(), StringComparison.Ordinal);
        var row = page.Locator("tr", new() { Has = page.GetByText("Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hẹn", new() { Exact = false }) });
        var cellLink = row.Locator("a.drill");
        Assert.Equal("50,00%", (await cellLink.TextContentAsync())?.Trim());

        // The cell → the units behind it: the district's committee only, 1 of 2 on time.
        await cellLink.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/rows/dossiers.on_time_rate.district/units", StringComparison.Ordinal));
        Assert.Equal("Phụ lục 3: chi tiết ô số liệu", await page.Locator("h1").TextContentAsync());
        var units = page.Locator("table tbody tr");
        Assert.Equal(1, await units.CountAsync());
        var unitCells = (await units.First.Locator("td").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(["huyện Trình Duyệt Một", "UBND huyện Trình Duyệt Một", "cấp huyện", "1", "2", "50,00%", "Xem dữ liệu gốc"], unitCells);

        // The unit → its facts: the two dossiers this test recorded, not the other district's.
        await units.First.GetByRole(AriaRole.Link, new() { Name = "Xem dữ liệu gốc" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/rows/dossiers.on_time_rate.district/facts", StringComparison.Ordinal));
        Assert.Equal("Phụ lục 3: dữ liệu gốc", await page.Locator("h1").TextContentAsync());
        var facts = page.Locator("tr.fact");
        var ids = new List<string>();
        for (var i = 0; i < await facts.CountAsync(); i++)
        {
            var cells = (await facts.Nth(i).Locator("td").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
            Assert.Equal("UBND huyện Trình Duyệt Một", cells[2]);
            Assert.Contains("E2E.BR.DRILL", cells[4], StringComparison.Ordinal);
            ids.Add(cells[1]);
        }
        Assert.Equal(["E2E-BR-DRILL-1", "E2E-BR-DRILL-2"], ids.Order(StringComparer.Ordinal));

        // The same facts page without a token: refused, saying which right it needs.
        var anonymous = await browser.NewPageAsync(suite.HttpAddress);
        var refused = await anonymous.GotoAsync(page.Url);
        Assert.Equal(401, refused!.Status);
        Assert.Contains("reporting.read", await anonymous.Locator("body").TextContentAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> ColumnsAsync(IPage page) =>
        [.. (await page.Locator("table").First.Locator("thead th").AllTextContentsAsync()).Select(t => t.Trim())];

    /// <summary>The procedures, once for the class, and the report holding them (the events travel through the outbox and RabbitMQ).</summary>
    private async Task RecordProceduresAsync()
    {
        await Recording.WaitAsync();
        try
        {
            if (s_recorded)
            {
                return;
            }
            var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
            foreach (var (code, level, inForceFrom) in Procedures)
            {
                await catalogue.CreateProcedureAsync(new CreateProcedureRequest
                {
                    Code = code,
                    InForceFrom = inForceFrom,
                    Publication = new Publication { DecisionNumber = "10/QĐ-UBND", DecisionDate = "1992-02-01" },
                    Attributes = new ProcedureAttributes
                    {
                        Name = $"Thủ tục thử nghiệm trình duyệt {code}",
                        Field = "Hộ tịch",
                        Level = level,
                        ResolvingUnit = "Sở Tư pháp",
                        ReceivingPlace = level == GovernmentLevel.Province ? ReceivingPlace.ProvincialCentre : ReceivingPlace.DistrictOneStop,
                    },
                });
                await catalogue.AbolishProcedureAsync(new AbolishProcedureRequest
                {
                    Code = code,
                    AbolishedOn = "1994-01-01",
                    Publication = new Publication { DecisionNumber = "11/QĐ-UBND", DecisionDate = "1993-12-20" },
                });
            }
            await Eventually.AssertAsync(async () =>
            {
                var appendix = JsonNode.Parse(await suite.Http.GetStringAsync("/api/reports/appendices/3?periods=1992,1993"))!;
                string Cells(string indicator) => appendix["rows"]!.AsArray().Single(r => (string?)r!["indicator"] == indicator)!["values"]!.ToJsonString();
                return Cells("procedures.in_force.province") == """{"1992":2,"1993":2}""" && Cells("procedures.in_force.district") == """{"1992":0,"1993":1}""";
            }, TimeSpan.FromSeconds(60), "Appendix 3 of 1992-1993 holds the three procedures");
            s_recorded = true;
        }
        finally
        {
            Recording.Release();
        }
    }
}

/// <summary>
/// One Chromium for the browser tests: Debian's /usr/bin/chromium (or CCHC_CHROMIUM), headless, with the flags this
/// machine's closed network needs (no background connections, no component updates). Missing → the tests fail saying so.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CCHC_CHROMIUM") is { Length: > 0 } path ? path : DefaultExecutable;
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException($"{executable} is missing: install Debian's chromium (./cchc test does: apt-get install chromium).", executable);
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh page (its own context: no cookies or cache shared between tests) whose relative addresses go to <paramref name="baseAddress"/>;
    /// with <paramref name="bearerToken"/>, every request of the page carries it in its Authorization header.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string? bearerToken = null)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            AcceptDownloads = true,
            Locale = "vi-VN",
            ExtraHTTPHeaders = bearerToken is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + bearerToken },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
