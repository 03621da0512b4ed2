using System.Text;
using Cchc.Cli.Import;
using Cchc.Cli.Import.Kinds;
using Cchc.Cli.Spreadsheets;
using Cchc.Procedures.Api.Grpc;

namespace Cchc.Cli.Tests.Spreadsheets;

/// <summary>Real .xlsx and .csv files, written with the Open XML SDK (and as text for CSV), read back as an import would.</summary>
public sealed class SheetTablesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cchc-cli-sheets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Headers without diacritics, shuffled, under two merged title rows; dates as real Excel dates and as text; two data sheets and a notes sheet.</summary>
    internal static string QuirkyDossierWorkbook(string path)
    {
        string[] header = ["Trang thai", "SO HO SO", "ma tthc", "Don vi tiep nhan", "Cấp", "Hinh thuc nop", "Ngay tiep nhan (dd/mm/yyyy)", "Han tra ket qua",
            "Ngay ket thuc", "Ghi chú riêng"];
        var first = new SheetModel("Quý 1") { HeaderRow = 2 };
        first.Rows.Add(["SỞ TƯ PHÁP TỈNH LAI CHÂU"]);
        first.Rows.Add(["BÁO CÁO HỒ SƠ TTHC QUÝ 1 NĂM 2019"]);
        first.Merges.Add((0, 0, 0, 9));
        first.Merges.Add((1, 0, 1, 9));
        first.Rows.Add([.. header]);
        first.Rows.Add(["Đã giải quyết", "HS-001", "1.001", "UBND huyện Tam Đường", "Huyện", "Trực tuyến", new DateTime(2019, 3, 5, 8, 30, 0), "12/03/2019", new DateTime(2019, 3, 11), "x"]);
        first.Rows.Add([]);
        first.Rows.Add(["Dang xu ly", "HS-002", "1.001", "UBND huyện Tam Đường", "huyen", "truc tiep", "06/03/2019 14:00", new DateTime(2019, 3, 13), null, null]);
        var second = new SheetModel("Quý 2") { HeaderRow = 0 };
        second.Rows.Add([.. header]);
        second.Rows.Add(["Trả lại", "HS-003", "1.001", "UBND huyện Tam Đường", "Huyện", "Bưu chính công ích", "01/04/2019", "10/04/2019", "02/04/2019", null]);
        second.Rows.Add([.. header]);
        second.Rows.Add(["Đã giải quyết", "HS-004", "1.001", "UBND huyện Tam Đường", "Huyện", "Trực tuyến", "32/04/2019", "10/04/2019", "02/04/2019", null]);
        var notes = new SheetModel("Ghi chú");
        notes.Rows.Add(["Số liệu do Văn phòng UBND huyện tổng hợp"]);
        XlsxWriter.Write(path, [first, second, notes]);
        return path;
    }

    [Fact]
    public void Finds_the_header_under_merged_title_rows_in_every_sheet_and_skips_others()
    {
        var tables = SheetTables.Find(new DossiersKind(), WorkbookReader.Read(QuirkyDossierWorkbook(Path.Combine(_folder, "q.xlsx"))));

        Assert.Equal(["Quý 1", "Quý 2"], tables.Tables.Select(t => t.Sheet));
        Assert.Equal(3, tables.Tables[0].HeaderRowNumber);
        Assert.Equal(1, tables.Tables[1].HeaderRowNumber);
        // The blank row and the repeated header are not data.
        Assert.Equal([4, 6, 2, 4], tables.Rows.Select(r => r.RowNumber));
        Assert.Equal(1, tables.Tables[0].ColumnIndex["dossier_id"]);
        Assert.Equal(0, tables.Tables[0].ColumnIndex["status"]);
        Assert.Contains(tables.Notes, n => n.Contains("Ghi chú") && n.Contains("bỏ qua"));
        Assert.Contains(tables.Notes, n => n.Contains("Ghi chú riêng"));
    }

    [Fact]
    public void Rows_become_records_with_vietnam_times_and_errors_name_the_cell()
    {
        var kind = new DossiersKind();
        var tables = SheetTables.Find(kind, WorkbookReader.Read(QuirkyDossierWorkbook(Path.Combine(_folder, "q.xlsx"))));
        var readers = tables.Rows.Select(r => new RowReader(r, kind.ColumnsByKey)).ToList();
        var records = readers.Select(r => (DossierRecord?)kind.BuildRecord(r)).ToList();

        var first = records[0]!;
        Assert.Equal("HS-001", first.DossierId);
        Assert.Equal(DossierStatus.Resolved, first.Status);
        Assert.Equal(DossierChannel.Online, first.Channel);
        Assert.Equal(new DateTimeOffset(2019, 3, 5, 8, 30, 0, TimeSpan.FromHours(7)), first.ReceivedAt.ToDateTimeOffset());
        // A day alone is the end of that day for the due and closing dates.
        Assert.Equal(new DateTimeOffset(2019, 3, 12, 23, 59, 59, TimeSpan.FromHours(7)), first.DueAt.ToDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2019, 3, 11, 23, 59, 59, TimeSpan.FromHours(7)), first.ClosedAt.ToDateTimeOffset());
        var second = records[1]!;
        Assert.Equal(DossierStatus.Received, second.Status);
        Assert.Equal(DossierChannel.InPerson, second.Channel);
        Assert.Null(second.ClosedAt);
        Assert.False(second.HasProcessedElectronically);
        Assert.Equal(DossierChannel.PublicPostal, records[2]!.Channel);

        Assert.Null(records[3]);
        var error = Assert.Single(readers[3].Errors);
        Assert.Equal("received_at", error.ColumnKey);
        Assert.Contains("32/04/2019", error.Message);
        Assert.Equal("trang \"Quý 2\", dòng 4, cột G \"Ngay tiep nhan (dd/mm/yyyy)\": " + error.Message,
            ErrorWorkbook.Describe(kind, readers[3].Row, error));
    }

    [Fact]
    public void A_table_missing_a_required_column_is_refused_naming_it()
    {
        var sheet = new SheetModel("Hồ sơ");
        sheet.Rows.Add(["Số hồ sơ", "Mã TTHC", "Đơn vị tiếp nhận"]);
        sheet.Rows.Add(["HS-1", "1.001", "UBND huyện Tam Đường"]);
        var path = Path.Combine(_folder, "missing.xlsx");
        XlsxWriter.Write(path, [sheet]);

        var error = Assert.Throws<SpreadsheetException>(() => SheetTables.Find(new DossiersKind(), WorkbookReader.Read(path)));
        Assert.Contains("\"Ngày tiếp nhận\"", error.Message);
        Assert.Contains("\"Hạn trả kết quả\"", error.Message);
    }

    [Fact]
    public void Blank_and_zero_stay_different()
    {
        var sheet = new SheetModel("Biên chế");
        sheet.Rows.Add(["Mã đơn vị", "Chỉ tiêu", "Từ ngày", "Đến ngày", "Số lượng"]);
        sheet.Rows.Add(["LC-SNV", "Công chức hiện có", "01/01/2019", "31/12/2019", 0.0]);
        sheet.Rows.Add(["LC-SNV", "Viên chức hiện có", "01/01/2019", "31/12/2019", null]);
        sheet.Rows.Add(["LC-SNV", "Bổ nhiệm mới", "01/01/2019", "31/12/2019", "1.234"]);
        var path = Path.Combine(_folder, "staffing.xlsx");
        XlsxWriter.Write(path, [sheet]);
        var kind = new StaffingFiguresKind();
        var readers = SheetTables.Find(kind, WorkbookReader.Read(path)).Rows.Select(r => new RowReader(r, kind.ColumnsByKey)).ToList();
        var records = readers.Select(kind.BuildRecord).Cast<Cchc.Organisation.Api.Grpc.StaffingItem?>().ToList();

        Assert.Equal(0, records[0]!.Figure.Value);
        Assert.Null(records[1]);
        Assert.Equal("value", Assert.Single(readers[1].Errors).ColumnKey);
        Assert.Equal(1234, records[2]!.Figure.Value);
    }

    [Fact]
    public void Csv_with_semicolons_a_title_line_and_windows_1258_encoding()
    {
        var text = "Báo cáo hồ sơ năm 2019\r\n"
            + "Số hồ sơ;Mã TTHC;Đơn vị tiếp nhận;Cấp;Hình thức nộp;Ngày tiếp nhận;Hạn trả kết quả;Trạng thái;Ngày kết thúc\r\n"
            + "HS-9;1.001;\"UBND huyện Tam Đường; tiếp nhận\";Huyện;Trực tuyến;05/03/2019;12/03/2019;Đang giải quyết;\r\n";
        var path = Path.Combine(_folder, "hoso.csv");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, Encoding.GetEncoding(1258).GetBytes(Windows1258Form(text)));

        var kind = new DossiersKind();
        var tables = SheetTables.Find(kind, WorkbookReader.Read(path));
        var row = Assert.Single(tables.Rows);
        Assert.Equal(2, tables.Tables[0].HeaderRowNumber);
        var record = (DossierRecord)kind.BuildRecord(new RowReader(row, kind.ColumnsByKey))!;
        Assert.Equal("UBND huyện Tam Đường; tiếp nhận", record.ReceivingUnit);
        Assert.Equal(DossierStatus.Received, record.Status);
    }

    /// <summary>
    /// Vietnamese as Windows-1258 holds it: letters with circumflex, breve or horn precomposed (â, ê, ô, ă, ơ, ư), tone
    /// marks as combining characters after them.
    /// </summary>
    private static string Windows1258Form(string text)
    {
        var result = new StringBuilder();
        var decomposed = text.Normalize(NormalizationForm.FormD);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var letter = decomposed[i].ToString();
            var tones = new StringBuilder();
            while (i + 1 < decomposed.Length && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(decomposed[i + 1]) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                var mark = decomposed[++i];
                if (mark is '\u0302' or '\u0306' or '\u031B')
                {
                    letter = (letter + mark).Normalize(NormalizationForm.FormC);
                }
                else
                {
                    tones.Append(mark);
                }
            }
            result.Append(letter).Append(tones);
        }
        return result.ToString();
    }

    [Fact]
    public void Csv_in_utf8_with_bom_and_commas()
    {
        var path = Path.Combine(_folder, "ngan-sach.csv");
        File.WriteAllText(path, "Mã số liệu,Loại số liệu,Từ năm,Số tiền (triệu đồng),Nguồn số liệu\n"
            + "thu-2019,Thu ngân sách nhà nước,2019,\"2.206.300,5\",Quyết toán 2019\n", new UTF8Encoding(true));
        var kind = new BudgetKind();
        var row = Assert.Single(SheetTables.Find(kind, WorkbookReader.Read(path)).Rows);
        var figure = (Cchc.Finance.Api.Grpc.BudgetFigure)kind.BuildRecord(new RowReader(row, kind.ColumnsByKey))!;
        Assert.Equal("2206300.5", figure.Amount);
        Assert.Equal(2019, figure.YearTo);
    }
}
