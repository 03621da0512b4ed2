using System.IO.Compression;
using System.Text.Json.Nodes;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Microsoft.Playwright;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// The report pages as people use them, in a real browser (Playwright for .NET driving Debian's Chromium,
/// /usr/bin/chromium, which ./cchc test installs; the driver ships in the package, no browser is downloaded) against the
/// suite's platform through the gateway: an appendix renders, the period picker changes the columns, a trend chart is
/// drawn with the appendix's numbers, and the Excel export downloads. Facts: three procedures in force in 1992–1993
/// (abolished on 1/1/1994, so no other scenario's years see them).
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

    /// <summary>A fresh page (its own context: no cookies or cache shared between tests) whose relative addresses go to <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), AcceptDownloads = true, Locale = "vi-VN" });
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
