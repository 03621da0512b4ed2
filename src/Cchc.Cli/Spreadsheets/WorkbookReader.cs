using System.Text;
using ExcelDataReader;
using Sylvan.Data.Csv;

namespace Cchc.Cli.Spreadsheets;

/// <summary>One sheet of a workbook as read: its name and every row (cells as the library typed them; 0-based).</summary>
internal sealed record ReadSheet(string Name, IReadOnlyList<object?[]> Rows);

/// <summary>A file that cannot be read as a spreadsheet (the message is for people, in Vietnamese).</summary>
internal sealed class SpreadsheetException(string message) : Exception(message);

/// <summary>
/// Reads every sheet of an .xlsx/.xlsm/.xls workbook (ExcelDataReader: numbers as double, cells with a date format as
/// DateTime; a merged title row is a row with one value, recognised later by not being the header) or a .csv file (Sylvan.Data.Csv; UTF-8 with or without BOM, else
/// Windows-1258; delimiter ",", ";", tab or "|" chosen from the first lines) into rows of cell values.
/// </summary>
internal static class WorkbookReader
{
    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static IReadOnlyList<ReadSheet> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpreadsheetException($"không tìm thấy tệp {path}");
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" or ".txt" or ".tsv" => [ReadCsv(path)],
                ".xlsx" or ".xlsm" or ".xls" => ReadWorkbook(path),
                _ => throw new SpreadsheetException($"không đọc được tệp {Path.GetFileName(path)}: chỉ nhận .xlsx, .xls hoặc .csv"),
            };
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException)
        {
            throw new SpreadsheetException($"không đọc được tệp {Path.GetFileName(path)}: {e.Message}");
        }
    }

    private static List<ReadSheet> ReadWorkbook(string path)
    {
        using var stream = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<ReadSheet>();
        do
        {
            var rows = new List<object?[]>(Math.Max(16, reader.RowCount));
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }
                rows.Add(row);
            }
            sheets.Add(new ReadSheet(reader.Name, rows));
        }
        while (reader.NextResult());
        return sheets;
    }

    private static ReadSheet ReadCsv(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Decode(bytes);
        var delimiter = GuessDelimiter(text);
        using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            CsvStyle = CsvStyle.Standard,
            MaxBufferSize = 16 * 1024 * 1024,
        });
        var rows = new List<object?[]>();
        while (csv.Read())
        {
            var row = new object?[csv.RowFieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                var value = csv.GetString(i);
                row[i] = value.Length == 0 ? null : value;
            }
            rows.Add(row);
        }
        return new ReadSheet(Path.GetFileNameWithoutExtension(path), rows);
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1258 (Vietnamese ANSI).</summary>
    internal static string Decode(byte[] bytes)
    {
        try
        {
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            var text = utf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1258).GetString(bytes).Normalize(NormalizationForm.FormC);
        }
    }

    /// <summary>
    /// The delimiter that splits the first lines most consistently: title lines above the header have none, so the
    /// library's own detection (first line only) would miss it.
    /// </summary>
    internal static char GuessDelimiter(string text)
    {
        var lines = text.Split('\n', 31).Take(30).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        char[] candidates = [';', ',', '\t', '|'];
        var best = ',';
        var bestScore = 0;
        foreach (var candidate in candidates)
        {
            var counts = lines.Select(l => l.Count(c => c == candidate)).Where(c => c > 0).ToList();
            if (counts.Count == 0)
            {
                continue;
            }
            // Lines that share the most common count: the table's rows.
            var score = counts.GroupBy(c => c).Max(g => g.Count() * 100 + g.Key);
            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }
        return best;
    }
}
