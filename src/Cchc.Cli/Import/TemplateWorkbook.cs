using Cchc.Cli.Spreadsheets;

namespace Cchc.Cli.Import;

/// <summary>
/// The template of a kind: a sheet with a title row, the Vietnamese headers (each with a note: what to write, required
/// or not, the accepted values) and one filled example row; and a sheet "Hướng dẫn" listing the columns.
/// </summary>
internal static class TemplateWorkbook
{
    public static void Write(string path, ImportKind kind)
    {
        var columns = kind.Columns;
        var data = new SheetModel(kind.Title) { HeaderRow = 1, TitleRows = 1, Widths = [.. columns.Select(c => c.Width)] };
        data.Rows.Add([$"Mẫu nhập {kind.Title} — lệnh: cchc import {kind.Name} <tệp>. Dòng 3 là ví dụ: thay bằng số liệu thật (hoặc xóa). Di chuột vào tiêu đề để xem hướng dẫn."]);
        data.Rows.Add([.. columns.Select(c => (object?)c.Header)]);
        data.Rows.Add([.. columns.Select(c => c.Example)]);
        for (var i = 0; i < columns.Count; i++)
        {
            data.Comments[(1, i)] = columns[i].Note();
        }
        data.Merges.Add((0, 0, 0, Math.Max(0, columns.Count - 1)));

        var guide = new SheetModel("Hướng dẫn") { HeaderRow = 0, Widths = [32, 14, 12, 90] };
        guide.Rows.Add(["Cột", "Trường (API)", "Bắt buộc", "Cách ghi"]);
        foreach (var column in columns)
        {
            guide.Rows.Add([column.Header, column.Key, column.Required ? "Có" : "Không", column.Note()]);
        }
        guide.Rows.Add([]);
        guide.Rows.Add([$"Dữ liệu được gửi qua {kind.Rpc} (quyền {kind.WriteScope}). Tiêu đề cột có thể có hoặc không dấu, theo thứ tự bất kỳ; "
            + "có thể có các dòng tên bảng phía trên dòng tiêu đề và nhiều trang cùng mẫu. Ngày ghi dd/mm/yyyy; số ghi 1.234.567 hoặc 1.234,5; "
            + "ô trống khác với số 0."]);
        XlsxWriter.Write(path, [data, guide]);
    }
}
