using System.Globalization;

namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// A computed cell. Blank (not reported / not available from facts) is a null <see cref="ReportValue"/>;
/// <see cref="NotApplicable"/> is the source's "-"; zero is <c>Number(0)</c>. The three are never confused.
/// </summary>
public abstract record ReportValue
{
    private ReportValue()
    {
    }

    public static readonly ReportValue NotApplicable = new Dash();

    public static ReportValue Of(long value) => new Number(value);

    public static ReportValue Of(decimal value) => new Number(value);

    public static ReportValue Of(string value) => new Text(value);

    public static ReportValue Of(bool value) => new Flag(value);

    public static ReportValue Of(IReadOnlyList<ReportValue?> parts) => new Parts(parts);

    /// <summary>A count or percentage (trailing zeros removed: 99.9800 → 99.98).</summary>
    public sealed record Number : ReportValue
    {
        public Number(decimal value) => Value = value / 1.0000000000000000000000000000m;

        public decimal Value { get; }

        public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
    }

    public sealed record Text(string Value) : ReportValue;

    public sealed record Flag(bool Value) : ReportValue;

    /// <summary>A cell split into columns (Appendix 4's public service units by sector: [province committee, provincial agencies, district committees]).</summary>
    public sealed record Parts(IReadOnlyList<ReportValue?> Values) : ReportValue
    {
        public bool Equals(Parts? other) => other is not null && Values.SequenceEqual(other.Values);

        public override int GetHashCode() => Values.Count;
    }

    /// <summary>"-": the indicator does not apply to this period.</summary>
    public sealed record Dash : ReportValue
    {
        public override string ToString() => "-";
    }
}
