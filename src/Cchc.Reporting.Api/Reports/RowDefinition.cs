namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// One printed row of an appendix: its số thứ tự, label (the source's wording), value type (none for a heading) and the stable
/// machine key of the indicator it shows. A heading row groups the rows below it and carries no values.
/// <see cref="Unit"/>: the unit of measure when the catalogue's rule (<see cref="IndicatorCatalog.UnitOf"/>) would not find it.
/// </summary>
public sealed record RowDefinition(string Stt, string Label, string? ValueType, string Indicator, bool Heading = false, string? Unit = null)
{
    public static RowDefinition Value(string stt, string label, string valueType, string indicator, string? unit = null) =>
        new(stt, label, valueType, indicator, Unit: unit);

    public static RowDefinition Section(string stt, string label, string indicator) =>
        new(stt, label, ValueType: null, indicator, Heading: true);
}
