using Cchc.Cli.Spreadsheets;

namespace Cchc.Cli.Import;

/// <summary>
/// The table of one sheet: where its header row is, which cell holds which column, and the header as written (kept
/// for the error workbook).
/// </summary>
internal sealed class SheetTable(string sheet, int headerRowNumber, object?[] header, IReadOnlyDictionary<string, int> columnIndex)
{
    public string Sheet { get; } = sheet;

    /// <summary>1-based row number of the header row.</summary>
    public int HeaderRowNumber { get; } = headerRowNumber;

    public object?[] Header { get; } = header;

    /// <summary>Column key → 0-based cell index (columns absent from the sheet are not in it).</summary>
    public IReadOnlyDictionary<string, int> ColumnIndex { get; } = columnIndex;

    public List<SourceRow> Rows { get; } = [];

    /// <summary>"C" for a column key, or "" when the sheet has no such column.</summary>
    public string Letter(string? key) => key is not null && ColumnIndex.TryGetValue(key, out var i) ? TextKey.ColumnLetters(i) : string.Empty;
}

/// <summary>What reading an input file found: the tables of the kind, and notes for the user (sheets skipped, columns ignored).</summary>
internal sealed record InputTables(IReadOnlyList<SheetTable> Tables, IReadOnlyList<string> Notes)
{
    public int RowCount => Tables.Sum(t => t.Rows.Count);

    public IEnumerable<SourceRow> Rows => Tables.SelectMany(t => t.Rows);
}

/// <summary>
/// Finds, in each sheet, the header row of a kind's table — the row among the first 30 whose cells name the most of
/// its columns (headers with or without diacritics, in any order; title rows, merged or not, above it are skipped) —
/// and takes every non-blank row below it as data. A sheet without such a row (instructions, a chart's data) is
/// skipped with a note; a table missing a required column is an error.
/// </summary>
internal static class SheetTables
{
    private const int HeaderSearchRows = 30;

    public static InputTables Find(ImportKind kind, IReadOnlyList<ReadSheet> sheets, IReadOnlyCollection<string>? onlySheets = null)
    {
        var byKey = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var column in kind.Columns)
        {
            foreach (var key in column.HeaderKeys)
            {
                byKey.TryAdd(key, column);
            }
        }
        var tables = new List<SheetTable>();
        var notes = new List<string>();
        var missing = new List<string>();
        foreach (var sheet in sheets)
        {
            if (onlySheets is { Count: > 0 } && !onlySheets.Any(s => TextKey.Of(s) == TextKey.Of(sheet.Name)))
            {
                continue;
            }
            var (headerIndex, matches) = BestHeader(sheet, byKey);
            if (headerIndex < 0 || matches.Count < Math.Min(2, kind.Columns.Count))
            {
                notes.Add($"trang \"{sheet.Name}\": không có dòng tiêu đề của loại {kind.Name}, bỏ qua");
                continue;
            }
            var absent = kind.Columns.Where(c => c.Required && !matches.ContainsKey(c.Key)).Select(c => $"\"{c.Header}\"").ToList();
            if (absent.Count > 0)
            {
                missing.Add($"trang \"{sheet.Name}\" (tiêu đề ở dòng {headerIndex + 1}) thiếu cột bắt buộc {string.Join(", ", absent)}");
                continue;
            }
            var header = sheet.Rows[headerIndex];
            var ignored = Enumerable.Range(0, header.Length)
                .Where(i => !CellReader.IsBlank(header[i]) && !matches.ContainsValue(i))
                .Select(i => $"{TextKey.ColumnLetters(i)} \"{CellReader.AsText(header[i])}\"").ToList();
            if (ignored.Count > 0)
            {
                notes.Add($"trang \"{sheet.Name}\": bỏ qua cột không thuộc mẫu {string.Join(", ", ignored)}");
            }
            var table = new SheetTable(sheet.Name, headerIndex + 1, header, matches);
            var headerTexts = header.Select(h => CellReader.AsText(h) ?? string.Empty).ToArray();
            for (var r = headerIndex + 1; r < sheet.Rows.Count; r++)
            {
                var row = sheet.Rows[r];
                if (row.All(CellReader.IsBlank) || IsHeaderAgain(row, headerTexts))
                {
                    continue;
                }
                table.Rows.Add(new SourceRow(table, r + 1, row));
            }
            tables.Add(table);
        }
        if (missing.Count > 0)
        {
            throw new SpreadsheetException(string.Join("; ", missing));
        }
        if (tables.Count == 0)
        {
            var expected = string.Join(", ", kind.Columns.Where(c => c.Required).Select(c => $"\"{c.Header}\""));
            throw new SpreadsheetException($"không tìm thấy bảng dữ liệu loại {kind.Name} trong tệp (cần dòng tiêu đề có các cột {expected}; "
                + $"tạo mẫu bằng: cchc template {kind.Name})");
        }
        return new InputTables(tables, notes);
    }

    private static (int Index, Dictionary<string, int> Matches) BestHeader(ReadSheet sheet, Dictionary<string, Column> byKey)
    {
        var best = (Index: -1, Matches: new Dictionary<string, int>());
        for (var r = 0; r < Math.Min(HeaderSearchRows, sheet.Rows.Count); r++)
        {
            var matches = new Dictionary<string, int>(StringComparer.Ordinal);
            var row = sheet.Rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is string text && byKey.TryGetValue(TextKey.Of(text), out var column))
                {
                    matches.TryAdd(column.Key, c);
                }
            }
            if (matches.Count > best.Matches.Count)
            {
                best = (r, matches);
            }
        }
        return best;
    }

    /// <summary>A header repeated further down (a file pasted together from several exports): most cells the same text.</summary>
    private static bool IsHeaderAgain(object?[] row, string[] headerTexts)
    {
        var same = 0;
        for (var i = 0; i < Math.Min(row.Length, headerTexts.Length); i++)
        {
            if (headerTexts[i].Length > 0 && row[i] is string s && string.Equals(s.Trim(), headerTexts[i], StringComparison.OrdinalIgnoreCase))
            {
                same++;
            }
        }
        return same >= 2 && same * 2 >= headerTexts.Count(k => k.Length > 0);
    }
}
