extern alias cli;

using System.CommandLine;
using System.Text.Json.Nodes;
using cli::Cchc.Cli.Commands;
using cli::Cchc.Cli.Import;
using cli::Cchc.Cli.Import.Kinds;
using cli::Cchc.Cli.Spreadsheets;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using DocumentFormat.OpenXml.Packaging;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Comment = DocumentFormat.OpenXml.Spreadsheet.Comment;

namespace Cchc.EndToEnd.Tests;

/// <summary>
/// cchc-cli against the whole suite, through the gateway like a department user: login (client credentials, cached
/// session), import of spreadsheets with the quirks people's files have, refused rows mapped back to their cells with
/// nothing of them written, re-import without doubling, a dry run that writes nothing, an interrupted import that
/// resumes, and the report exported equal to the report's JSON. Its facts are dated 2014, a year no other scenario uses.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class CliImportTests(SuiteFixture suite) : IDisposable
{
    private const string Procedure = "E2E-CLI-TTHC-1";
    private const string Unit = "UBND huyện Tam Đường";
    private readonly string _folder = Directory.CreateTempSubdirectory("cchc-cli-e2e-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Exit, string Output, string Error)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand
        {
            LoginCommand.Create(output, error),
            TemplateCommand.Create(output, error),
            ImportCommand.CreateValidate(output, error),
            ImportCommand.CreateImport(output, error, () => false),
            ExportCommand.Create(output, error),
        };
        var exit = await root.Parse([.. args, .. (args[0] == "template" ? Array.Empty<string>() : ["--config-dir", Path.Combine(_folder, "session")])])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        await File.AppendAllTextAsync("/tmp/cchc-cli-e2e.log", $"$ cchc {string.Join(' ', args)}\n{output}{error}exit {exit}\n");
        return (exit, output.ToString(), error.ToString());
    }

    private async Task LoginAsync()
    {
        var (exit, output, error) = await CliAsync("login", "--client-id", "cchc-demo-loader", "--clients-file", suite.ClientsFile,
            "--grpc", suite.GrpcAddress.ToString(), "--http", suite.HttpAddress.ToString());
        Assert.True(exit == 0, output + error);
        var session = Path.Combine(_folder, "session", "session.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(session));
        }
        Assert.Contains("cchc-demo-loader", output);
    }

    /// <summary>The procedure the dossiers name, imported with the tool itself (a re-run finds it present).</summary>
    private async Task EnsureProcedureAsync()
    {
        var sheet = new SheetModel("Danh mục") { HeaderRow = 0 };
        sheet.Rows.Add(["Mã TTHC", "Thao tác", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Cơ quan giải quyết", "Nơi tiếp nhận", "Mức dịch vụ công trực tuyến",
            "Số quyết định", "Ngày quyết định", "Ngày hiệu lực"]);
        sheet.Rows.Add([Procedure, "Công bố mới", "Thủ tục thử nghiệm của công cụ nhập", "Hộ tịch", "Huyện", "UBND cấp huyện", "Bộ phận một cửa cấp huyện", "Mức 3",
            "45/QĐ-UBND", "01/12/2013", new DateTime(2014, 1, 1)]);
        // Abolished after the scenario's year: a procedure in force counts in every later year's catalogue, and the other
        // scenarios' Appendix 3 (2019) counts only their own.
        sheet.Rows.Add([Procedure, "Bãi bỏ", null, null, null, null, null, null, "46/QĐ-UBND", "01/12/2014", new DateTime(2015, 1, 1)]);
        var path = Path.Combine(_folder, "danh-muc.xlsx");
        XlsxWriter.Write(path, [sheet]);
        var (exit, output, error) = await CliAsync("import", "procedures", path);
        Assert.True(exit == 0, output + error);
        Assert.Matches("nhận mới [012], đã có từ trước [012], bị từ chối 0", output);
    }

    /// <summary>A resolved dossier received on <paramref name="day"/> (the cell as <paramref name="received"/>, default the Excel date), due ten days later, closed after five.</summary>
    private static object?[] Row(string id, DateTime day, object? received = null, string unit = Unit) =>
        ["Đã giải quyết", id, Procedure, unit, "Huyện", "Trực tuyến", received ?? day, day.Date.AddDays(10), day.Date.AddDays(5), "Có"];

    /// <summary>Headers without diacritics in another order, two merged title rows, dates as Excel dates and as text, two sheets.</summary>
    private string DossierWorkbook(string name, IEnumerable<object?[]> first, IEnumerable<object?[]> second)
    {
        string[] header = ["Trang thai", "So ho so", "Ma TTHC", "Don vi tiep nhan", "Cap", "Hinh thuc nop", "Ngay tiep nhan", "Han tra ket qua", "Ngay ket thuc",
            "Xu ly tren he thong mot cua dien tu"];
        var q1 = new SheetModel("Quý 1") { HeaderRow = 2 };
        q1.Rows.Add(["UBND HUYỆN TAM ĐƯỜNG"]);
        q1.Rows.Add(["SỔ THEO DÕI HỒ SƠ NĂM 2014"]);
        q1.Merges.Add((0, 0, 0, 9));
        q1.Merges.Add((1, 0, 1, 9));
        q1.Rows.Add([.. header]);
        q1.Rows.AddRange(first);
        var q2 = new SheetModel("Quý 2") { HeaderRow = 0 };
        q2.Rows.Add([.. header]);
        q2.Rows.AddRange(second);
        var path = Path.Combine(_folder, name);
        XlsxWriter.Write(path, [q1, q2]);
        return path;
    }

    private DossierService.DossierServiceClient Dossiers => new(suite.Channel);

    private async Task<bool> ExistsAsync(string id)
    {
        try
        {
            await Dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id });
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task<long> CountAsync(string unit = Unit) =>
        (await Dossiers.ListDossiersAsync(new ListDossiersRequest { ProcedureCode = Procedure, ReceivingUnit = unit, PageSize = 1 })).TotalSize;

    [Fact]
    public async Task Import_sets_bad_rows_aside_with_their_cells_writes_nothing_of_them_and_a_rerun_doubles_nothing()
    {
        await LoginAsync();
        await EnsureProcedureAsync();
        // A dossier the department sent earlier; the file says something else about it (another due date).
        var stored = new DossierRecord
        {
            DossierId = "E2E-CLI-A-STORED", ProcedureCode = Procedure, ReceivingUnit = Unit, UnitLevel = GovernmentLevel.District,
            Channel = DossierChannel.Online, Status = DossierStatus.Received,
            ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2014, 2, 1, 9, 0, 0, TimeSpan.FromHours(7))),
            DueAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2014, 2, 10, 17, 0, 0, TimeSpan.FromHours(7))),
        };
        using (var call = Dossiers.ImportDossiers())
        {
            await call.RequestStream.WriteAsync(stored);
            await call.RequestStream.CompleteAsync();
            await call;
        }
        var before = await CountAsync();
        var first = Enumerable.Range(1, 150).Select(i => Row($"E2E-CLI-A-{i:000}", new DateTime(2014, 3, 1, 8, 0, 0).AddMinutes(i))).ToList();
        first.Insert(40, Row("E2E-CLI-A-BAD-DATE", new DateTime(2014, 3, 2), "30/02/2014"));
        var second = Enumerable.Range(151, 150).Select(i => Row($"E2E-CLI-A-{i:000}", new DateTime(2014, 4, 2, i % 24, 15, 0), $"02/04/2014 {i % 24:00}:15")).ToList();
        second.Insert(10, Row("E2E-CLI-A-BAD-UNIT", new DateTime(2014, 4, 3), "03/04/2014", unit: "UBND huyện Không Có"));
        second.Insert(20, ["Đang giải quyết", stored.DossierId, Procedure, Unit, "Huyện", "Trực tuyến", new DateTime(2014, 2, 1, 9, 0, 0), new DateTime(2014, 2, 12, 17, 0, 0), null, null]);
        var file = DossierWorkbook("ho-so-2014.xlsx", first, second);

        var (exit, output, error) = await CliAsync("import", "dossiers", file, "--batch-size", "100");

        Assert.True(exit == ExitCodes.RowsRejected, output + error);
        Assert.Contains("nhận mới 300, đã có từ trước 0, bị từ chối 3", output);
        Assert.Contains("trang \"Quý 1\", dòng 44, cột G \"Ngay tiep nhan\": \"30/02/2014\" không phải là ngày giờ", output);
        Assert.Contains("trang \"Quý 2\", dòng 12, cột D \"Don vi tiep nhan\": đơn vị \"UBND huyện Không Có\" không tồn tại", output);
        Assert.Contains("trang \"Quý 2\", dòng 22, cột H \"Han tra ket qua\":", output);

        // Nothing of the bad rows is written; the stored dossier keeps what it said.
        Assert.False(await ExistsAsync("E2E-CLI-A-BAD-DATE"));
        Assert.False(await ExistsAsync("E2E-CLI-A-BAD-UNIT"));
        Assert.Equal(stored.DueAt, (await Dossiers.GetDossierAsync(new GetDossierRequest { DossierId = stored.DossierId })).Record.DueAt);
        Assert.Equal(before + 300, await CountAsync());

        // The error workbook names each bad cell: the refused rows, the cell filled, the reason as its note.
        var errors = ErrorWorkbook.PathFor(file);
        using (var document = SpreadsheetDocument.Open(errors, false))
        {
            var notes = document.WorkbookPart!.WorksheetParts
                .SelectMany(p => p.WorksheetCommentsPart!.Comments.CommentList!.Elements<Comment>().Select(c => (Cell: c.Reference!.Value!, Text: c.InnerText)))
                .ToList();
            Assert.Contains(notes, n => n.Cell == "G3" && n.Text.Contains("30/02/2014"));
            Assert.Contains(notes, n => n.Cell == "D3" && n.Text.Contains("UBND huyện Không Có"));
            // The service's own refusal (ALREADY_EXISTS naming records[i].due_at), mapped back to the due-date cell.
            Assert.Contains(notes, n => n.Cell == "H4" && n.Text.Contains(stored.DossierId));
            Assert.Equal(3, notes.Count);
        }
        var sheets = WorkbookReader.Read(errors);
        Assert.Equal(["E2E-CLI-A-BAD-DATE"], sheets[0].Rows.Skip(2).Select(r => r[1]));
        Assert.Equal(["E2E-CLI-A-BAD-UNIT", stored.DossierId], sheets[1].Rows.Skip(2).Select(r => r[1]));

        // The same file again: everything already there, nothing doubled.
        var again = await CliAsync("import", "dossiers", file, "--batch-size", "100");
        Assert.True(again.Exit == ExitCodes.RowsRejected, again.Output + again.Error);
        Assert.Contains("nhận mới 0, đã có từ trước 300, bị từ chối 3", again.Output);
        Assert.Equal(before + 300, await CountAsync());
    }

    [Fact]
    public async Task Validate_checks_everything_and_writes_nothing()
    {
        await LoginAsync();
        await EnsureProcedureAsync();
        var rows = Enumerable.Range(1, 40).Select(i => Row($"E2E-CLI-V-{i:000}", new DateTime(2014, 5, 2).AddHours(i))).ToList();
        rows.Add(Row("E2E-CLI-V-BAD", new DateTime(2014, 5, 3), unit: "UBND huyện Không Có"));
        var file = DossierWorkbook("kiem-tra.xlsx", rows.Take(20), rows.Skip(20));
        var before = await CountAsync();

        var (exit, output, error) = await CliAsync("validate", "dossiers", file);

        Assert.True(exit == ExitCodes.RowsRejected, output + error);
        Assert.Contains("Kiểm tra xong (không ghi gì vào hệ thống): 41 dòng, 40 hợp lệ, 1 có lỗi", output);
        Assert.Contains("cột D \"Don vi tiep nhan\": đơn vị \"UBND huyện Không Có\" không tồn tại", output);
        Assert.Equal(before, await CountAsync());
        Assert.False(await ExistsAsync("E2E-CLI-V-001"));
    }

    [Fact]
    public async Task An_interrupted_import_resumes_and_each_batch_is_whole()
    {
        await LoginAsync();
        await EnsureProcedureAsync();
        const string unit = "UBND xã Bản Giang";
        var rows = Enumerable.Range(1, 3_000).Select(i => Row($"E2E-CLI-R-{i:0000}", new DateTime(2014, 6, 1).AddMinutes(i), unit: unit)).ToList();
        var file = DossierWorkbook("lon.xlsx", rows.Take(1_500), rows.Skip(1_500));
        var kind = new DossiersKind();
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var engine = new ImportEngine(kind, suite.Channel.CreateCallInvoker(), output, new LineProgress(output, TimeSpan.Zero))
        {
            BatchCompleted = _ => stop.Cancel(),
        };
        var request = new ImportRequest(file, DryRun: false, BatchSize: 500);

        var interrupted = await engine.RunAsync(request, stop.Token);
        await File.AppendAllTextAsync("/tmp/cchc-cli-e2e.log", output.ToString());

        Assert.True(interrupted.Interrupted, output.ToString());
        Assert.True(File.Exists(ResumeState.PathFor(file)));
        var written = await CountAsync(unit);
        Assert.True(written > 0 && written < 3_000 && written % 500 == 0, $"{written} dossiers written: whole batches of 500 only");

        var (exit, resumedOutput, error) = await CliAsync("import", "dossiers", file, "--batch-size", "500");

        Assert.True(exit == 0, resumedOutput + error);
        // The batches the first run finished are skipped; a batch whose call was cancelled mid-way is sent again (the
        // service either rolled it back or holds it whole: then its rows count as already present).
        Assert.Contains("dòng đã xong ở lần chạy trước", resumedOutput);
        Assert.Matches(@"nhận mới [\d.]+, đã có từ trước [\d.]+, bị từ chối 0", resumedOutput);
        Assert.Equal(3_000, await CountAsync(unit));
        Assert.False(File.Exists(ResumeState.PathFor(file)));
    }

    [Fact]
    public async Task Export_equals_the_reports_json()
    {
        var json = Path.Combine(_folder, "bao-cao.json");
        var xlsx = Path.Combine(_folder, "bao-cao.xlsx");
        var csv = Path.Combine(_folder, "bao-cao");
        await Eventually.AssertAsync(async () =>
        {
            var expected = await ReportAsync();
            var (exit, output, error) = await CliAsync("export", "--periods", "2014", "--format", "json", "-o", json, "--http", suite.HttpAddress.ToString());
            Assert.True(exit == 0, output + error);
            var (xlsxExit, _, _) = await CliAsync("export", "--periods", "2014", "--format", "xlsx", "-o", xlsx, "--http", suite.HttpAddress.ToString());
            var (csvExit, _, _) = await CliAsync("export", "--periods", "2014", "--format", "csv", "-o", csv, "--http", suite.HttpAddress.ToString());
            Assert.Equal((0, 0), (xlsxExit, csvExit));
            // The report may still be taking in earlier tests' events: compare a quiet moment's report.
            return JsonNode.DeepEquals(expected, await ReportAsync()) && JsonNode.DeepEquals(expected, JsonNode.Parse(await File.ReadAllTextAsync(json)))
                && SheetsEqual(expected!.AsArray(), WorkbookReader.Read(xlsx))
                && expected.AsArray().All(a => File.Exists($"{csv}-phu-luc-{a!["no"]}.csv"));
        }, TimeSpan.FromMinutes(2), "the exported report (json, xlsx, csv) equals GET /api/reports/appendices/{n}?periods=2014");

        var scoped = await CliAsync("export", "--periods", "2014", "--format", "json", "-o", json, "--scope", Unit, "--http", suite.HttpAddress.ToString());
        Assert.Equal(0, scoped.Exit);
        var first = JsonNode.Parse(await File.ReadAllTextAsync(json))!.AsArray()[0]!.AsObject();
        Assert.True(first.ContainsKey("scope") || scoped.Output.Contains("máy chủ chưa hỗ trợ phạm vi"), scoped.Output);
    }

    private async Task<JsonNode?> ReportAsync()
    {
        var list = JsonNode.Parse(await suite.Http.GetStringAsync("/api/reports/appendices"))!.AsArray();
        var appendices = new JsonArray();
        foreach (var appendix in list)
        {
            appendices.Add(JsonNode.Parse(await suite.Http.GetStringAsync($"/api/reports/appendices/{appendix!["no"]}?periods=2014")));
        }
        return appendices;
    }

    /// <summary>Every sheet of the export: the appendix's title, and each value cell as the JSON says (numbers as numbers).</summary>
    private static bool SheetsEqual(JsonArray appendices, IReadOnlyList<ReadSheet> sheets)
    {
        if (sheets.Count != appendices.Count)
        {
            return false;
        }
        for (var a = 0; a < appendices.Count; a++)
        {
            var appendix = appendices[a]!;
            var rows = appendix["rows"]!.AsArray();
            var periods = appendix["periods"]!.AsArray().Select(p => p!["key"]!.GetValue<string>()).ToList();
            if ((string?)sheets[a].Rows[0][0] != appendix["title"]!.GetValue<string>())
            {
                return false;
            }
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = sheets[a].Rows[r + 2];
                for (var p = 0; p < periods.Count; p++)
                {
                    var value = rows[r]!["values"]?[periods[p]];
                    var cell = 3 + p < cells.Length ? cells[3 + p] : null;
                    var same = value switch
                    {
                        null => cell is null,
                        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => cell is double d && d == v.GetValue<double>(),
                        _ => cell is not null,
                    };
                    if (!same)
                    {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
