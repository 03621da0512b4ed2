using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>The pages' frame (Vietnamese, inline CSS, no script) and HTML encoding of everything written into it.</summary>
internal static class HtmlPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{font-family:"Times New Roman",Times,serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#111}
        h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;font-weight:normal;margin:.2rem 0 1rem}
        nav{font-size:.9rem;margin-bottom:1rem}a{color:#0b4f8a}
        table{border-collapse:collapse;width:100%;font-size:.95rem}
        th,td{border:1px solid #555;padding:.3rem .5rem;vertical-align:top}
        th{background:#f0f0f0;text-align:center}td.stt{text-align:center;width:3rem}td.num{text-align:right;white-space:nowrap}
        tr.heading td{font-weight:bold;background:#fafafa}
        form{margin:1rem 0}input[type=text]{width:32rem;max-width:100%;padding:.2rem}
        .error{border:1px solid #b00;background:#fee;padding:.6rem;color:#700}.hint{font-size:.85rem;color:#555}
        .warning{border:1px solid #b60;background:#fff4e0;padding:.6rem;color:#630}
        .ok{border:1px solid #070;background:#efe;padding:.6rem;color:#050}
        td.violation,td.diff{background:#fdd;outline:2px solid #b00}td.nc{color:#777}span.diff{color:#b00;font-weight:bold}
        th.sub{font-size:.8rem;font-weight:normal}table.violations td{font-size:.9rem}table.violations ul{margin:0;padding-left:1rem}
        fieldset{border:1px solid #999}label.year{white-space:nowrap;margin-right:.4rem}
        .print-only{display:none}.motto{display:flex;justify-content:space-between;text-align:center;margin-bottom:1rem}
        .motto strong{display:block}.signature{display:flex;justify-content:flex-end;text-align:center;margin-top:2rem}
        .signature div{width:20rem}
        figure.chart{margin:1.5rem 0}figure.chart figcaption{font-weight:bold;margin-bottom:.3rem}figure.chart svg{display:block;max-width:48rem}
        table.chart-data{width:auto;font-size:.85rem;margin-top:.3rem}table.chart-data caption{text-align:left;font-size:.85rem;color:#555}
        span.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle;print-color-adjust:exact;-webkit-print-color-adjust:exact}
        @page{size:A4 landscape;margin:12mm 10mm}
        @media print{body{max-width:none;margin:0;padding:0;font-size:11pt}nav,.noprint,form{display:none}.print-only{display:block}
        .motto.print-only,.signature.print-only{display:flex}table{font-size:10pt;page-break-inside:auto}tr{page-break-inside:avoid}
        thead{display:table-header-group}figure.chart{break-inside:avoid;page-break-inside:avoid}figure.chart svg{max-width:100%}td.violation,td.diff{outline:none}th,td{padding:.15rem .3rem}td:nth-child(2){min-width:40%}}
        """;

    /// <summary>The issuing body printed in the header (the province's People's Committee).</summary>
    public const string IssuingBody = "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU";

    /// <summary>The official header of a printed report: issuing body and report number line, national motto, place and date line.</summary>
    private const string PrintHeader = "<div class=\"motto print-only\"><div><strong>" + IssuingBody + "</strong><span>Số: &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC-UBND</span></div>"
        + "<div><strong>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><strong><u>Độc lập - Tự do - Hạnh phúc</u></strong>"
        + "<em>Lai Châu, ngày &nbsp;&nbsp;&nbsp; tháng &nbsp;&nbsp;&nbsp; năm &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</em></div></div>";

    /// <summary>The signature block printed under a table.</summary>
    public const string SignatureBlock = "<div class=\"signature print-only\"><div><strong>TM. ỦY BAN NHÂN DÂN</strong><strong>CHỦ TỊCH</strong>"
        + "<br><br><br><br><em>(Ký, ghi rõ họ tên, đóng dấu)</em></div></div>";

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    public static IResult Render(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<nav><a href=\"/reports\">Báo cáo cải cách hành chính</a> · <a href=\"/reports/key-figures\">Số liệu chính</a> · <a href=\"/reports/validation\">Kiểm tra</a> · <a href=\"/reports/reconciliation\">Đối chiếu</a></nav>")
            .Append(PrintHeader)
            .Append(body)
            .Append("</body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static IResult Error(string title, string message, int statusCode) =>
        Render(title, $"<h1>{Encode(title)}</h1><p class=\"error\">{Encode(message)}</p>", statusCode);
}
