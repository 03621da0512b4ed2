namespace Cchc.Reporting.Api.Reports;

/// <summary>The row value types of the published report (reporting.proto Row.value_type).</summary>
public static class ValueTypes
{
    public const string Integer = "integer";
    public const string Percent = "percent";
    public const string Text = "text";
    public const string Boolean = "boolean";
    public const string Fraction = "fraction";
    public const string Rank = "rank";
}
