using Cchc.Contracts;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports.Validation;

namespace Cchc.Reporting.Api.Reports.Scope;

/// <summary>
/// Computes a table (an appendix or key figures) for a scope. The province is the ordinary report
/// (<see cref="AppendixCalculator"/>, unchanged). A level or a unit: every row an <see cref="IUnitBreakdown"/> splits is the
/// sum of the measures of the units in scope; every other row reads "-" (not applicable: a province-wide figure, a
/// catalogue count, a national index rank — never the province's number under a district's name). Headings stay.
/// </summary>
public sealed class ScopedReports(AppendixCalculator calculator, IEnumerable<IUnitBreakdown> breakdowns, IEnumerable<IKeyFigures> keyFigures,
    ValidationRules rules, ReportingDbContext db, TimeProvider clock)
{
    private UnitPlaces? places;

    public IReadOnlyList<IUnitBreakdown> Breakdowns { get; } = breakdowns.ToList();

    /// <summary>The registry's places of units, loaded once per request.</summary>
    public async Task<UnitPlaces> PlacesAsync(CancellationToken cancellationToken) => places ??= await UnitPlaces.LoadAsync(db, cancellationToken);

    /// <summary>The breakdown that splits the indicator, or null when it cannot be split by unit.</summary>
    public IUnitBreakdown? BreakdownOf(string indicator) => Breakdowns.FirstOrDefault(b => b.Indicators.Contains(indicator));

    /// <summary>
    /// Reads the "scope" parameter: empty or "province" → the province; "level:province|district|commune"; "unit:&lt;code or
    /// name&gt;" (or the code or name alone) → that unit and its subtree, as the registry knows it on <paramref name="day"/>.
    /// </summary>
    public async Task<(ReportScope? Scope, string? Error)> ParseAsync(string? text, DateOnly? day, CancellationToken cancellationToken)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value == "province")
        {
            return (ReportScope.Province, null);
        }
        if (value.StartsWith("level:", StringComparison.Ordinal))
        {
            return ReportScope.ParseLevel(value["level:".Length..]) is { } level
                ? (new ReportScope.Level(level), null)
                : (null, $"Cấp '{PeriodParser.Quote(value["level:".Length..])}' không hợp lệ: dùng level:province (cấp tỉnh), level:district (cấp huyện) hoặc level:commune (cấp xã).");
        }
        var unit = value.StartsWith("unit:", StringComparison.Ordinal) ? value["unit:".Length..].Trim() : value;
        if (unit.Length is 0 or > 500)
        {
            return (null, "Phạm vi không hợp lệ: dùng province, level:district hoặc unit:<mã hoặc tên đơn vị>.");
        }
        var loaded = await PlacesAsync(cancellationToken);
        return loaded.ScopeRoot(unit, day ?? VietnamCalendar.Today(clock)) is { } root
            ? (root, null)
            : (null, $"Không tìm thấy đơn vị '{PeriodParser.Quote(unit)}' trong danh mục đơn vị (mã hoặc tên đơn vị, ví dụ unit:UBND huyện Tam Đường).");
    }

    /// <summary>
    /// An appendix for the "periods" and "scope" parameters, as <see cref="AppendixQuery.GetAsync"/> answers for the province;
    /// the scope's units are placed as the registry has them on the last period's last day. Null scope error = valid.
    /// </summary>
    public async Task<(AppendixQueryResult Result, ReportScope Scope)> GetAsync(AppendixQuery query, string number, IReadOnlyCollection<string?>? periods,
        string? scopeText, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(scopeText) || scopeText.Trim() == ReportScope.Province.Key)
        {
            return (await query.GetAsync(number, periods, cancellationToken), ReportScope.Province);
        }
        var appendix = int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? calculator.Find(n) : null;
        var parsed = PeriodParser.Parse(periods, VietnamCalendar.Today(clock));
        if (appendix is null || !parsed.IsValid)
        {
            // The province's answer says what is wrong with the number or the periods, in the same words.
            return (await query.GetAsync(number, periods, cancellationToken), ReportScope.Province);
        }
        var (scope, error) = await ParseAsync(scopeText, parsed.Periods.Max(p => p.To), cancellationToken);
        return scope is null
            ? (new AppendixQueryResult.InvalidScope(error!), ReportScope.Province)
            : (new AppendixQueryResult.Found(await ComputeAsync(appendix, parsed.Periods, scope, cancellationToken)), scope);
    }

    public async Task<AppendixReport> ComputeAsync(IAppendix table, IReadOnlyList<ReportPeriod> periods, ReportScope scope, CancellationToken cancellationToken)
    {
        if (scope.IsProvince)
        {
            return await calculator.ComputeAsync(table, periods, cancellationToken);
        }
        var measures = await MeasuresAsync(table.Rows.Where(r => !r.Heading).Select(r => r.Indicator), periods, cancellationToken);
        var loaded = await PlacesAsync(cancellationToken);
        var rows = table.Rows.Select(r => new ReportRow(r, r.Heading ? null : periods.ToDictionary(p => p.Key, p =>
            BreakdownOf(r.Indicator) is not { } breakdown ? ReportValue.NotApplicable
                : Aggregate(r, measures.Of(r.Indicator, p.Key), loaded, scope, p, breakdown.BlankWithoutFacts(r.Indicator))))).ToList();
        return new AppendixReport(table.Number, table.Title, periods, rows);
    }

    /// <summary>Every appendix and key figure table in the scope, and the rules they break (rules hold inside a scope as in the province).</summary>
    public async Task<(ComputedTables Tables, IReadOnlyList<Violation> Violations)> ValidateAsync(IReadOnlyList<ReportPeriod> periods, ReportScope scope,
        CancellationToken cancellationToken)
    {
        var appendices = new List<AppendixReport>();
        foreach (var appendix in calculator.Appendices)
        {
            appendices.Add(await ComputeAsync(appendix, periods, scope, cancellationToken));
        }
        var figures = new List<(string, AppendixReport)>();
        foreach (var table in keyFigures.OrderBy(k => k.Area, StringComparer.Ordinal))
        {
            figures.Add((table.Area, await ComputeAsync(table, periods, scope, cancellationToken)));
        }
        var tables = new ComputedTables(periods, appendices, figures);
        return (tables, RuleEvaluator.Evaluate(rules.All, tables));
    }

    /// <summary>The unit measures of the indicators that can be split, from each breakdown that computes one of them.</summary>
    public async Task<UnitMeasures> MeasuresAsync(IEnumerable<string> indicators, IReadOnlyList<ReportPeriod> periods, CancellationToken cancellationToken)
    {
        var wanted = indicators.ToHashSet(StringComparer.Ordinal);
        var measures = new UnitMeasures();
        foreach (var breakdown in Breakdowns.Where(b => b.Indicators.Any(wanted.Contains)))
        {
            await breakdown.ComputeAsync(periods, measures, cancellationToken);
        }
        return measures;
    }

    /// <summary>The cell in the scope: the units' measures added up (a rate from the summed numerators and denominators).</summary>
    public static ReportValue? Aggregate(RowDefinition row, IReadOnlyDictionary<string, UnitMeasure> units, UnitPlaces places, ReportScope scope, ReportPeriod period,
        bool blankWithoutFacts = false)
    {
        UnitMeasure? total = null;
        foreach (var (unit, measure) in units)
        {
            if (places.InScope(scope, unit, period.To))
            {
                total = total is { } t ? t.Add(measure) : measure;
            }
        }
        return total is { } sum ? sum.ToValue() : row.ValueType == ValueTypes.Percent || blankWithoutFacts ? null : ReportValue.Of(0L);
    }
}
