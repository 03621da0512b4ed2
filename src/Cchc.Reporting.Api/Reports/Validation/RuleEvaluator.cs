using System.Globalization;

namespace Cchc.Reporting.Api.Reports.Validation;

/// <summary>Evaluates rules over tables: pure, no I/O. Every violated rule gives one <see cref="Violation"/> per period.</summary>
public static class RuleEvaluator
{
    public static IReadOnlyList<Violation> Evaluate(IEnumerable<ValidationRule> rules, IReportTables tables)
    {
        var violations = new List<Violation>();
        foreach (var rule in rules)
        {
            if (rule.PerPeriod)
            {
                foreach (var period in tables.Periods)
                {
                    if (Check(rule, tables, period) is { } violation)
                    {
                        violations.Add(violation);
                    }
                }
            }
            else if (Check(rule, tables, null) is { } violation)
            {
                violations.Add(violation);
            }
        }
        return violations;
    }

    /// <summary>The number a cell holds for arithmetic: counts and percentages, 1/0 for yes/no, a fraction's numerator or denominator, a split cell's part.</summary>
    public static decimal? Numeric(ReportValue? value, int? part) => value switch
    {
        ReportValue.Number n when part is null => n.Value,
        ReportValue.Flag f when part is null => f.Value ? 1 : 0,
        ReportValue.Parts p when part is { } i && i < p.Values.Count => Numeric(p.Values[i], null),
        ReportValue.Text t when part is { } i => FractionPart(t.Value, i),
        _ => null,
    };

    private static decimal? FractionPart(string text, int part)
    {
        var pieces = text.Split('/');
        return pieces.Length == 2 && part is 0 or 1
            && decimal.TryParse(pieces[part].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static Violation? Check(ValidationRule rule, IReportTables tables, ReportPeriod? period)
    {
        var left = Evaluate(rule.Left, tables, period);
        var right = Evaluate(rule.Right, tables, period);
        if (left is null || right is null || left.Value is null || right.Value is null)
        {
            return null; // a row the table does not have, or a side with no value at all: not evaluated
        }
        var holds = rule.Operator switch
        {
            RuleOperator.Equal => left.Value == right.Value,
            RuleOperator.LessOrEqual => left.Value <= right.Value,
            RuleOperator.Between => right.Value <= left.Value && left.Value <= rule.Upper,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Operator, "Unknown operator."),
        };
        return holds ? null : new Violation(rule, period, left, right);
    }

    /// <summary>A side's value with the cells read; null when one of its rows is absent; a null value when every cell is blank.</summary>
    private static SideValue? Evaluate(Side side, IReportTables tables, ReportPeriod? period)
    {
        var cells = new List<CellValue>();
        decimal sum = side.Constant;
        var any = side.Terms.Count == 0;
        foreach (var term in side.Terms)
        {
            var cell = term.Cell;
            if (!tables.HasRow(cell.Table, cell.Indicator))
            {
                return null;
            }
            var at = cell.Period is { } key ? tables.Periods.FirstOrDefault(p => p.Key == key) : period;
            if (at is null && cell.Table != CellRef.BodyTable)
            {
                return null; // a fixed period these tables do not have
            }
            var value = tables.Get(cell.Table, cell.Indicator, at ?? Whole);
            var number = Numeric(value, cell.Part);
            cells.Add(new CellValue(cell, tables.Describe(cell.Table, cell.Indicator), at, value, number));
            if (number is { } n)
            {
                sum += term.Sign * n;
                any = true;
            }
        }
        return new SideValue(any ? sum : null, cells);
    }

    /// <summary>The "period" of a body figure: the whole report.</summary>
    private static readonly ReportPeriod Whole = new("*", DateOnly.MinValue, DateOnly.MaxValue);
}

/// <summary>A rule broken in a period (null: the whole report).</summary>
public sealed record Violation(ValidationRule Rule, ReportPeriod? Period, SideValue Left, SideValue Right)
{
    /// <summary>Every cell the rule read, for marking them on a page.</summary>
    public IEnumerable<CellValue> Cells => Left.Cells.Concat(Right.Cells);
}

public sealed record SideValue(decimal? Value, IReadOnlyList<CellValue> Cells);

/// <summary>A cell a rule read: where, in which period, what it holds and the number taken from it.</summary>
public sealed record CellValue(CellRef Cell, CellPlace Place, ReportPeriod? Period, ReportValue? Value, decimal? Number);
