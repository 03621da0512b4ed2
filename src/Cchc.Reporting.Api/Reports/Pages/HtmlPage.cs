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
        """;

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    public static IResult Render(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<nav><a href=\"/reports\">Báo cáo cải cách hành chính</a></nav>")
            .Append(body)
            .Append("</body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    public static IResult Error(string title, string message, int statusCode) =>
        Render(title, $"<h1>{Encode(title)}</h1><p class=\"error\">{Encode(message)}</p>", statusCode);
}
