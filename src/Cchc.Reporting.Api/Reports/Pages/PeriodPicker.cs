using System.Globalization;
using System.Text;

namespace Cchc.Reporting.Api.Reports.Pages;

/// <summary>
/// The period picker of the pages (a plain GET form, no script): years as check boxes, a year up to a cut-off day
/// ("Năm 2020, tính đến 31/3"), and a span of years (2011–2020). The form's fields become the "periods" the APIs take
/// (<see cref="Combine"/>), so a page and its JSON always ask the same thing.
/// </summary>
public static class PeriodPicker
{
    public const int FirstYear = 2005;

    public const int LastYear = 2030;

    /// <summary>The page's fields as "periods" values: the years ticked, then the year to a day, then the span of years.</summary>
    public static string[]? Combine(string[]? periods, string? toDate, string? fromYear, string? toYear)
    {
        var values = (periods ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        if (!string.IsNullOrWhiteSpace(toDate))
        {
            values.Add(DateOnly.TryParseExact(toDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}-01-01..{day:yyyy-MM-dd}")
                : toDate);
        }
        if (!string.IsNullOrWhiteSpace(fromYear) || !string.IsNullOrWhiteSpace(toYear))
        {
            values.Add($"{fromYear}-01-01..{toYear}-12-31");
        }
        return values.Count == 0 ? null : [.. values];
    }

    /// <param name="extraFields">More fields of the same form (the scope picker of Reports/Scope), placed before the button.</param>
    public static string Render(string action, IReadOnlyList<ReportPeriod> chosen, string caption, string? extraFields = null)
    {
        var years = chosen.Where(p => p.From is { Month: 1, Day: 1 } && p.To is { Month: 12, Day: 31 } && p.From.Year == p.To.Year)
            .Select(p => p.From.Year).ToHashSet();
        var toDate = chosen.FirstOrDefault(p => p.From is { Month: 1, Day: 1 } && p.To.Year == p.From.Year && p.To is not { Month: 12, Day: 31 });
        var span = chosen.FirstOrDefault(p => p.From is { Month: 1, Day: 1 } && p.To is { Month: 12, Day: 31 } && p.To.Year > p.From.Year);
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<form method=\"get\" action=\"{action}\" class=\"picker noprint\"><fieldset><legend>{HtmlPage.Encode(caption)}</legend>")
            .Append("<p><span class=\"label\">Các năm:</span> ");
        for (var year = FirstYear; year <= LastYear; year++)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<label class=\"year\"><input type=\"checkbox\" name=\"periods\" value=\"{year}\"{(years.Contains(year) ? " checked" : string.Empty)}> {year}</label> ");
        }
        html.Append("</p><p><label>Năm tính đến ngày: <input type=\"date\" name=\"toDate\"")
            .Append(toDate is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" value=\"{toDate.To:yyyy-MM-dd}\""))
            .Append("></label></p><p><span class=\"label\">Giai đoạn nhiều năm:</span> ")
            .Append(YearSelect("fromYear", "từ năm", span?.From.Year)).Append(' ').Append(YearSelect("toYear", "đến năm", span?.To.Year))
            .Append("</p>").Append(extraFields).Append("<button type=\"submit\">Xem</button></fieldset></form>");
        return html.ToString();
    }

    private static string YearSelect(string name, string label, int? selected)
    {
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<label>{label} <select name=\"{name}\"><option value=\"\"></option>");
        for (var year = FirstYear; year <= LastYear; year++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option{(selected == year ? " selected" : string.Empty)}>{year}</option>");
        }
        return html.Append("</select></label>").ToString();
    }
}
