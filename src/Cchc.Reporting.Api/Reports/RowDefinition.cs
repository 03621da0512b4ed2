namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// One printed row of an appendix: its số thứ tự, label (the source's wording), value type (none for a heading) and the stable
/// machine key of the indicator it shows. A heading row groups the rows below it and carries no values.
/// </summary>
public sealed record RowDefinition(string Stt, string Label, string? ValueType, string Indicator, bool Heading = false)
{
    public static RowDefinition Value(string stt, string label, string valueType, string indicator) =>
        new(stt, label, valueType, indicator);

    public static RowDefinition Section(string stt, string label, string indicator) =>
        new(stt, label, ValueType: null, indicator, Heading: true);
}
