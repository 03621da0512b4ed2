namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// Computes a family of indicators from the fact tables for many periods at once (one or a few SQL queries).
/// A new family is a new class implementing this (found by assembly scan, registered scoped).
/// </summary>
public interface IIndicatorSource
{
    /// <summary>The indicator keys this source computes.</summary>
    IReadOnlyCollection<string> Indicators { get; }

    /// <summary>
    /// The kinds of fact its indicators are computed from: the integration events (by their type name, e.g.
    /// "DossiersRecorded") whose facts its queries read. The indicator catalogue lists them (GET /api/reports/indicators).
    /// </summary>
    IReadOnlyCollection<string> FactKinds => [];

    /// <summary>
    /// True when its values are submitted by the unit responsible (no source system produces them) rather than
    /// computed from facts; the catalogue shows such indicators as "submitted".
    /// </summary>
    bool Submitted => false;

    Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken);
}
