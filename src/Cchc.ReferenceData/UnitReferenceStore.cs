using System.Text;
using Cchc.Contracts.Events.Organisation;
using Npgsql;
using NpgsqlTypes;
using static Cchc.ReferenceData.UnitReferenceModelBuilderExtensions;

namespace Cchc.ReferenceData;

/// <summary>Writes unit histories into the local copy, keeping for each unit the history with the highest revision.</summary>
public static class UnitReferenceStore
{
    /// <summary>
    /// Replaces the periods of every unit in <paramref name="units"/> whose revision is higher than the stored one, in
    /// three statements on <paramref name="connection"/> (inside <paramref name="transaction"/> when given): an upsert of
    /// the units that only takes a higher revision (a concurrent writer of the same unit waits on its row, then compares
    /// with what was committed), a delete of the accepted units' periods and an insert of their new periods. A unit
    /// with no periods was withdrawn from the register: it keeps its revision and no period. Returns the units applied;
    /// older or equal revisions (redelivery, reordering) change nothing.
    /// </summary>
    public static async Task<int> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<UnitHistory> units, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(units);
        // One message may (in principle) carry the same unit twice: the highest revision wins, as across messages.
        var latest = new Dictionary<string, UnitHistory>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            var code = Normalize(unit.UnitCode);
            if (code.Length == 0)
            {
                throw new InvalidOperationException("A unit history without a unit code cannot be stored.");
            }
            if (!latest.TryGetValue(code, out var held) || held.Revision < unit.Revision)
            {
                latest[code] = unit;
            }
        }
        if (latest.Count == 0)
        {
            return 0;
        }

        var accepted = new List<string>(latest.Count);
        await using (var upsert = new NpgsqlCommand(
            $"""
            INSERT INTO {UnitsTable} AS u (unit_code, revision, updated_at)
            SELECT code, revision, @now FROM unnest(@codes, @revisions) AS t(code, revision)
            ON CONFLICT (unit_code) DO UPDATE SET revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at
            WHERE u.revision < EXCLUDED.revision
            RETURNING u.unit_code
            """, connection, transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. latest.Keys]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("revisions", [.. latest.Values.Select(u => u.Revision)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
            upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var reader = await upsert.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                accepted.Add(reader.GetString(0));
            }
        }
        if (accepted.Count == 0)
        {
            return 0;
        }

        await using (var delete = new NpgsqlCommand($"DELETE FROM {PeriodsTable} WHERE unit_code = ANY(@codes)", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. accepted]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await delete.ExecuteNonQueryAsync(ct);
        }

        var periods = accepted.SelectMany(code => latest[code].Periods.Select(p => (Code: code, Period: p))).ToList();
        if (periods.Count > 0)
        {
            await using var insert = new NpgsqlCommand(
                $"""
                INSERT INTO {PeriodsTable} (unit_code, valid_from, valid_to, name, kind, parent_code)
                SELECT * FROM unnest(@codes, @froms, @tos, @names, @kinds, @parents)
                """, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. periods.Select(p => p.Code)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<DateOnly[]>("froms", [.. periods.Select(p => p.Period.From)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            insert.Parameters.Add(new NpgsqlParameter<DateOnly?[]>("tos", [.. periods.Select(p => p.Period.To)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
            insert.Parameters.Add(new NpgsqlParameter<string[]>("names", [.. periods.Select(p => Normalize(p.Period.Name))]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<int[]>("kinds", [.. periods.Select(p => (int)p.Period.Kind)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            insert.Parameters.Add(new NpgsqlParameter<string?[]>("parents", [.. periods.Select(p => p.Period.ParentCode)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync(ct);
        }
        return accepted.Count;
    }

    /// <summary>Names and codes as stored and compared: trimmed, Unicode NFC (as the security layer normalises units).</summary>
    public static string Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : text.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>
    /// SQL predicate: the unit named by <paramref name="normalizedUnitSql"/> (a name or a code, already normalised with
    /// <see cref="NormalizeSql"/>) existed on the day <paramref name="daySql"/> (a date): two index probes (by name, by
    /// code). For bulk checks over a staging table: run it on the DISTINCT (unit, day) pairs, not per row, and normalise
    /// once per pair.
    /// </summary>
    public static string ExistedSql(string normalizedUnitSql, string daySql) => $"(NOT {MissingSql(normalizedUnitSql, daySql)})";

    /// <summary>
    /// SQL predicate, the negation of <see cref="ExistedSql"/>: no period with that name, nor of the unit with that code,
    /// covers the day. Written as two NOT EXISTS so that PostgreSQL can plan each as a hash anti-join over the distinct
    /// pairs (the range condition as join filter) — the form a bulk import should use to find refused pairs.
    /// </summary>
    public static string MissingSql(string normalizedUnitSql, string daySql) =>
        $"""
        (NOT EXISTS (SELECT 1 FROM {PeriodsTable} ur WHERE ur.name = {normalizedUnitSql}
                   AND ur.valid_from <= {daySql} AND (ur.valid_to IS NULL OR ur.valid_to >= {daySql}))
         AND NOT EXISTS (SELECT 1 FROM {PeriodsTable} uc WHERE uc.unit_code = {normalizedUnitSql}
                   AND uc.valid_from <= {daySql} AND (uc.valid_to IS NULL OR uc.valid_to >= {daySql})))
        """;

    /// <summary>SQL expression: <paramref name="textSql"/> as names and codes are stored (trimmed, NFC, collation "C").</summary>
    public static string NormalizeSql(string textSql) => $"""(normalize(btrim({textSql}), NFC) COLLATE "C")""";

    /// <summary>SQL expression: the Vietnam local day (UTC+7) of the timestamptz <paramref name="instantSql"/>.</summary>
    public static string VietnamDaySql(string instantSql) => $"(({instantSql} AT TIME ZONE 'UTC') + interval '7 hours')::date";
}
