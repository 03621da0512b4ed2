using System.Globalization;
using Cchc.Reporting.Api.CivilService;
using Cchc.Reporting.Api.Modernisation;
using Cchc.Reporting.Api.Procedures;

namespace Cchc.Reporting.Api.Reports.Charts;

/// <summary>One series of a trend chart: the appendix row (by its indicator key) and the name in the legend.</summary>
public sealed record TrendSeries(string Indicator, string Name);

/// <summary>
/// A trend chart over the periods asked for, drawn from rows of one appendix — the same computed cells as the appendix's
/// page and JSON, so a chart never shows a number the tables do not.
/// </summary>
public sealed record TrendChart(string Id, int Appendix, string Title, string Description, ChartKind Kind, bool Percent, IReadOnlyList<TrendSeries> Series);

/// <summary>The trend charts of the report (issue 14 item 4) and their computation for a list of periods.</summary>
public static class TrendCharts
{
    public static readonly IReadOnlyList<TrendChart> All =
    [
        new("on-time", 3, "Tỷ lệ hồ sơ TTHC giải quyết đúng hẹn theo cấp",
            "Tỷ lệ phần trăm hồ sơ thủ tục hành chính giải quyết đúng hẹn trên tổng số hồ sơ đã giải quyết trong kỳ, cấp tỉnh, cấp huyện và cấp xã (Phụ lục 3, mục 5).",
            ChartKind.Lines, Percent: true,
            [new(DossierTimelinessIndicators.Province, "Cấp tỉnh"), new(DossierTimelinessIndicators.District, "Cấp huyện"), new(DossierTimelinessIndicators.Commune, "Cấp xã")]),
        new("procedures", 3, "Số thủ tục hành chính theo cấp",
            "Số thủ tục hành chính có hiệu lực vào cuối kỳ, cấp tỉnh, cấp huyện và cấp xã (Phụ lục 3, mục 1).",
            ChartKind.Bars, Percent: false,
            [new(ProcedureCatalogIndicators.Province, "Cấp tỉnh"), new(ProcedureCatalogIndicators.District, "Cấp huyện"), new(ProcedureCatalogIndicators.Commune, "Cấp xã")]),
        new("staffing", 5, "Biên chế được giao và có mặt",
            "Tổng số biên chế cán bộ, công chức và biên chế viên chức được giao so với số có mặt vào cuối kỳ (Phụ lục 5, mục 1 và 2).",
            ChartKind.Bars, Percent: false,
            [new(CivilServiceIndicators.CivilServantQuota, "Công chức: được giao"), new(CivilServiceIndicators.CivilServantsEmployed, "Công chức: có mặt"),
             new(CivilServiceIndicators.PublicEmployeeQuota, "Viên chức: được giao"), new(CivilServiceIndicators.PublicEmployeesEmployed, "Viên chức: có mặt")]),
        new("e-documents", 7, "Văn bản điện tử trên Trục liên thông văn bản quốc gia",
            "Số văn bản nhận và gửi trên Trục liên thông văn bản quốc gia trong kỳ (Phụ lục 7, mục 3 và 4).",
            ChartKind.Bars, Percent: false,
            [new(ModernisationIndicators.AxisReceived, "Văn bản nhận"), new(ModernisationIndicators.AxisSent, "Văn bản gửi")]),
        new("e-document-rate", 7, "Tỷ lệ văn bản hành chính trao đổi dưới dạng điện tử",
            "Tỷ lệ phần trăm văn bản hành chính được trao đổi dưới dạng điện tử trong kỳ (Phụ lục 7, mục 1).",
            ChartKind.Lines, Percent: true,
            [new(ModernisationIndicators.ElectronicDocumentRate, "Văn bản điện tử")]),
    ];

    /// <summary>
    /// Every chart for the periods (the "periods" parameter as the appendices take it): each appendix the charts need is
    /// computed once. <c>Error</c> says in Vietnamese what is wrong when the periods are (no charts then).
    /// </summary>
    public static async Task<(IReadOnlyList<ChartModel> Charts, IReadOnlyList<ReportPeriod> Periods, string? Error)> ComputeAsync(
        AppendixQuery query, IReadOnlyCollection<string?>? periods, CancellationToken cancellationToken)
    {
        var reports = new Dictionary<int, AppendixReport>();
        foreach (var number in All.Select(c => c.Appendix).Distinct())
        {
            switch (await query.GetAsync(number.ToString(CultureInfo.InvariantCulture), periods, cancellationToken))
            {
                case AppendixQueryResult.Found { Report: var report }:
                    reports[number] = report;
                    break;
                case AppendixQueryResult.InvalidPeriods invalid:
                    return ([], [], invalid.Message);
                case AppendixQueryResult.UnknownAppendix unknown:
                    throw new InvalidOperationException($"A trend chart names appendix {number}, which is not served: {unknown.Message}");
            }
        }
        var charts = All.Select(chart => ToModel(chart, reports[chart.Appendix])).ToList();
        return (charts, reports.Values.First().Periods, null);
    }

    /// <summary>The chart's series from the report's rows, one value per period (a blank, "-" or text cell draws nothing).</summary>
    public static ChartModel ToModel(TrendChart chart, AppendixReport report)
    {
        var series = chart.Series.Select(s =>
        {
            var row = report.Rows.SingleOrDefault(r => r.Definition.Indicator == s.Indicator)
                ?? throw new InvalidOperationException($"Appendix {report.Number} has no row '{s.Indicator}' (chart '{chart.Id}').");
            return new ChartSeries(s.Name, report.Periods.Select(p => row.Values?.GetValueOrDefault(p.Key) is ReportValue.Number n ? n.Value : (decimal?)null).ToList());
        }).ToList();
        return new ChartModel("chart-" + chart.Id, chart.Title, chart.Description, chart.Kind, chart.Percent, report.Periods.Select(p => p.Label).ToList(), series);
    }
}
