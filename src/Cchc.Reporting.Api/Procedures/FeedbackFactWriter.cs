using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>Upserts feedback states keyed by feedback id, keeping the highest version.</summary>
public static class FeedbackFactWriter
{
    private const string Sql = """
        INSERT INTO feedback_facts AS t (feedback_id, version, procedure_code, received_on, resolved_on, published_on)
        SELECT * FROM unnest(@ids, @versions, @codes, @received_on, @resolved_on, @published_on)
        ON CONFLICT (feedback_id) DO UPDATE SET
            version = excluded.version, procedure_code = excluded.procedure_code, received_on = excluded.received_on,
            resolved_on = excluded.resolved_on, published_on = excluded.published_on
        WHERE excluded.version > t.version
        """;

    public static Task<int> UpsertFeedbackFactsAsync(this ReportingDbContext db, IEnumerable<FeedbackState> states, CancellationToken cancellationToken)
    {
        var batch = FactBatch.LatestById(states, s => s.FeedbackId, s => s.Version);
        if (batch.Count == 0)
        {
            return Task.FromResult(0);
        }
        return db.Database.ExecuteSqlRawAsync(Sql,
        [
            FactBatch.Array("ids", NpgsqlDbType.Text, batch.Select(s => s.FeedbackId)),
            FactBatch.Array("versions", NpgsqlDbType.Integer, batch.Select(s => s.Version)),
            FactBatch.Array("codes", NpgsqlDbType.Text, batch.Select(s => s.ProcedureCode)),
            FactBatch.Array("received_on", NpgsqlDbType.Date, batch.Select(s => FactDays.LocalDay(s.ReceivedAt))),
            FactBatch.Array("resolved_on", NpgsqlDbType.Date, batch.Select(s => FactDays.LocalDay(s.ResolvedAt))),
            FactBatch.Array("published_on", NpgsqlDbType.Date, batch.Select(s => FactDays.LocalDay(s.PublishedAt))),
        ], cancellationToken);
    }
}
