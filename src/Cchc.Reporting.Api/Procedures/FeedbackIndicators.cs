using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>Citizen feedback (PAKN) received, resolved and with its answer published in the period (local days).</summary>
public sealed class FeedbackIndicators(ReportingDbContext db) : IIndicatorSource
{
    public const string Received = "feedback.received";
    public const string Resolved = "feedback.resolved";
    public const string Published = "feedback.published";

    private const string Sql = """
        SELECT p.key,
            (SELECT count(*) FROM feedback_facts f WHERE f.received_on BETWEEN p.from_day AND p.to_day),
            (SELECT count(*) FROM feedback_facts f WHERE f.resolved_on BETWEEN p.from_day AND p.to_day),
            (SELECT count(*) FROM feedback_facts f WHERE f.published_on BETWEEN p.from_day AND p.to_day)
        FROM unnest(@keys, @froms, @tos) AS p(key, from_day, to_day)
        """;

    public IReadOnlyCollection<string> FactKinds { get; } = ["FeedbackRecorded"];

    public IReadOnlyCollection<string> Indicators { get; } = [Received, Resolved, Published];

    public async Task ComputeAsync(IReadOnlyList<ReportPeriod> periods, IndicatorValues values, CancellationToken cancellationToken)
    {
        await FactQuery.ReadAsync(db, Sql, periods, reader =>
        {
            var key = reader.GetString(0);
            values.Set(Received, key, reader.GetInt64(1));
            values.Set(Resolved, key, reader.GetInt64(2));
            values.Set(Published, key, reader.GetInt64(3));
        }, cancellationToken);
    }
}
