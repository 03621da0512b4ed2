using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cchc.Reporting.Api.Organisation;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Export;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>The exports write what the report holds: numbers as numbers, split cells part by part, one sheet per appendix.</summary>
public sealed class ExportTests
{
    private static readonly ReportPeriod[] Periods = [ReportPeriod.Year(2018), new("2020Q1", new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 31))];

    internal static AppendixReport Report(IAppendix appendix, Func<RowDefinition, int, ReportValue?> value) =>
        new(appendix.Number, appendix.Title, Periods, appendix.Rows.Select(r => new ReportRow(r, r.Heading ? null
            : Periods.Select((p, i) => (p, i)).ToDictionary(x => x.p.Key, x => value(r, x.i)))).ToList());

    private static readonly AppendixReport Appendix3 = Report(new Appendix3(), (r, i) => r.ValueType switch
    {
        ValueTypes.Percent => ReportValue.Of(99.98m - i),
        ValueTypes.Text => ReportValue.Of("62,29%, \"đang\" triển khai"),
        _ when r.Indicator == Cchc.Reporting.Api.Procedures.Appendix3.IssuedByProvince => ReportValue.NotApplicable,
        _ => ReportValue.Of(1477L + i),
    });

    private static readonly AppendixReport Appendix4 = Report(new Appendix4(), (r, i) => r.Indicator.StartsWith("organisation.service_units.", StringComparison.Ordinal)
        && r.Indicator is not OrganisationIndicators.ProvincialServiceUnits and not OrganisationIndicators.DistrictServiceUnits
            ? ReportValue.Of([ReportValue.Of(i), ReportValue.Of(25L + i), ReportValue.Of(372L)]) : ReportValue.Of(23L - i));

    [Fact]
    public void Csv_HasOneLinePerRow_AndTheReportsNumbersInInvariantForm()
    {
        var lines = CsvExport.Write(Appendix3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Appendix3.Rows.Count + 1, lines.Length);
        Assert.Equal("STT,Nội dung,Mã chỉ tiêu,Năm 2018,Năm 2020 (Tính đến 31/3)", lines[0]);
        Assert.Equal($"1,Tổng số TTHC của tỉnh,{ProcedureCatalogIndicators.Total},1477,1478", lines[1]);
        Assert.Contains(lines, l => l.EndsWith($"{Cchc.Reporting.Api.Procedures.Appendix3.IssuedByProvince},-,-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",99.98,98.98", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",\"62,29%, \"\"đang\"\" triển khai\",\"62,29%, \"\"đang\"\" triển khai\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_SplitCells_HaveAColumnPerPeriodAndPart()
    {
        var lines = CsvExport.Write(Appendix4).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3 + 2 * 3, lines[0].Split(',').Length);
        Assert.Contains(lines, l => l.StartsWith("1,Sự nghiệp GD-ĐT,", StringComparison.Ordinal) && l.EndsWith(",0,25,372,1,26,372", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("1,Số cơ quan chuyên môn thuộc UBND cấp tỉnh,", StringComparison.Ordinal) && l.EndsWith(",23,,,22,,", StringComparison.Ordinal));
    }

    [Fact]
    public void Xlsx_HasASheetPerAppendix_WithNumbersStoredAsNumbers()
    {
        var bytes = XlsxExport.Write([Appendix3, Appendix4]);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Phụ lục 3", "Phụ lục 4"], sheets.Select(s => s.Name!.Value));
        var cells = Cells(workbook, sheets[0]);
        Assert.Equal("Tổng số TTHC của tỉnh", cells["B5"].Text);
        Assert.Equal((1477m, 1478m), (cells["D5"].Number!.Value, cells["E5"].Number!.Value));
        var percentRow = Appendix3.Rows.ToList().FindIndex(r => r.Definition.ValueType == ValueTypes.Percent) + 5;
        Assert.Equal(99.98m, cells[$"D{percentRow}"].Number);
        var split = Cells(workbook, sheets[1]);
        var education = Appendix4.Rows.ToList().FindIndex(r => r.Definition.Indicator == OrganisationIndicators.EducationUnits) + 5;
        Assert.Equal([0m, 25m, 372m, 1m, 26m, 372m], new[] { "D", "E", "F", "G", "H", "I" }.Select(c => split[$"{c}{education}"].Number!.Value));
    }

    private static Dictionary<string, (string? Text, decimal? Number)> Cells(WorkbookPart workbook, Sheet sheet)
    {
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, c => c.DataType?.Value == CellValues.Number
            ? ((string?)null, (decimal?)decimal.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture))
            : (c.InlineString?.InnerText, null));
    }
}
