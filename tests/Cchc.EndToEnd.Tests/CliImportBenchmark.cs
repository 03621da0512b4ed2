extern alias cli;

using System.CommandLine;
using System.Diagnostics;
using cli::Cchc.Cli.Commands;
using cli::Cchc.Cli.Spreadsheets;
using Cchc.Procedures.Api.Grpc;
using Xunit.Abstractions;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// A 100,000-row dossier workbook imported with cchc-cli through the gateway (login, then import, in process, progress
/// as plain lines): the rate in docs/benchmarks.md. A measurement, not a check: Category=Benchmark, outside ./cchc test.
///   dotnet test tests/Cchc.EndToEnd.Tests -c Release --filter "Category=Benchmark&amp;FullyQualifiedName~CliImportBenchmark" --logger "console;verbosity=detailed"
/// </summary>
[Collection(SuiteCollection.Name)]
[Trait("Category", "Benchmark")]
public sealed class CliImportBenchmark(SuiteFixture suite, ITestOutputHelper log) : IDisposable
{
    private const int Rows = 100_000;
    private const string Procedure = "E2E-CLI-BENCH";
    private readonly string _folder = Directory.CreateTempSubdirectory("cchc-cli-bench-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_100000_row_dossier_workbook_imports_through_the_gateway()
    {
        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel);
        await catalogue.CreateProcedureAsync(new CreateProcedureRequest
        {
            Code = Procedure, InForceFrom = "2015-01-01",
            Publication = new Publication { DecisionNumber = "46/QĐ-UBND", DecisionDate = "2014-12-01" },
            Attributes = new ProcedureAttributes
            {
                Name = "Thủ tục đo tốc độ nhập", Field = "Hộ tịch", Level = GovernmentLevel.Commune, ResolvingUnit = "UBND cấp xã",
                ReceivingPlace = ReceivingPlace.CommuneOneStop,
            },
        });
        // Its dossiers are received in 2015: abolished from 2016, so the scenarios that count 2017–2019 never see it.
        await catalogue.AbolishProcedureAsync(new AbolishProcedureRequest
        {
            Code = Procedure, AbolishedOn = "2016-01-01", Publication = new Publication { DecisionNumber = "47/QĐ-UBND", DecisionDate = "2015-12-20" },
        });
        var sheet = new SheetModel("Hồ sơ") { HeaderRow = 0 };
        sheet.Rows.Add(["Số hồ sơ", "Mã TTHC", "Đơn vị tiếp nhận", "Cấp", "Hình thức nộp", "Ngày tiếp nhận", "Hạn trả kết quả", "Trạng thái", "Ngày kết thúc",
            "Xử lý trên hệ thống một cửa điện tử"]);
        string[] units = ["UBND xã Bản Giang", "UBND huyện Tam Đường", "UBND huyện Sìn Hồ", "UBND huyện Mường Tè"];
        for (var i = 0; i < Rows; i++)
        {
            var received = new DateTime(2015, 1, 2, 7, 30, 0).AddMinutes(i * 5);
            var open = i % 10 == 0;
            sheet.Rows.Add([$"E2E-BENCH-{i:000000}", Procedure, units[i % units.Length], i % 4 == 0 ? "Xã" : "Huyện", i % 3 == 0 ? "Trực tuyến" : "Trực tiếp",
                received, received.Date.AddDays(7), open ? "Đang giải quyết" : "Đã giải quyết", open ? null : received.AddDays(i % 9), i % 2 == 0 ? "Có" : null]);
        }
        var file = Path.Combine(_folder, "ho-so-100000.xlsx");
        var written = Stopwatch.StartNew();
        XlsxWriter.Write(file, [sheet]);
        log.WriteLine($"workbook: {Rows:N0} rows, {new FileInfo(file).Length / 1024.0 / 1024:N1} MiB, written in {written.Elapsed.TotalSeconds:N1} s");

        var output = new StringWriter();
        var root = new RootCommand { LoginCommand.Create(output, output), ImportCommand.CreateImport(output, output, () => false) };
        var session = Path.Combine(_folder, "session");
        Assert.Equal(0, await root.Parse(["login", "--client-id", "cchc-demo-loader", "--clients-file", suite.ClientsFile, "--grpc", suite.GrpcAddress.ToString(),
            "--http", suite.HttpAddress.ToString(), "--config-dir", session]).InvokeAsync());
        var watch = Stopwatch.StartNew();
        var exit = await root.Parse(["import", "dossiers", file, "--config-dir", session]).InvokeAsync();
        watch.Stop();
        log.WriteLine(output.ToString());
        log.WriteLine($"import of {Rows:N0} rows (read, checked against the unit registry and catalogue, sent): {watch.Elapsed.TotalSeconds:N1} s, "
            + $"{Rows / watch.Elapsed.TotalSeconds:N0} rows/s");

        Assert.Equal(0, exit);
        var count = (await new DossierService.DossierServiceClient(suite.Channel).ListDossiersAsync(new ListDossiersRequest { ProcedureCode = Procedure, PageSize = 1 })).TotalSize;
        Assert.Equal(Rows, count);
    }
}
