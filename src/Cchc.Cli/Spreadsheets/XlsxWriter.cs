using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.Cli.Spreadsheets;

/// <summary>
/// A sheet to write: rows of values (string, number, bool, DateTime as an Excel date, null for a blank cell), an
/// optional header row (bold, shaded, frozen below it), title rows, merged ranges, comments on cells (Excel notes)
/// and flagged cells (red fill).
/// </summary>
internal sealed class SheetModel(string name)
{
    public string Name { get; } = name;

    public List<object?[]> Rows { get; } = [];

    /// <summary>0-based index of the header row, or -1.</summary>
    public int HeaderRow { get; set; } = -1;

    /// <summary>The first <see cref="TitleRows"/> rows are titles (bold, larger).</summary>
    public int TitleRows { get; set; }

    public Dictionary<(int Row, int Column), string> Comments { get; } = [];

    public HashSet<(int Row, int Column)> Flagged { get; } = [];

    public List<(int FromRow, int FromColumn, int ToRow, int ToColumn)> Merges { get; } = [];

    /// <summary>Column widths in characters (null: Excel's default).</summary>
    public double[]? Widths { get; set; }
}

/// <summary>
/// Writes .xlsx workbooks with the Open XML SDK: cell data streamed with <see cref="OpenXmlWriter"/> (large sheets
/// stay cheap), dates with the format dd/mm/yyyy, comments as Excel notes (the comments part and its legacy VML
/// drawing, which Excel needs to show them).
/// </summary>
internal static class XlsxWriter
{
    private const uint DateFormatId = 164;
    private const uint DateTimeFormatId = 165;

    // cellXfs indexes (see Styles()).
    private const uint StyleDefault = 0, StyleHeader = 1, StyleDate = 2, StyleDateTime = 3, StyleFlagged = 4, StyleFlaggedDate = 5,
        StyleFlaggedDateTime = 6, StyleTitle = 7, StyleWrap = 8;

    public static void Write(string path, IEnumerable<SheetModel> sheets)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        var temporary = path + ".tmp";
        using (var document = SpreadsheetDocument.Create(temporary, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheetList = new Sheets();
            uint sheetId = 0;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in sheets)
            {
                sheetId++;
                var part = workbookPart.AddNewPart<WorksheetPart>();
                WriteSheet(part, sheet, (int)sheetId);
                sheetList.Append(new Sheet { Name = UniqueName(sheet.Name, names), SheetId = sheetId, Id = workbookPart.GetIdOfPart(part) });
            }
            workbookPart.Workbook.Append(sheetList);
            workbookPart.Workbook.Save();
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteSheet(WorksheetPart part, SheetModel sheet, int sheetNumber)
    {
        string? drawingId = null;
        if (sheet.Comments.Count > 0)
        {
            var commentsPart = part.AddNewPart<WorksheetCommentsPart>();
            var list = new CommentList();
            foreach (var ((row, column), text) in sheet.Comments.OrderBy(c => c.Key.Row).ThenBy(c => c.Key.Column))
            {
                list.Append(new Comment(new CommentText(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })))
                {
                    Reference = Reference(row, column),
                    AuthorId = 0,
                });
            }
            commentsPart.Comments = new Comments(new Authors(new Author("cchc")), list);
            var vml = part.AddNewPart<VmlDrawingPart>();
            using (var stream = vml.GetStream(FileMode.Create))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                writer.Write(Vml(sheet.Comments.Keys.OrderBy(k => k.Row).ThenBy(k => k.Column), sheetNumber));
            }
            drawingId = part.GetIdOfPart(vml);
        }

        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet(), [], [new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")]);
        if (sheet.HeaderRow >= 0)
        {
            var split = sheet.HeaderRow + 1;
            w.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = split,
                TopLeftCell = Reference(split, 0),
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 }));
        }
        if (sheet.Widths is { Length: > 0 } widths)
        {
            var columns = new Columns();
            for (var i = 0; i < widths.Length; i++)
            {
                columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
            }
            w.WriteElement(columns);
        }
        w.WriteStartElement(new SheetData());
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var values = sheet.Rows[r];
            w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, (r + 1).ToString(CultureInfo.InvariantCulture))]);
            for (var c = 0; c < values.Length; c++)
            {
                var flagged = sheet.Flagged.Contains((r, c));
                if (values[c] is null && !flagged)
                {
                    continue;
                }
                var style = r == sheet.HeaderRow ? StyleHeader : r < sheet.TitleRows ? StyleTitle : StyleDefault;
                w.WriteElement(CellOf(values[c], Reference(r, c), style, flagged));
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        if (sheet.Merges.Count > 0)
        {
            var merges = new MergeCells();
            foreach (var (fromRow, fromColumn, toRow, toColumn) in sheet.Merges)
            {
                merges.Append(new MergeCell { Reference = $"{Reference(fromRow, fromColumn)}:{Reference(toRow, toColumn)}" });
            }
            w.WriteElement(merges);
        }
        if (drawingId is not null)
        {
            w.WriteElement(new LegacyDrawing { Id = drawingId });
        }
        w.WriteEndElement();
    }

    private static Cell CellOf(object? value, string reference, uint style, bool flagged)
    {
        var cell = new Cell { CellReference = reference };
        switch (value)
        {
            case null:
                break;
            case string s:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve });
                if (style == StyleDefault && s.Contains('\n'))
                {
                    style = StyleWrap;
                }
                break;
            case bool b:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(b ? "1" : "0");
                break;
            case DateTime t:
                cell.CellValue = new CellValue(t.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                style = t.TimeOfDay == TimeSpan.Zero ? StyleDate : StyleDateTime;
                break;
            case DateOnly d:
                cell.CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", CultureInfo.InvariantCulture));
                style = StyleDate;
                break;
            case double or float or decimal or int or long or short:
                cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            default:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                break;
        }
        if (flagged)
        {
            style = style switch { StyleDate => StyleFlaggedDate, StyleDateTime => StyleFlaggedDateTime, _ => StyleFlagged };
        }
        if (style != StyleDefault)
        {
            cell.StyleIndex = style;
        }
        return cell;
    }

    /// <summary>"A1" of a 0-based row and column.</summary>
    public static string Reference(int row, int column) => TextKey.ColumnLetters(column) + (row + 1).ToString(CultureInfo.InvariantCulture);

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? '-' : c).ToArray()).Trim('\'');
        clean = string.IsNullOrWhiteSpace(clean) ? "Sheet" : clean;
        clean = clean.Length > 31 ? clean[..31] : clean;
        var candidate = clean;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            var suffix = $" ({i})";
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return candidate;
    }

    private static Stylesheet Styles()
    {
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = DateTimeFormatId, FormatCode = "dd/mm/yyyy hh:mm:ss" });
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFC7CE" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(new Border());
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = DateFormatId, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = DateTimeFormatId, ApplyNumberFormat = true },
            new CellFormat { FillId = 3, ApplyFill = true },
            new CellFormat { FillId = 3, NumberFormatId = DateFormatId, ApplyFill = true, ApplyNumberFormat = true },
            new CellFormat { FillId = 3, NumberFormatId = DateTimeFormatId, ApplyFill = true, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true }) { ApplyAlignment = true });
        return new Stylesheet(numberFormats, fonts, fills, borders, new CellStyleFormats(new CellFormat()), formats);
    }

    /// <summary>The legacy VML drawing Excel needs to show the notes of a sheet (one hidden note shape per comment).</summary>
    private static string Vml(IEnumerable<(int Row, int Column)> cells, int sheetNumber)
    {
        var xml = new StringBuilder();
        xml.Append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">");
        xml.Append(CultureInfo.InvariantCulture, $"<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{sheetNumber}\"/></o:shapelayout>");
        xml.Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">");
        xml.Append("<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        var shape = sheetNumber * 1024;
        foreach (var (row, column) in cells)
        {
            shape++;
            xml.Append(CultureInfo.InvariantCulture, $"<v:shape id=\"_x0000_s{shape}\" type=\"#_x0000_t202\" ");
            xml.Append("style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:90pt;z-index:1;visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">");
            xml.Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>");
            xml.Append("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>");
            xml.Append("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>");
            xml.Append(CultureInfo.InvariantCulture, $"<x:Anchor>{column + 1}, 15, {row}, 2, {column + 4}, 15, {row + 5}, 4</x:Anchor>");
            xml.Append(CultureInfo.InvariantCulture, $"<x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>");
        }
        xml.Append("</xml>");
        return xml.ToString();
    }
}
