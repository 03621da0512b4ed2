using System.Globalization;
using Cchc.Contracts;
using Cchc.Contracts.Events.Finance;
using Cchc.ServiceKit;
using Wire = Cchc.Finance.Api.Grpc;

namespace Cchc.Finance.Api.Domain;

/// <summary>Checks finance requests and turns them into commands; INVALID_ARGUMENT with field violations otherwise.</summary>
public static class FinanceValidation
{
    public const int MaxUnitLength = InputDomain.MaxNameLength;
    public const int MaxTextLength = 500;
    public const int MinYear = 1990;

    public static StatusCommand Status(Wire.RecordStatusRequest request)
    {
        var v = new Validator();
        var command = Status(v, "status.", request.Status);
        v.ThrowIfInvalid();
        return command!;
    }

    /// <summary>One record of an import stream; violations are named "records[i].…".</summary>
    public static StatusCommand StatusRecord(Wire.AutonomyStatus record, int index)
    {
        var v = new Validator("records", index);
        var command = Status(v, string.Empty, record);
        v.ThrowIfInvalid();
        return command!;
    }

    private static StatusCommand? Status(Validator v, string prefix, Wire.AutonomyStatus? s)
    {
        if (s is null)
        {
            v.Add(prefix.TrimEnd('.'), KitMessages.Required);
            return null;
        }
        var unit = v.Text(prefix + "unit", s.Unit, MaxUnitLength).Normalize();
        var regime = v.Enum<Wire.AutonomyRegime, AutonomyRegime>(prefix + "regime", s.Regime);
        var level = v.Enum<Wire.AutonomyLevel, AutonomyLevel>(prefix + "level", s.Level, allowZero: true);
        var parentKind = v.Enum<Wire.ParentKind, ParentKind>(prefix + "parent_kind", s.ParentKind, allowZero: true);
        var parentUnit = v.Text(prefix + "parent_unit", s.ParentUnit, MaxUnitLength, required: false).Normalize();
        var from = v.Day(prefix + "effective_from", s.EffectiveFrom);
        if (s.EffectiveTo.Length > 0)
        {
            v.Add(prefix + "effective_to", "do hệ thống tính (ngày trước tình trạng kế tiếp), không được gửi");
        }
        var decision = v.Text(prefix + "decision", s.Decision, MaxTextLength, required: false);
        var source = v.Text(prefix + "source_document", s.SourceDocument, MaxTextLength);
        if (regime == AutonomyRegime.PublicServiceUnit)
        {
            if (level == AutonomyLevel.Unspecified && s.Level == Wire.AutonomyLevel.Unspecified)
            {
                v.Add(prefix + "level", FinanceMessages.LevelNeeded);
            }
            if (parentKind == ParentKind.Unspecified && s.ParentKind == Wire.ParentKind.Unspecified)
            {
                v.Add(prefix + "parent_kind", FinanceMessages.ParentNeeded);
            }
        }
        else if (regime != AutonomyRegime.Unspecified)
        {
            if (s.Level != Wire.AutonomyLevel.Unspecified)
            {
                v.Add(prefix + "level", FinanceMessages.LevelOnlyForServiceUnits);
            }
            if (s.ParentKind != Wire.ParentKind.Unspecified)
            {
                v.Add(prefix + "parent_kind", FinanceMessages.ParentOnlyForServiceUnits);
            }
        }
        return from is { } day
            ? new StatusCommand(unit, new StatusFact(regime, level, parentKind, parentUnit.Length == 0 ? null : parentUnit, day,
                decision.Length == 0 ? null : decision, source))
            : null;
    }

    public static (string Unit, DateOnly AsOf) Get(Wire.GetUnitAutonomyRequest request, TimeProvider clock)
    {
        var v = new Validator();
        var unit = v.Text("unit", request.Unit, MaxUnitLength).Normalize();
        var asOf = v.Day("as_of", request.AsOf, required: false, kind: TimeKind.Scheduled) ?? VietnamCalendar.Today(clock);
        v.ThrowIfInvalid();
        return (unit, asOf);
    }

    public static UnitQuery List(Wire.ListUnitsRequest request, TimeProvider clock)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var on = v.Day("status_on", request.StatusOn, required: false, kind: TimeKind.Scheduled) ?? VietnamCalendar.Today(clock);
        var regime = v.Enum<Wire.AutonomyRegime, AutonomyRegime>("regime", request.Regime, allowZero: true);
        var level = v.Enum<Wire.AutonomyLevel, AutonomyLevel>("level", request.Level, allowZero: true);
        var parent = v.Enum<Wire.ParentKind, ParentKind>("parent_kind", request.ParentKind, allowZero: true);
        var query = new UnitQuery(pageSize, on,
            regime == AutonomyRegime.Unspecified ? null : regime,
            level == AutonomyLevel.Unspecified ? null : level,
            parent == ParentKind.Unspecified ? null : parent);
        var after = PageToken.Decode(request.PageToken, query.Fingerprint, v);
        v.ThrowIfInvalid();
        return query with { After = after };
    }

    public static IReadOnlyList<(UnreportedBreakdownState Cell, string Source)> Unreported(Wire.DeclareUnreportedBreakdownsRequest request)
    {
        var v = new Validator();
        if (request.Items.Count == 0)
        {
            v.Add("items", FinanceMessages.ItemsRequired);
        }
        var cells = new List<(UnreportedBreakdownState, string)>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var prefix = $"items[{i}].";
            var year = v.Year(prefix + "year", item.Year, MinYear);
            var parent = v.Enum<Wire.ParentKind, ParentKind>(prefix + "parent_kind", item.ParentKind);
            var level = v.Enum<Wire.AutonomyLevel, AutonomyLevel>(prefix + "level", item.Level);
            var source = v.Text(prefix + "source_document", item.SourceDocument, MaxTextLength);
            cells.Add((new UnreportedBreakdownState { Year = year, ParentKind = parent, Level = level }, source));
        }
        v.ThrowIfInvalid();
        return cells;
    }

    public static BudgetFigureFact Figure(Wire.RecordBudgetFigureRequest request)
    {
        var v = new Validator();
        var figure = Figure(v, "figure.", request.Figure);
        v.ThrowIfInvalid();
        return figure!;
    }

    public static BudgetFigureFact FigureRecord(Wire.BudgetFigure record, int index)
    {
        var v = new Validator("records", index);
        var figure = Figure(v, string.Empty, record);
        v.ThrowIfInvalid();
        return figure!;
    }

    private static BudgetFigureFact? Figure(Validator v, string prefix, Wire.BudgetFigure? f)
    {
        if (f is null)
        {
            v.Add(prefix.TrimEnd('.'), KitMessages.Required);
            return null;
        }
        var id = v.Code(prefix + "figure_id", f.FigureId);
        var kind = v.Enum<Wire.BudgetFigureKind, BudgetFigureKind>(prefix + "kind", f.Kind);
        var from = v.Year(prefix + "year_from", f.YearFrom, MinYear);
        var to = v.Year(prefix + "year_to", f.YearTo, MinYear);
        if (from >= MinYear && to >= MinYear && to < from)
        {
            v.Add(prefix + "year_to", FinanceMessages.YearToBeforeFrom);
        }
        if (kind == BudgetFigureKind.StateBudgetRevenue && to >= MinYear && to != from)
        {
            v.Add(prefix + "year_to", FinanceMessages.RevenueOneYear);
        }
        var source = v.Enum<Wire.FundingSource, FundingSource>(prefix + "funding_source", f.FundingSource, allowZero: true);
        if (kind == BudgetFigureKind.ReformFunding && f.FundingSource == Wire.FundingSource.Unspecified)
        {
            v.Add(prefix + "funding_source", FinanceMessages.FundingSourceNeeded);
        }
        if (kind == BudgetFigureKind.StateBudgetRevenue && f.FundingSource != Wire.FundingSource.Unspecified)
        {
            v.Add(prefix + "funding_source", FinanceMessages.FundingSourceOnlyForFunding);
        }
        var funder = v.Text(prefix + "funder", f.Funder, MaxTextLength, required: false);
        var amount = Amount(v, prefix + "amount", f.Amount);
        var measure = v.Enum<Wire.MeasureUnit, MeasureUnit>(prefix + "measure_unit", f.MeasureUnit);
        var document = v.Text(prefix + "source_document", f.SourceDocument, MaxTextLength);
        v.OutputOnly(prefix + "version", f.Version != 0);
        return new BudgetFigureFact(id, kind, from, to, source, funder.Length == 0 ? null : funder, amount, measure, document);
    }

    public static BudgetQuery List(Wire.ListBudgetFiguresRequest request)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var kind = v.Enum<Wire.BudgetFigureKind, BudgetFigureKind>("kind", request.Kind, allowZero: true);
        int? from = request.YearFrom == 0 ? null : Year(v, "year_from", request.YearFrom);
        int? to = request.YearTo == 0 ? null : Year(v, "year_to", request.YearTo);
        if (from is { } f && to is { } t && t < f)
        {
            v.Add("year_to", FinanceMessages.YearToBeforeFrom);
        }
        var query = new BudgetQuery(pageSize, kind == BudgetFigureKind.Unspecified ? null : kind, from, to);
        var after = PageToken.Decode(request.PageToken, query.Fingerprint, v);
        v.ThrowIfInvalid();
        return query with { After = after };
    }

    public static string FigureId(string field, string? value)
    {
        var v = new Validator();
        var id = v.Code(field, value);
        v.ThrowIfInvalid();
        return id;
    }

    /// <summary>A year of a query (any year from <see cref="MinYear"/>; a written figure's years also lie in the past, see <see cref="Validator.Year"/>).</summary>
    private static int Year(Validator v, string field, int year)
    {
        if (year == 0)
        {
            v.Add(field, KitMessages.Required);
        }
        else if (year is < MinYear or > 9999)
        {
            v.Add(field, FinanceMessages.YearRange);
        }
        return year;
    }

    /// <summary>A non-negative decimal with "." and at most 3 decimals (amounts in million VND).</summary>
    public static decimal Amount(Validator v, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Add(field, KitMessages.Required);
            return 0;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount.Scale > 3 || amount > InputDomain.MaxAmount)
        {
            v.Add(field, FinanceMessages.BadAmount);
            return 0;
        }
        if (amount < 0)
        {
            v.Add(field, FinanceMessages.Negative);
            return 0;
        }
        return amount;
    }
}
