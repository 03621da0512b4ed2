using System.Globalization;
using Cchc.Contracts;

namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// What every front (JSON, pages, gRPC) asks: an appendix by number for the "periods" parameter. Validates both
/// and answers with the report or a Vietnamese message saying what is wrong.
/// </summary>
public sealed class AppendixQuery(AppendixCalculator calculator, IEnumerable<IKeyFigures> keyFigures, TimeProvider clock)
{
    public IReadOnlyList<IAppendix> Appendices => calculator.Appendices;

    public IReadOnlyList<IKeyFigures> KeyFigures { get; } = keyFigures.OrderBy(k => k.Area, StringComparer.Ordinal).ToList();

    /// <summary>The body's key figures of a reform area for the "periods" parameter.</summary>
    public async Task<AppendixQueryResult> GetKeyFiguresAsync(string area, IReadOnlyCollection<string?>? periods, CancellationToken cancellationToken)
    {
        var figures = KeyFigures.FirstOrDefault(k => k.Area == area);
        if (figures is null)
        {
            return new AppendixQueryResult.UnknownAppendix(
                $"Không có số liệu chính cho lĩnh vực '{PeriodParser.Quote(area)}'. Các lĩnh vực hiện có: {string.Join(", ", KeyFigures.Select(k => k.Area))}.");
        }
        var parsed = PeriodParser.Parse(periods, VietnamCalendar.Today(clock));
        return parsed.IsValid
            ? new AppendixQueryResult.Found(await calculator.ComputeAsync(figures, parsed.Periods, cancellationToken))
            : new AppendixQueryResult.InvalidPeriods(parsed.Error!);
    }

    public async Task<AppendixQueryResult> GetAsync(string number, IReadOnlyCollection<string?>? periods, CancellationToken cancellationToken)
    {
        var appendix = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? calculator.Find(n) : null;
        if (appendix is null)
        {
            var available = string.Join(", ", calculator.Appendices.Select(a => a.Number));
            return new AppendixQueryResult.UnknownAppendix(
                $"Không có phụ lục số '{PeriodParser.Quote(number)}' hoặc phụ lục này chưa được hỗ trợ. Các phụ lục hiện có: {available}.");
        }
        var parsed = PeriodParser.Parse(periods, VietnamCalendar.Today(clock));
        if (!parsed.IsValid)
        {
            return new AppendixQueryResult.InvalidPeriods(parsed.Error!);
        }
        return new AppendixQueryResult.Found(await calculator.ComputeAsync(appendix, parsed.Periods, cancellationToken));
    }
}

public abstract record AppendixQueryResult
{
    private AppendixQueryResult()
    {
    }

    public sealed record Found(AppendixReport Report) : AppendixQueryResult;

    public sealed record UnknownAppendix(string Message) : AppendixQueryResult;

    /// <summary>The "periods" parameter is wrong; <see cref="Message"/> says how.</summary>
    public sealed record InvalidPeriods(string Message) : AppendixQueryResult;

    /// <summary>The "scope" parameter is wrong (Scope/ReportScope.cs); <see cref="Message"/> says how.</summary>
    public sealed record InvalidScope(string Message) : AppendixQueryResult;
}
