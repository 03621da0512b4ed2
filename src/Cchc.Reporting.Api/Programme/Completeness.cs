using System.Globalization;
using System.Text;
using Cchc.Contracts;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Http;
using Cchc.Reporting.Api.Reports.Pages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Cchc.Reporting.Api.Programme;

/// <summary>One obligation's state: owed and received on time, late, missing (deadline passed), or not yet due.</summary>
public sealed record CompletenessItem(string Subject, string Label, DateOnly PeriodFrom, DateOnly PeriodTo, DateOnly DueOn, string Status,
    DateTimeOffset? ReceivedAt);

/// <summary>A unit's obligations in the asked periods, with the counts the page shows.</summary>
public sealed record UnitCompleteness(string Unit, int Owed, int OnTime, int Late, int Missing, int NotYetDue, IReadOnlyList<CompletenessItem> Items);

public sealed record CompletenessDto(IReadOnlyList<PeriodDto> Periods, IReadOnlyList<UnitCompleteness> Units, int Owed, int OnTime, int Late, int Missing, int NotYetDue);

/// <summary>
/// Completeness and timeliness (docs/adr/0027): every obligation whose period lies inside one of the asked periods, per
/// unit, with its state — received on time (first received on or before the due day, Vietnam local day), late, missing
/// (nothing received and the due day has passed) or not yet due. A submitted value is received when the unit submitted
/// it for exactly that period; programme records of a kind when the unit recorded one dated inside the period.
/// GET /api/reports/completeness?periods=… (JSON) and /reports/completeness?periods=… (page).
/// </summary>
public static class Completeness
{
    public const string OnTime = "đúng hạn";
    public const string Late = "trễ hạn";
    public const string Missing = "chưa báo cáo";
    public const string NotYetDue = "chưa đến hạn";

    private const string Sql = """
        SELECT DISTINCT ON (o.unit, o.subject, o.period_from, o.period_to)
            o.unit, o.subject, o.indicator, o.record_kind, o.period_from, o.period_to, o.due_on,
            CASE WHEN o.indicator IS NOT NULL THEN
                (SELECT v.first_recorded_at FROM submitted_value_facts v WHERE v.indicator = o.indicator AND v.unit = o.unit
                    AND v.period_from = o.period_from AND v.period_to = o.period_to)
            ELSE
                (SELECT min(r.first_recorded_at) FROM programme_record_facts r WHERE r.reporting_unit = o.unit AND r.kind = o.record_kind
                    AND r.day_from BETWEEN o.period_from AND o.period_to)
            END
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        JOIN obligation_facts o ON o.period_from >= p.from_day AND o.period_to <= p.to_day
        ORDER BY o.unit, o.subject, o.period_from, o.period_to
        """;

    public static IEndpointRouteBuilder MapCompleteness(this IEndpointRouteBuilder app)
    {
        // What the province's units owe and have sent is part of the report it publishes (a cell owed and missing reads
        // "chưa báo cáo" with its unit): open to read like the appendices.
        app.MapGet("/api/reports/completeness", GetAsync).WithTags("Reports").AllowAnonymous();
        app.MapGet("/reports/completeness", PageAsync).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<CompletenessDto>, ProblemHttpResult>> GetAsync([FromQuery] string[]? periods, ReportingDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var parsed = PeriodParser.Parse(periods, VietnamCalendar.Today(clock));
        if (!parsed.IsValid)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [PeriodParser.Parameter] = [parsed.Error!] })
            {
                Title = "Tham số không hợp lệ", Detail = $"{PeriodParser.Parameter}: {parsed.Error}", Status = StatusCodes.Status400BadRequest,
            });
        }
        return TypedResults.Ok(await ComputeAsync(db, parsed.Periods, VietnamCalendar.Today(clock), cancellationToken));
    }

    public static async Task<CompletenessDto> ComputeAsync(ReportingDbContext db, IReadOnlyList<ReportPeriod> periods, DateOnly today, CancellationToken cancellationToken)
    {
        var items = new List<(string Unit, CompletenessItem Item)>();
        await FactQuery.ReadAsync(db, Sql, periods, r =>
        {
            var subject = r.GetString(1);
            var indicator = r.IsDBNull(2) ? null : r.GetString(2);
            var due = r.GetFieldValue<DateOnly>(6);
            DateTimeOffset? received = r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7);
            var status = received is { } at ? (VietnamCalendar.LocalDate(at) <= due ? OnTime : Late) : due < today ? Missing : NotYetDue;
            items.Add((r.GetString(0), new CompletenessItem(subject, LabelOf(indicator, r.GetInt32(3)), r.GetFieldValue<DateOnly>(4), r.GetFieldValue<DateOnly>(5),
                due, status, received)));
        }, cancellationToken);
        var units = items.GroupBy(i => i.Unit, StringComparer.Ordinal)
            .Select(g => Summarise(g.Key, g.Select(i => i.Item).ToList()))
            .OrderByDescending(u => u.Missing).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToList();
        return new CompletenessDto(periods.Select(PeriodDto.Of).ToList(), units,
            units.Sum(u => u.Owed), units.Sum(u => u.OnTime), units.Sum(u => u.Late), units.Sum(u => u.Missing), units.Sum(u => u.NotYetDue));
    }

    private static UnitCompleteness Summarise(string unit, IReadOnlyList<CompletenessItem> items) => new(unit, items.Count,
        items.Count(i => i.Status == OnTime), items.Count(i => i.Status == Late), items.Count(i => i.Status == Missing), items.Count(i => i.Status == NotYetDue), items);

    /// <summary>What is owed, in words: the report row a submitted value fills, or the kind of programme records.</summary>
    public static string LabelOf(string? indicator, int recordKind) => indicator switch
    {
        "procedures.issued_by_province" => "Phụ lục 3: Số TTHC do tỉnh ban hành (được giao trong Luật)",
        "procedures.simplified_after_review" => "Phụ lục 3, dòng 2: Số TTHC được đơn giản hóa sau rà soát",
        "procedures.published_in_full" => "Phụ lục 3, dòng 3: Số lượng TTHC được công khai đầy đủ, đúng quy định trên Cổng/Trang TTĐT",
        { } other => other,
        null => recordKind switch
        {
            1 => "Phụ lục 1: kiểm tra CCHC",
            2 => "Phụ lục 1: tuyên truyền CCHC",
            3 => "Phụ lục 1: lớp tập huấn chuyên đề CCHC",
            4 => "Phụ lục 1: mô hình, sáng kiến CCHC",
            5 => "Phụ lục 1: bộ tiêu chí đánh giá CCHC",
            6 => "Phụ lục 1: khảo sát sự hài lòng",
            7 => "Kết quả chỉ số PAR INDEX, SIPAS, PAPI, PCI",
            _ => "Bản ghi chương trình CCHC",
        },
    };

    public static async Task<IResult> PageAsync([FromQuery] string[]? periods, [FromQuery] string? toDate, [FromQuery] string? fromYear,
        [FromQuery] string? toYear, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The same period picker as the appendices' pages (years, a year to a cut-off date, a span of years).
        var chosen = Reports.Pages.PeriodPicker.Combine(periods, toDate, fromYear, toYear)?.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        var today = VietnamCalendar.Today(clock);
        var parsed = PeriodParser.Parse(chosen, today);
        if (!parsed.IsValid)
        {
            return HtmlPage.Error("Kỳ báo cáo không hợp lệ", parsed.Error!, StatusCodes.Status400BadRequest);
        }
        var result = await ComputeAsync(db, parsed.Periods, today, cancellationToken);
        var asked = string.Join(',', parsed.Periods.Select(p => p.Key));
        var html = new StringBuilder("<h1>Tình hình gửi báo cáo của các đơn vị</h1>")
            .Append("<h2>").Append(HtmlPage.Encode(string.Join(", ", parsed.Periods.Select(p => p.Label)))).Append("</h2>")
            .Append(string.Create(CultureInfo.InvariantCulture, $"<p>Phải báo cáo: {result.Owed}; đúng hạn: {result.OnTime}; trễ hạn: {result.Late}; chưa báo cáo (quá hạn): {result.Missing}; chưa đến hạn: {result.NotYetDue}.</p>"))
            .Append("<table><thead><tr><th>Đơn vị</th><th>Phải báo cáo</th><th>Đúng hạn</th><th>Trễ hạn</th><th>Chưa báo cáo</th><th>Chưa đến hạn</th><th>Chi tiết</th></tr></thead><tbody>");
        foreach (var unit in result.Units)
        {
            html.Append("<tr><td>").Append(HtmlPage.Encode(unit.Unit)).Append("</td>")
                .Append(string.Create(CultureInfo.InvariantCulture, $"<td class=\"num\">{unit.Owed}</td><td class=\"num\">{unit.OnTime}</td><td class=\"num\">{unit.Late}</td><td class=\"num\">{unit.Missing}</td><td class=\"num\">{unit.NotYetDue}</td><td>"));
            foreach (var item in unit.Items)
            {
                var received = item.ReceivedAt is { } at
                    ? string.Create(CultureInfo.InvariantCulture, $", nhận ngày {VietnamCalendar.LocalDate(at):dd/MM/yyyy}")
                    : string.Empty;
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"{item.Label} ({ReportPeriod.LabelOf(item.PeriodFrom, item.PeriodTo)}, hạn {item.DueOn:dd/MM/yyyy}): {item.Status}{received}");
                html.Append(HtmlPage.Encode(line)).Append("<br>");
            }
            html.Append("</td></tr>");
        }
        if (result.Units.Count == 0)
        {
            html.Append("<tr><td colspan=\"7\">Không có nghĩa vụ báo cáo nào trong các kỳ này.</td></tr>");
        }
        html.Append("</tbody></table>")
            .Append(Reports.Pages.PeriodPicker.Render("/reports/completeness", parsed.Periods, "Chọn kỳ báo cáo khác"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"<p class=\"hint\"><a href=\"/api/reports/completeness?periods={Uri.EscapeDataString(asked)}\">Dữ liệu JSON</a></p>"));
        return HtmlPage.Render("Tình hình gửi báo cáo", html.ToString());
    }
}
