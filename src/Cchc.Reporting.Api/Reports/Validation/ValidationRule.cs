namespace Cchc.Reporting.Api.Reports.Validation;

/// <summary>
/// A cell a rule reads: a table ("2".."7" an appendix, "key-figures/{area}" the body's computed key figures, "body" the
/// published report's body figures), the row's indicator (or "row:N", the N-th row of a published table), the position
/// in a split cell (Appendix 4 section III; 0/1 = numerator/denominator of a "28/28" fraction) and, for rules over the
/// whole report, a fixed period key (null: the period being checked).
/// </summary>
public sealed record CellRef(string Table, string Indicator, int? Part = null, string? Period = null)
{
    public const string BodyTable = "body";

    public static string KeyFiguresTable(string area) => $"key-figures/{area}";

    public static CellRef Appendix(int no, string indicator, int? part = null, string? period = null) =>
        new(no.ToString(System.Globalization.CultureInfo.InvariantCulture), indicator, part, period);

    public static CellRef Body(string fact, string field) => new(BodyTable, $"{fact}|{field}");
}

/// <summary>A term of a side: a cell, added or subtracted.</summary>
public sealed record Term(CellRef Cell, int Sign = 1);

/// <summary>One side of a rule: the sum of its terms plus a constant (DHIS2's left/right side expression).</summary>
public sealed record Side(IReadOnlyList<Term> Terms, decimal Constant = 0)
{
    public static Side Of(params CellRef[] cells) => new(cells.Select(c => new Term(c)).ToList());

    public static Side Of(IEnumerable<CellRef> cells) => new(cells.Select(c => new Term(c)).ToList());

    public static Side Number(decimal value) => new([], value);

    /// <summary>The first cells minus the others (e.g. before − after).</summary>
    public static Side Difference(CellRef plus, CellRef minus) => new([new Term(plus), new Term(minus, -1)]);
}

public enum RuleOperator
{
    /// <summary>left = right</summary>
    Equal,

    /// <summary>left ≤ right</summary>
    LessOrEqual,

    /// <summary>right ≤ left ≤ upper (the percentages' 0–100)</summary>
    Between,
}

/// <summary>The kinds of rule (issue 14): what a violation means to a reader.</summary>
public static class RuleKinds
{
    /// <summary>A total equals the sum of its parts.</summary>
    public const string SumOfParts = "sum-of-parts";

    /// <summary>A count cannot exceed the count it is part of (published ≤ resolved ≤ received, employed ≤ quota).</summary>
    public const string Ordering = "ordering";

    /// <summary>A percentage lies in 0–100.</summary>
    public const string PercentRange = "percent-range";

    /// <summary>A "28/28" fraction's numerator is at most its denominator.</summary>
    public const string Fraction = "fraction";

    /// <summary>Two appendices count the same things on the same day.</summary>
    public const string CrossAppendix = "cross-appendix";

    /// <summary>A figure of the report's body agrees with the appendix rows it summarises.</summary>
    public const string BodyFigure = "body-figure";
}

/// <summary>
/// A validation rule, DHIS2-style: left side, operator, right side over cells. A rule whose cells all name the period
/// being checked is evaluated for every period; one whose cells all carry fixed periods (or are body figures) once for
/// the whole report. A rule is skipped where a table does not have one of its rows (a published table that omits a
/// row), or where a side has no value at all (every cell blank); a blank cell next to filled ones counts as 0.
/// </summary>
public sealed record ValidationRule(string Id, string Kind, string Description, Side Left, RuleOperator Operator, Side Right, decimal? Upper = null)
{
    public bool PerPeriod => Left.Terms.Concat(Right.Terms).Any(t => t.Cell.Period is null && t.Cell.Table != CellRef.BodyTable);

    public string OperatorSymbol => Operator switch
    {
        RuleOperator.Equal => "=",
        RuleOperator.LessOrEqual => "≤",
        RuleOperator.Between => "∈",
        _ => throw new ArgumentOutOfRangeException(nameof(Operator), Operator, "Unknown operator."),
    };
}
