using System.Globalization;
using System.Text;
using Cchc.Contracts;
using Cchc.Security;

namespace Cchc.Reporting.Api.Reports.Scope;

/// <summary>
/// From a cell (appendix, row's indicator, one period, a scope) to the units behind it — each unit's share, the shares
/// adding up to the cell — and on to the facts of those units, paged (ADR 0038). A submitted row has no units to split:
/// its answer names where the value comes from (the provenance the report carries).
/// </summary>
public sealed class DrillDown(AppendixCalculator calculator, ScopedReports scoped, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The cell's units, one page of them in the order district, unit name.</summary>
    public async Task<DrillDownResult<CellUnits>> UnitsAsync(string no, string row, string? period, string? scope, int? pageSize, string? pageToken,
        CancellationToken cancellationToken)
    {
        var cell = await ResolveAsync(no, row, period, scope, pageSize, cancellationToken);
        if (cell.Error is { } error)
        {
            return new(null, error);
        }
        var (appendix, definition, reportPeriod, reportScope, size) = cell.Value;
        if (DecodeOffset(pageToken) is not { } offset)
        {
            return new(null, new DrillDownError("pageToken", "Mã trang tiếp theo không hợp lệ: dùng đúng giá trị nextPageToken của trang trước."));
        }
        var report = await scoped.ComputeAsync(new OneRow(appendix, definition), [reportPeriod], reportScope, cancellationToken);
        var value = report.Rows[0].Values?.GetValueOrDefault(reportPeriod.Key);
        var breakdown = scoped.BreakdownOf(definition.Indicator);
        if (breakdown is null)
        {
            // Not split by unit: the province's computed value, or the submitted value with its provenance.
            var province = await calculator.ComputeAsync(new OneRow(appendix, definition), [reportPeriod], cancellationToken);
            var sources = province.Rows[0].Sources?.GetValueOrDefault(reportPeriod.Key);
            return new(new CellUnits(appendix, definition, reportPeriod, reportScope, value, false, [], null, null, sources), null);
        }
        var places = await scoped.PlacesAsync(cancellationToken);
        var measures = await scoped.MeasuresAsync([definition.Indicator], [reportPeriod], cancellationToken);
        var units = measures.Of(definition.Indicator, reportPeriod.Key)
            .Where(u => places.InScope(reportScope, u.Key, reportPeriod.To))
            .Select(u => new UnitShare(u.Key, places.Of(u.Key, reportPeriod.To), u.Value))
            .OrderBy(u => u.Place?.DistrictName ?? string.Empty, StringComparer.Ordinal).ThenBy(u => u.Place?.Name ?? u.Unit, StringComparer.Ordinal)
            .ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToList();
        var page = units.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < units.Count ? EncodeOffset(offset + page.Count) : null;
        return new(new CellUnits(appendix, definition, reportPeriod, reportScope, value, true, page, units.Count, next, null), null);
    }

    /// <summary>
    /// The facts behind the cell for one unit (or every unit of the scope), one page. The caller must hold reporting.read;
    /// a caller bound to units (its token's cchc_unit is not "*") sees only the facts of those units.
    /// </summary>
    public async Task<DrillDownResult<CellFacts>> FactsAsync(string no, string row, string? period, string? scope, string? unit, int? pageSize, string? pageToken,
        Caller caller, CancellationToken cancellationToken)
    {
        var cell = await ResolveAsync(no, row, period, scope, pageSize, cancellationToken);
        if (cell.Error is { } error)
        {
            return new(null, error);
        }
        var (appendix, definition, reportPeriod, reportScope, size) = cell.Value;
        if (scoped.BreakdownOf(definition.Indicator) is not { } breakdown)
        {
            return new(null, new DrillDownError("row", $"Chỉ tiêu '{PeriodParser.Quote(definition.Indicator)}' không tách được theo đơn vị nên không có danh sách dữ liệu gốc."));
        }
        var after = DecodeKey(pageToken, out var tokenValid);
        if (!tokenValid)
        {
            return new(null, new DrillDownError("pageToken", "Mã trang tiếp theo không hợp lệ: dùng đúng giá trị nextPageToken của trang trước."));
        }
        var places = await scoped.PlacesAsync(cancellationToken);
        var measures = await scoped.MeasuresAsync([definition.Indicator], [reportPeriod], cancellationToken);
        bool Allowed(string u) => caller.AllUnits || caller.MayActFor(u) || (places.Of(u, reportPeriod.To) is { } p && (caller.MayActFor(p.Name) || caller.MayActFor(p.Code)));
        var units = measures.Of(definition.Indicator, reportPeriod.Key).Keys.Where(u => places.InScope(reportScope, u, reportPeriod.To)).ToList();
        if (unit is not null)
        {
            var wanted = Caller.NormalizeUnit(unit);
            var code = places.CodeOf(wanted);
            units = units.Where(u => u == wanted || (code is not null && places.CodeOf(u) == code)).ToList();
            if (units.Count > 0 && !units.All(Allowed))
            {
                return new(null, new DrillDownError("unit", $"Ứng dụng {caller.ClientId} không được xem dữ liệu của đơn vị '{PeriodParser.Quote(wanted)}'.", Forbidden: true));
            }
        }
        else if (!caller.AllUnits)
        {
            units = units.Where(Allowed).ToList();
        }
        var facts = units.Count == 0 ? [] : await breakdown.FactsAsync(definition.Indicator, reportPeriod, units, after, size + 1, cancellationToken);
        var page = facts.Take(size).ToList();
        var next = facts.Count > size ? EncodeKey(page[^1].Id) : null;
        return new(new CellFacts(appendix, definition, reportPeriod, reportScope, unit, page, next), null);
    }

    private async Task<(DrillDownError? Error, (IAppendix, RowDefinition, ReportPeriod, ReportScope, int) Value)> ResolveAsync(
        string no, string row, string? period, string? scope, int? pageSize, CancellationToken cancellationToken)
    {
        var appendix = int.TryParse(no, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? calculator.Find(n) : null;
        if (appendix is null)
        {
            return (new DrillDownError("no", $"Không có phụ lục số '{PeriodParser.Quote(no)}'.", NotFound: true), default);
        }
        var definition = appendix.Rows.FirstOrDefault(r => !r.Heading && r.Indicator == row);
        if (definition is null)
        {
            return (new DrillDownError("row", $"Phụ lục {appendix.Number} không có dòng chỉ tiêu '{PeriodParser.Quote(row)}' (dùng mã chỉ tiêu của dòng, trường indicator).", NotFound: true), default);
        }
        var parsed = PeriodParser.Parse(string.IsNullOrWhiteSpace(period) ? null : [period], VietnamCalendar.Today(clock));
        if (!parsed.IsValid || parsed.Periods.Count != 1)
        {
            return (new DrillDownError("period", parsed.Error ?? "Chỉ một kỳ báo cáo, ví dụ period=2019."), default);
        }
        var (reportScope, scopeError) = await scoped.ParseAsync(scope, parsed.Periods[0].To, cancellationToken);
        if (reportScope is null)
        {
            return (new DrillDownError(ReportScope.Parameter, scopeError!), default);
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            return (new DrillDownError("pageSize", $"Số dòng mỗi trang phải từ 1 đến {MaxPageSize}."), default);
        }
        return (null, (appendix, definition, parsed.Periods[0], reportScope, pageSize ?? DefaultPageSize));
    }

    private static string EncodeOffset(int offset) => EncodeKey("o:" + offset.ToString(CultureInfo.InvariantCulture));

    private static int? DecodeOffset(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }
        var key = DecodeKey(token, out var valid);
        return valid && key is { } k && k.StartsWith("o:", StringComparison.Ordinal)
            && int.TryParse(k.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
    }

    /// <summary>A continuation token: the last key of the page, base64url.</summary>
    private static string EncodeKey(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeKey(string? token, out bool valid)
    {
        valid = true;
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            return Encoding.UTF8.GetString(Convert.FromBase64String(padded));
        }
        catch (FormatException)
        {
            valid = false;
            return null;
        }
    }

    /// <summary>An appendix reduced to one of its rows, so one cell is computed with the appendix's number and title.</summary>
    private sealed class OneRow(IAppendix appendix, RowDefinition row) : IAppendix
    {
        public int Number => appendix.Number;

        public string Title => appendix.Title;

        public IReadOnlyList<RowDefinition> Rows { get; } = [row];
    }
}

public sealed record DrillDownResult<T>(T? Value, DrillDownError? Error);

/// <summary>What is wrong with a drill-down request: the parameter and a Vietnamese message.</summary>
public sealed record DrillDownError(string Parameter, string Message, bool NotFound = false, bool Forbidden = false);

/// <summary>A unit's share of a cell: the unit as the facts name it, its place in the registry (null if unknown) and its measure.</summary>
public sealed record UnitShare(string Unit, UnitPlace? Place, UnitMeasure Measure);

/// <summary>
/// The units behind a cell (one page; <see cref="TotalUnits"/> in all). <see cref="Split"/> false: the row is not split by
/// unit (a province-wide figure, or a submitted value whose <see cref="Sources"/> say where it comes from).
/// </summary>
public sealed record CellUnits(IAppendix Appendix, RowDefinition Row, ReportPeriod Period, ReportScope Scope, ReportValue? Value, bool Split,
    IReadOnlyList<UnitShare> Units, int? TotalUnits, string? NextPageToken, IReadOnlyList<CellSource>? Sources);

/// <summary>One page of the facts behind a cell.</summary>
public sealed record CellFacts(IAppendix Appendix, RowDefinition Row, ReportPeriod Period, ReportScope Scope, string? Unit, IReadOnlyList<FactEntry> Facts,
    string? NextPageToken);
