using System.Globalization;
using Cchc.Contracts;
using Cchc.Reporting.Api.Domain.Periods;

namespace Cchc.Reporting.Api.Domain.Reports;

/// <summary>
/// What every front (JSON, pages, gRPC) asks: an appendix by number for the "periods" parameter. Validates both
/// and answers with the report or a Vietnamese message saying what is wrong.
/// </summary>
public sealed class AppendixQuery(AppendixCalculator calculator, TimeProvider clock)
{
    public IReadOnlyList<IAppendix> Appendices => calculator.Appendices;

    public async Task<AppendixQueryResult> GetAsync(string number, IReadOnlyCollection<string?>? periods, CancellationToken cancellationToken)
    {
        var appendix = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? calculator.Find(n) : null;
        if (appendix is null)
        {
            var available = string.Join(", ", calculator.Appendices.Select(a => a.Number));
            return new AppendixQueryResult.UnknownAppendix(
                $"Không có phụ lục số '{number}' hoặc phụ lục này chưa được hỗ trợ. Các phụ lục hiện có: {available}.");
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
}
