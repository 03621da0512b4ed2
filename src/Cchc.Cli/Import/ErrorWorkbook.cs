using System.Globalization;
using Cchc.Cli.Spreadsheets;

namespace Cchc.Cli.Import;

/// <summary>
/// The rows an import or a dry run refused, as a workbook the user fixes and imports again: per input sheet, a title
/// row, the input's own header and refused rows (values as they were, same columns), then the original row number and
/// the reasons; every cell at fault is filled red with the reason as its note. The two extra columns are not columns of
/// any kind, so importing the fixed workbook ignores them.
/// </summary>
internal static class ErrorWorkbook
{
    public const string ErrorHeader = "Lỗi (cchc)";
    public const string RowHeader = "Dòng trong tệp gốc";

    public static string PathFor(string input)
    {
        var directory = Path.GetDirectoryName(input) ?? ".";
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(input) + ".loi.xlsx");
    }

    public static void Write(string path, ImportKind kind, InputTables input, IEnumerable<RowState> rows, string inputName)
    {
        var rejected = rows.Where(r => r.Rejected).ToLookup(r => r.Source.Table);
        var sheets = new List<SheetModel>();
        foreach (var table in input.Tables.Where(t => rejected[t].Any()))
        {
            var width = Math.Max(table.Header.Length, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Values.Length));
            var sheet = new SheetModel(table.Sheet) { HeaderRow = 1, TitleRows = 1 };
            sheet.Rows.Add([$"Các dòng không nhập được từ {inputName} (loại {kind.Name}, trang \"{table.Sheet}\"): sửa các ô tô đỏ theo ghi chú rồi nhập lại tệp này."]);
            var header = new object?[width + 2];
            Array.Copy(table.Header, header, table.Header.Length);
            header[width] = RowHeader;
            header[width + 1] = ErrorHeader;
            sheet.Rows.Add(header);
            foreach (var row in rejected[table].OrderBy(r => r.Source.RowNumber))
            {
                var values = new object?[width + 2];
                Array.Copy(row.Source.Values, values, row.Source.Values.Length);
                values[width] = (double)row.Source.RowNumber;
                values[width + 1] = string.Join("\n", row.Errors.Select(e => Describe(kind, row.Source, e, withPlace: false)));
                var index = sheet.Rows.Count;
                sheet.Rows.Add(values);
                sheet.Flagged.Add((index, width + 1));
                foreach (var group in row.Errors.GroupBy(e => e.ColumnKey))
                {
                    var column = group.Key is not null && table.ColumnIndex.TryGetValue(group.Key, out var c) ? c : width + 1;
                    sheet.Flagged.Add((index, column));
                    sheet.Comments[(index, column)] = string.Join("\n", group.Select(e => e.Message));
                }
            }
            sheet.Merges.Add((0, 0, 0, Math.Min(width + 1, 8)));
            sheet.Widths = [.. Enumerable.Range(0, width + 2).Select(i => i == width + 1 ? 70.0 : 18.0)];
            sheets.Add(sheet);
        }
        XlsxWriter.Write(path, sheets);
    }

    /// <summary>"trang "Hồ sơ", dòng 12, cột C "Ngày tiếp nhận": reason".</summary>
    public static string Describe(ImportKind kind, SourceRow row, RowError error, bool withPlace = true)
    {
        var place = withPlace ? $"trang \"{row.Sheet}\", dòng {row.RowNumber.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        if (error.ColumnKey is not null && kind.ColumnsByKey.TryGetValue(error.ColumnKey, out var column))
        {
            var letter = row.Table.Letter(error.ColumnKey);
            var header = row.Table.ColumnIndex.TryGetValue(error.ColumnKey, out var i) ? CellReader.AsText(row.Table.Header[i]) : column.Header;
            var cell = letter.Length > 0 ? $"cột {letter} \"{header}\"" : $"cột \"{header}\"";
            return withPlace ? $"{place}, {cell}: {error.Message}" : $"{cell}: {error.Message}";
        }
        return withPlace ? $"{place}: {error.Message}" : error.Message;
    }
}
