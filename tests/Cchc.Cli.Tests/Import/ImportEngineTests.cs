using Cchc.Cli.Import;
using Cchc.Cli.Import.Kinds;
using Cchc.Cli.Spreadsheets;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Cchc.Cli.Tests.Import;

public sealed class ImportEngineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cchc-cli-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A dossier workbook whose rows have the given ids (all otherwise valid).</summary>
    private string Workbook(params string[] ids)
    {
        var sheet = new SheetModel("Hồ sơ") { HeaderRow = 0 };
        sheet.Rows.Add(["Số hồ sơ", "Mã TTHC", "Đơn vị tiếp nhận", "Cấp", "Hình thức nộp", "Ngày tiếp nhận", "Hạn trả kết quả", "Trạng thái", "Ngày kết thúc"]);
        foreach (var id in ids)
        {
            sheet.Rows.Add([id, "1.001", "UBND huyện Tam Đường", "Huyện", "Trực tuyến", new DateTime(2019, 3, 5), new DateTime(2019, 3, 12), "Đã giải quyết", new DateTime(2019, 3, 10)]);
        }
        var path = Path.Combine(_folder, "hoso.xlsx");
        XlsxWriter.Write(path, [sheet]);
        return path;
    }

    private static ImportEngine Engine(FakeDossierImports service, StringWriter output) =>
        new(new DossiersKind(), service, output, new LineProgress(output, TimeSpan.Zero));

    private static ImportRequest Request(string file, int batchSize = 100, bool dryRun = false) =>
        new(file, dryRun, BatchSize: batchSize, CheckReferences: false);

    [Fact]
    public async Task Refused_rows_are_set_aside_with_the_services_reason_on_their_cell_and_the_rest_is_imported()
    {
        var file = Workbook("HS-1", "HS-2", "BAD-3", "HS-4", "ODD-5", "HS-6", "BAD-7", "HS-8");
        var service = new FakeDossierImports();
        var output = new StringWriter();

        var summary = await Engine(service, output).RunAsync(Request(file), CancellationToken.None);

        Assert.Equal((8L, 5L, 0L, 3L), (summary.Rows, summary.Accepted, summary.AlreadyPresent, summary.Rejected));
        Assert.Equal(["HS-1", "HS-2", "HS-4", "HS-6", "HS-8"], service.Stored.Order());
        Assert.Contains("trang \"Hồ sơ\", dòng 4, cột G \"Hạn trả kết quả\": hạn trả kết quả phải sau ngày tiếp nhận", output.ToString());
        Assert.Contains("trang \"Hồ sơ\", dòng 6: không nhận được lô này", output.ToString());
        Assert.Equal(ErrorWorkbook.PathFor(Path.GetFullPath(file)), summary.ErrorWorkbook);
        Assert.False(File.Exists(ResumeState.PathFor(Path.GetFullPath(file))));

        // The error workbook: valid Open XML, the refused rows only, the bad cells with the reason as a note.
        using (var document = SpreadsheetDocument.Open(summary.ErrorWorkbook!, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            var sheet = document.WorkbookPart!.WorksheetParts.Single();
            var notes = sheet.WorksheetCommentsPart!.Comments.CommentList!.Elements<DocumentFormat.OpenXml.Spreadsheet.Comment>()
                .ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
            Assert.Equal("hạn trả kết quả phải sau ngày tiếp nhận", notes["G3"]);
            Assert.Equal("hạn trả kết quả phải sau ngày tiếp nhận", notes["G5"]);
            Assert.Equal("không nhận được lô này", notes["K4"]);
        }
        var rows = WorkbookReader.Read(summary.ErrorWorkbook!).Single().Rows;
        Assert.Equal(["BAD-3", "ODD-5", "BAD-7"], rows.Skip(2).Select(r => r[0]));
        Assert.Equal([4.0, 6.0, 8.0], rows.Skip(2).Select(r => r[9]));
    }

    [Fact]
    public async Task Rows_dated_in_an_approved_period_go_to_the_error_workbook_with_the_lock_in_Vietnamese_and_the_rest_is_imported()
    {
        var file = Workbook("HS-1", "LOCK-2", "HS-3", "LOCK-4", "HS-5");
        var service = new FakeDossierImports();
        var output = new StringWriter();

        var summary = await Engine(service, output).RunAsync(Request(file), CancellationToken.None);

        Assert.Equal((5L, 3L, 2L), (summary.Rows, summary.Accepted, summary.Rejected));
        Assert.Equal(["HS-1", "HS-3", "HS-5"], service.Stored.Order());
        Assert.Contains($"trang \"Hồ sơ\", dòng 3, cột F \"Ngày tiếp nhận\": {FakeDossierImports.LockedMessage}", output.ToString());
        using (var document = SpreadsheetDocument.Open(summary.ErrorWorkbook!, false))
        {
            var notes = document.WorkbookPart!.WorksheetParts.Single().WorksheetCommentsPart!.Comments.CommentList!
                .Elements<DocumentFormat.OpenXml.Spreadsheet.Comment>().ToDictionary(c => c.Reference!.Value!, c => c.InnerText);
            Assert.Equal(FakeDossierImports.LockedMessage, notes["F3"]);
            Assert.Equal(FakeDossierImports.LockedMessage, notes["F4"]);
        }
        Assert.Equal(["LOCK-2", "LOCK-4"], WorkbookReader.Read(summary.ErrorWorkbook!).Single().Rows.Skip(2).Select(r => r[0]));
    }

    [Fact]
    public async Task The_fixed_error_workbook_imports_and_a_rerun_doubles_nothing()
    {
        var file = Workbook("HS-1", "BAD-2", "HS-3");
        var service = new FakeDossierImports();
        var first = await Engine(service, new StringWriter()).RunAsync(Request(file), CancellationToken.None);

        // The user fixes the refused row in the error workbook (its id here) and imports that workbook.
        var errors = WorkbookReader.Read(first.ErrorWorkbook!).Single();
        var sheet = new SheetModel("Hồ sơ") { HeaderRow = 1 };
        sheet.Rows.AddRange(errors.Rows.Select(r => r.ToArray()));
        sheet.Rows[2][0] = "HS-2";
        var fixedFile = Path.Combine(_folder, "hoso.loi.sua.xlsx");
        XlsxWriter.Write(fixedFile, [sheet]);
        var output = new StringWriter();
        var second = await Engine(service, output).RunAsync(Request(fixedFile), CancellationToken.None);
        var rerun = await Engine(service, new StringWriter()).RunAsync(Request(file), CancellationToken.None);

        Assert.Equal((1L, 0L, 0L), (second.Accepted, second.AlreadyPresent, second.Rejected));
        Assert.Contains("Lỗi (cchc)", output.ToString());
        Assert.Equal((0L, 2L, 1L), (rerun.Accepted, rerun.AlreadyPresent, rerun.Rejected));
        Assert.Equal(["HS-1", "HS-2", "HS-3"], service.Stored.Order());
    }

    [Fact]
    public async Task An_interrupted_import_resumes_after_the_batches_it_finished()
    {
        var ids = Enumerable.Range(1, 10).Select(i => $"HS-{i:00}").ToArray();
        var file = Workbook(ids);
        var service = new FakeDossierImports();
        using var stop = new CancellationTokenSource();
        var engine = Engine(service, new StringWriter());
        engine.BatchCompleted = _ => stop.Cancel();

        var interrupted = await engine.RunAsync(Request(file, batchSize: 3), stop.Token);

        Assert.True(interrupted.Interrupted);
        var resume = ResumeState.PathFor(Path.GetFullPath(file));
        Assert.True(File.Exists(resume));
        // Whole batches only: a call is all or nothing.
        Assert.Equal(0, service.Stored.Count % 3);
        Assert.InRange(service.Stored.Count, 3, 6);
        var done = service.Stored.Count;

        var calls = service.Calls;
        var resumed = await Engine(service, new StringWriter()).RunAsync(Request(file, batchSize: 3), CancellationToken.None);

        Assert.False(resumed.Interrupted);
        Assert.Equal(done, resumed.ResumedRows);
        Assert.Equal(10, resumed.Accepted);
        Assert.Equal(0, resumed.AlreadyPresent);
        Assert.Equal((10 - done + 2) / 3, service.Calls - calls);
        Assert.Equal(ids, service.Stored.Order());
        Assert.False(File.Exists(resume));
    }

    [Fact]
    public async Task A_dry_run_sends_nothing_and_reports_every_bad_cell()
    {
        var sheet = new SheetModel("Hồ sơ") { HeaderRow = 0 };
        sheet.Rows.Add(["So ho so", "Ma TTHC", "Don vi tiep nhan", "Cap", "Hinh thuc nop", "Ngay tiep nhan", "Han tra ket qua", "Trang thai", "Ngay ket thuc"]);
        sheet.Rows.Add(["HS-1", "1.001", "UBND huyện Tam Đường", "Tỉnh lẻ", "Trực tuyến", "05/03/2019", "01/03/2019", "Đã giải quyết", null]);
        var file = Path.Combine(_folder, "thu.xlsx");
        XlsxWriter.Write(file, [sheet]);
        var service = new FakeDossierImports();
        var output = new StringWriter();

        var summary = await Engine(service, output).RunAsync(Request(file, dryRun: true), CancellationToken.None);

        Assert.Equal(0, service.Calls);
        Assert.Equal(1, summary.Rejected);
        var text = output.ToString();
        Assert.Contains("cột D \"Cap\": \"Tỉnh lẻ\" không hợp lệ", text);
        Assert.Contains("cột G \"Han tra ket qua\": hạn trả kết quả phải sau ngày tiếp nhận", text);
        Assert.Contains("cột I \"Ngay ket thuc\": hồ sơ đã giải quyết, trả lại hoặc rút cần ngày kết thúc", text);
    }

    [Fact]
    public void Every_template_is_valid_open_xml_with_a_note_on_each_header_and_an_example_that_passes_its_own_checks()
    {
        foreach (var kind in ImportKinds.All)
        {
            var path = Path.Combine(_folder, $"mau-{kind.Name}.xlsx");
            TemplateWorkbook.Write(path, kind);
            using (var document = SpreadsheetDocument.Open(path, false))
            {
                Assert.Empty(new OpenXmlValidator().Validate(document));
                var notes = document.WorkbookPart!.WorksheetParts.First().WorksheetCommentsPart!.Comments.CommentList!.ChildElements.Count;
                Assert.Equal(kind.Columns.Count, notes);
            }
            var tables = SheetTables.Find(kind, WorkbookReader.Read(path));
            var row = Assert.Single(tables.Rows);
            Assert.Equal(kind.Columns.Count, tables.Tables[0].ColumnIndex.Count);
            var reader = new RowReader(row, kind.ColumnsByKey);
            Assert.True(kind.BuildRecord(reader) is not null, $"{kind.Name}: {string.Join("; ", reader.Errors)}");
        }
    }

    [Fact]
    public void Kinds_map_the_services_field_paths_to_their_columns()
    {
        Assert.Equal("received_at", new DossiersKind().ColumnOfField("received_at")?.Key);
        Assert.Equal("attributes.issuer_unit", new LegalDocumentsKind().ColumnOfField("attributes.issuer_unit")?.Key);
        Assert.Equal("new_name", new UnitChangesKind().ColumnOfField("rename.new_name")?.Key);
        Assert.Equal("unit_code", new UnitChangesKind().ColumnOfField("merge.source_codes[1]")?.Key);
        Assert.Equal("new_units", new UnitChangesKind().ColumnOfField("split.new_units[0].name")?.Key);
        Assert.Equal("unit.name", new UnitsKind().ColumnOfField("found.unit.name")?.Key);
        Assert.Equal("value", new StaffingFiguresKind().ColumnOfField("figure.value")?.Key);
        Assert.Equal("effective_from", new ProceduresKind().ColumnOfField("abolished_on")?.Key);
        Assert.Null(new DossiersKind().ColumnOfField("something_else"));
    }
}
