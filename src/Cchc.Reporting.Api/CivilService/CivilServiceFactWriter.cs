using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.CivilService;

/// <summary>Upserts staffing facts by key, keeping the highest revision.</summary>
public static class CivilServiceFactWriter
{
    private const string StaffingSql = """
        INSERT INTO staffing_facts AS t (key, revision, unit_code, metric, from_day, to_day, value, individual)
        SELECT * FROM unnest(@keys, @revisions, @units, @metrics, @froms, @tos, @values, @individual)
        ON CONFLICT (key) DO UPDATE SET
            revision = excluded.revision, unit_code = excluded.unit_code, metric = excluded.metric, from_day = excluded.from_day,
            to_day = excluded.to_day, value = excluded.value, individual = excluded.individual
        WHERE excluded.revision > t.revision
        """;

    public static Task<int> UpsertStaffingFactsAsync(this ReportingDbContext db, IEnumerable<StaffingFact> facts, CancellationToken cancellationToken)
    {
        var batch = facts.GroupBy(f => f.Key, StringComparer.Ordinal).Select(g => g.MaxBy(f => f.Revision)!)
            .OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(StaffingSql,
        [
            FactBatch.Array("keys", NpgsqlDbType.Text, batch.Select(f => f.Key)),
            FactBatch.Array("revisions", NpgsqlDbType.Bigint, batch.Select(f => f.Revision)),
            FactBatch.Array("units", NpgsqlDbType.Text, batch.Select(f => f.UnitCode)),
            FactBatch.Array("metrics", NpgsqlDbType.Integer, batch.Select(f => (int)f.Metric)),
            FactBatch.Array("froms", NpgsqlDbType.Date, batch.Select(f => f.From)),
            FactBatch.Array("tos", NpgsqlDbType.Date, batch.Select(f => f.To)),
            FactBatch.Array("values", NpgsqlDbType.Bigint, batch.Select(f => f.Value)),
            FactBatch.Array("individual", NpgsqlDbType.Boolean, batch.Select(f => f.Individual)),
        ], cancellationToken);
    }
}
