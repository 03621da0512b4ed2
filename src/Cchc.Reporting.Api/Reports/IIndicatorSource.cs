
namespace Cchc.Reporting.Api.Reports;

/// <summary>
/// Computes a family of indicators from the fact tables for many periods at once (one or a few SQL queries).
/// A new family is a new class implementing this (found by assembly scan, registered scoped).
/// </summary>
public interface IIndicatorSource
{
    /// <summary>The indicator keys this source computes.</summary>
    IReadOnlyCollection<string> Indicators { get; }

    Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken);
}
