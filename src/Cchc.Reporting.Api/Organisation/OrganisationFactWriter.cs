using Cchc.Contracts.Events.Organisation;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Organisation;

/// <summary>
/// Replaces each unit's periods when the event's revision is higher than the stored one (a history is whole, so the
/// newest replaces the rest).
/// </summary>
public static class OrganisationFactWriter
{
    private const string ClaimSql = """
        INSERT INTO unit_revisions AS t (unit_code, revision)
        SELECT * FROM unnest(@codes, @revisions)
        ON CONFLICT (unit_code) DO UPDATE SET revision = excluded.revision WHERE excluded.revision > t.revision
        RETURNING unit_code AS "Value"
        """;

    private const string DeleteSql = "DELETE FROM unit_period_facts WHERE unit_code = ANY(@codes)";

    private const string InsertSql = """
        INSERT INTO unit_period_facts (unit_code, sequence, from_day, to_day, name, kind, parent_code, sector, successor_codes)
        SELECT u, s, f, t, n, k, p, sec, COALESCE(string_to_array(NULLIF(succ, ''), E'\n'), ARRAY[]::text[])
        FROM unnest(@units, @seqs, @froms, @tos, @names, @kinds, @parents, @sectors, @successors) AS x(u, s, f, t, n, k, p, sec, succ)
        """;

    /// <returns>How many units' histories were replaced.</returns>
    public static async Task<int> ReplaceUnitHistoriesAsync(this ReportingDbContext db, IEnumerable<UnitHistory> histories, CancellationToken cancellationToken)
    {
        var latest = histories.GroupBy(h => h.UnitCode, StringComparer.Ordinal).Select(g => g.MaxBy(h => h.Revision)!)
            .OrderBy(h => h.UnitCode, StringComparer.Ordinal).ToList();
        if (latest.Count == 0)
        {
            return 0;
        }
        var claimed = await db.Database.SqlQueryRaw<string>(ClaimSql,
            FactBatch.Array("codes", NpgsqlDbType.Text, latest.Select(h => h.UnitCode)),
            FactBatch.Array("revisions", NpgsqlDbType.Bigint, latest.Select(h => h.Revision))).ToListAsync(cancellationToken);
        var newer = claimed.ToHashSet(StringComparer.Ordinal);
        var replace = latest.Where(h => newer.Contains(h.UnitCode)).ToList();
        if (replace.Count == 0)
        {
            return 0;
        }
        await db.Database.ExecuteSqlRawAsync(DeleteSql, [FactBatch.Array("codes", NpgsqlDbType.Text, replace.Select(h => h.UnitCode))], cancellationToken);
        var rows = replace.SelectMany(h => h.Periods.Select((p, i) => (h.UnitCode, Sequence: i, Period: p))).ToList();
        if (rows.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(InsertSql,
            [
                FactBatch.Array("units", NpgsqlDbType.Text, rows.Select(r => r.UnitCode)),
                FactBatch.Array("seqs", NpgsqlDbType.Integer, rows.Select(r => r.Sequence)),
                FactBatch.Array("froms", NpgsqlDbType.Date, rows.Select(r => r.Period.From)),
                FactBatch.Array("tos", NpgsqlDbType.Date, rows.Select(r => r.Period.To)),
                FactBatch.Array("names", NpgsqlDbType.Text, rows.Select(r => r.Period.Name)),
                FactBatch.Array("kinds", NpgsqlDbType.Integer, rows.Select(r => (int)r.Period.Kind)),
                FactBatch.Array("parents", NpgsqlDbType.Text, rows.Select(r => r.Period.ParentCode)),
                FactBatch.Array("sectors", NpgsqlDbType.Integer, rows.Select(r => (int)r.Period.Sector)),
                // Codes have no control characters: a newline-joined list travels as one text per row.
                FactBatch.Array("successors", NpgsqlDbType.Text, rows.Select(r => string.Join('\n', r.Period.SuccessorCodes ?? []))),
            ], cancellationToken);
        }
        return replace.Count;
    }
}
