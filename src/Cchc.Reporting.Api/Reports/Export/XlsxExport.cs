using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Cchc.Reporting.Api.Reports.Export;

/// <summary>
/// The report as an Excel workbook (DocumentFormat.OpenXml): one sheet per appendix ("Phụ lục N"), laid out like the
/// source — the title over the table, STT, Nội dung, one column per period (Appendix 4: per day and part) — with numbers
/// stored as numbers (counts "#,##0", percentages 0.00"%"), headings in bold, borders, the header row repeated.
/// </summary>
public static class XlsxExport
{
    // Style indexes in the stylesheet below.
    private const uint Title = 1;
    private const uint Header = 2;
    private const uint TextCell = 3;
    private const uint HeadingCell = 4;
    private const uint IntegerCell = 5;
    private const uint PercentCell = 6;
    private const uint DecimalCell = 7;

    public static byte[] Write(IReadOnlyList<AppendixReport> reports)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var report in reports)
            {
                var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
                sheetPart.Worksheet = Sheet(report);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = id++, Name = $"Phụ lục {report.Number}" });
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Sheet(AppendixReport report)
    {
        var columns = ExportLayout.Columns(report);
        var width = 3 + columns.Count;
        var data = new SheetData();
        data.Append(Row(1, [Text(1, 1, $"PHỤ LỤC {report.Number}", Title)]));
        data.Append(Row(2, [Text(2, 1, report.Title.ToUpperInvariant(), Title)]));
        data.Append(Row(4, [Text(4, 1, "STT", Header), Text(4, 2, "Nội dung", Header), Text(4, 3, "Mã chỉ tiêu", Header),
            .. columns.Select((c, i) => Text(4, 4 + i, c.Header, Header))]));
        uint rowIndex = 5;
        foreach (var row in report.Rows)
        {
            var style = row.Definition.Heading ? HeadingCell : TextCell;
            var cells = new List<Cell>
            {
                Text(rowIndex, 1, row.Definition.Stt, style),
                Text(rowIndex, 2, row.Definition.Label, style),
                Text(rowIndex, 3, row.Definition.Heading ? string.Empty : row.Definition.Indicator, style),
            };
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ExportLayout.Cell(ExportLayout.ValueAt(row, columns[i].Period, columns[i].Part));
                cells.Add(value switch
                {
                    decimal d => Number(rowIndex, 4 + i, d, row.Definition.ValueType == ValueTypes.Percent ? PercentCell
                        : decimal.Truncate(d) == d ? IntegerCell : DecimalCell),
                    string s => Text(rowIndex, 4 + i, s, style),
                    _ => Text(rowIndex, 4 + i, string.Empty, style),
                });
            }
            data.Append(Row(rowIndex++, cells));
        }
        var sheet = new Worksheet();
        sheet.Append(new SheetViews(new SheetView { WorkbookViewId = 0 }));
        var cols = new Columns(
            new Column { Min = 1, Max = 1, Width = 6, CustomWidth = true },
            new Column { Min = 2, Max = 2, Width = 70, CustomWidth = true },
            new Column { Min = 3, Max = 3, Width = 14, CustomWidth = true, Hidden = true },
            new Column { Min = 4, Max = (uint)width, Width = 16, CustomWidth = true });
        sheet.Append(cols);
        sheet.Append(data);
        sheet.Append(new MergeCells(
            new MergeCell { Reference = $"A1:{ColumnName(width)}1" },
            new MergeCell { Reference = $"A2:{ColumnName(width)}2" }));
        sheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        sheet.Append(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
        return sheet;
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        row.Append(cells);
        return row;
    }

    private static Cell Text(uint row, int column, string text, uint style) => new()
    {
        CellReference = $"{ColumnName(column)}{row}",
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)),
        StyleIndex = style,
    };

    private static Cell Number(uint row, int column, decimal value, uint style) => new()
    {
        CellReference = $"{ColumnName(column)}{row}",
        DataType = CellValues.Number,
        CellValue = new CellValue(value),
        StyleIndex = style,
    };

    public static string ColumnName(int column)
    {
        var name = string.Empty;
        while (column > 0)
        {
            var rest = (column - 1) % 26;
            name = (char)('A' + rest) + name;
            column = (column - 1) / 26;
        }
        return name;
    }

    private static Stylesheet Stylesheet()
    {
        var fonts = new Fonts(
            new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }),
            new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF0F0F0" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(
            new Border(),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder()));
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "0.00\"%\"" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0.####" });
        var wrap = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top };
        var formats = new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, WrapText = true }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
                { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat((Alignment)wrap.CloneNode(true)) { BorderId = 1, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat((Alignment)wrap.CloneNode(true)) { FontId = 1, BorderId = 1, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 3, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true },
            new CellFormat { NumberFormatId = 164, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true },
            new CellFormat { NumberFormatId = 165, BorderId = 1, ApplyNumberFormat = true, ApplyBorder = true });
        return new Stylesheet(numberFormats, fonts, fills, borders, formats);
    }
}
