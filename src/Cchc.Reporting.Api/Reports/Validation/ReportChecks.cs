using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports.Reconciliation;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Reports.Validation;

/// <summary>
/// What the validation and reconciliation fronts need: the whole computed report for periods (every appendix and every
/// key figure table, computed as the appendix API computes them), the rules, and the latest published report loaded.
/// </summary>
public sealed class ReportChecks(AppendixCalculator calculator, IEnumerable<IKeyFigures> keyFigures, ValidationRules rules, ReportingDbContext db)
{
    public ValidationRules Rules => rules;

    public async Task<ComputedTables> ComputeAsync(IReadOnlyList<ReportPeriod> periods, CancellationToken cancellationToken)
    {
        var appendices = new List<AppendixReport>();
        foreach (var appendix in calculator.Appendices)
        {
            appendices.Add(await calculator.ComputeAsync(appendix, periods, cancellationToken));
        }
        var figures = new List<(string, AppendixReport)>();
        foreach (var table in keyFigures.OrderBy(k => k.Area, StringComparer.Ordinal))
        {
            figures.Add((table.Area, await calculator.ComputeAsync(table, periods, cancellationToken)));
        }
        return new ComputedTables(periods, appendices, figures);
    }

    /// <summary>The computed report's violations for the periods.</summary>
    public async Task<(ComputedTables Tables, IReadOnlyList<Violation> Violations)> ValidateAsync(IReadOnlyList<ReportPeriod> periods, CancellationToken cancellationToken)
    {
        var tables = await ComputeAsync(periods, cancellationToken);
        return (tables, RuleEvaluator.Evaluate(rules.All, tables));
    }

    /// <summary>The published report loaded last (null when none is).</summary>
    public async Task<(PublishedReport Report, PublishedTables Tables)?> LatestPublishedAsync(CancellationToken cancellationToken)
    {
        var report = await db.Set<PublishedReport>().AsNoTracking().OrderByDescending(r => r.LoadedAt).FirstOrDefaultAsync(cancellationToken);
        return report is null ? null : (report, PublishedTables.Parse(report.Document, calculator.Appendices));
    }

    /// <summary>The rules a published report's tables break on their own.</summary>
    public IReadOnlyList<Violation> Validate(PublishedTables published) => RuleEvaluator.Evaluate(rules.All, published);

    public IReadOnlyList<IAppendix> Catalogue => calculator.Appendices;
}
