namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// The indicator catalogue (GET /api/reports/indicators): one entry per printed row of every appendix, derived from the
/// appendices' own row definitions and the indicator sources, so there is no second list to keep in step. Adding an
/// appendix's rows (a new <see cref="IAppendix"/>) adds their entries.
/// </summary>
/// <remarks>
/// <para>The code is the row's indicator key (stable: the report's JSON and gRPC carry it, approvals snapshot by it).</para>
/// <para>The provenance is "computed" when an indicator source computes it from facts (listing the fact kinds it
/// reads), "submitted" when its values are submitted by the unit responsible (a source marked
/// <see cref="IIndicatorSource.Submitted"/>, or none yet); a heading has none.</para>
/// </remarks>
public sealed class IndicatorCatalog
{
    public const string Computed = "computed";
    public const string Submitted = "submitted";

    public IndicatorCatalog(IEnumerable<IAppendix> appendices, IEnumerable<IIndicatorSource> sources)
    {
        var bySource = new Dictionary<string, IIndicatorSource>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var indicator in source.Indicators)
            {
                bySource.TryAdd(indicator, source);
            }
        }
        Entries = appendices.OrderBy(a => a.Number)
            .SelectMany(a => a.Rows.Select((row, index) => Entry(a, row, index, bySource)))
            .ToList();
    }

    public IReadOnlyList<IndicatorEntry> Entries { get; }

    private static IndicatorEntry Entry(IAppendix appendix, RowDefinition row, int index, Dictionary<string, IIndicatorSource> bySource)
    {
        if (row.Heading)
        {
            return new IndicatorEntry(row.Indicator, appendix.Number, index + 1, row.Stt, row.Label, null, null, null, [], Heading: true);
        }
        var source = bySource.GetValueOrDefault(row.Indicator);
        var computed = source is { Submitted: false };
        return new IndicatorEntry(row.Indicator, appendix.Number, index + 1, row.Stt, row.Label, CatalogValueType(row.ValueType!),
            row.Unit ?? UnitOf(row), computed ? Computed : Submitted, computed ? source!.FactKinds.ToList() : []);
    }

    /// <summary>The catalogue's value types: count, percentage, boolean, fraction, rank, text (the report's "integer" and "percent" renamed).</summary>
    public static string CatalogValueType(string valueType) => valueType switch
    {
        ValueTypes.Integer => "count",
        ValueTypes.Percent => "percentage",
        ValueTypes.Boolean or ValueTypes.Fraction or ValueTypes.Rank or ValueTypes.Text => valueType,
        _ => throw new ArgumentOutOfRangeException(nameof(valueType), valueType, "Unknown row value type."),
    };

    /// <summary>What a count counts, read from the source's label (first match); other types by their type.</summary>
    private static readonly (string Fragment, string Unit)[] CountedNouns =
    [
        ("TTHC", "thủ tục hành chính"),
        ("PAKN", "phản ánh, kiến nghị"),
        ("các lớp", "lớp"),
        ("chữ ký số", "chữ ký số"),
        ("dịch vụ công", "dịch vụ"),
        ("Số cơ quan", "cơ quan, đơn vị"),
        ("Số đơn vị", "cơ quan, đơn vị"),
        ("Số tổ chức", "cơ quan, đơn vị"),
        ("công chức", "người"),
        ("viên chức", "người"),
        ("Tổng số được giao", "người"),
        ("Tổng số có mặt", "người"),
        ("VBQPPL", "văn bản"),
        ("văn bản", "văn bản"),
        ("Văn bản", "văn bản"),
        ("Nghị quyết", "văn bản"),
        ("Quyết định", "văn bản"),
    ];

    /// <summary>
    /// The unit of measure of a row: "%" for a percentage, "đơn vị/tổng số" for a fraction, "hạng/63" for a rank, "có/không"
    /// for a boolean, none for text; for a count, the noun its label counts (people, documents, procedures…), otherwise
    /// "cơ quan, đơn vị". A row may name its unit itself (<see cref="RowDefinition.Unit"/>).
    /// </summary>
    public static string? UnitOf(RowDefinition row) => row.ValueType switch
    {
        ValueTypes.Percent => "%",
        ValueTypes.Fraction => "đơn vị/tổng số",
        ValueTypes.Rank => "hạng/63",
        ValueTypes.Boolean => "có/không",
        ValueTypes.Integer => CountedNouns.Where(n => row.Label.Contains(n.Fragment, StringComparison.Ordinal)).Select(n => n.Unit)
            .FirstOrDefault() ?? "cơ quan, đơn vị",
        _ => null,
    };
}

/// <summary>
/// An entry of the indicator catalogue: <see cref="Code"/> (stable), the appendix and the row's position in it (1-based),
/// số thứ tự and label as printed, value type, unit of measure, provenance ("computed" from the <see cref="FactKinds"/> or
/// "submitted"); a heading has no value type, unit or provenance.
/// </summary>
public sealed record IndicatorEntry(string Code, int Appendix, int Position, string Stt, string Label, string? ValueType, string? Unit,
    string? Provenance, IReadOnlyList<string> FactKinds, bool Heading = false);
