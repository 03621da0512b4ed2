using Cchc.Contracts.Events.Procedures;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Procedures;

/// <summary>
/// Applies a batch of dossier states: a state is written when the dossier is new or the state is newer than the one
/// held (duplicates, replays and reordering change nothing), and dossier_daily_counts moves by the difference
/// between the replaced and the new states — all in the caller's transaction, a few statements per batch.
/// New dossiers go first, by one INSERT … ON CONFLICT DO NOTHING that returns the ids it inserted (each counts +1;
/// nothing was held for them); only the rest — dossiers another batch stored first — are locked, read and replaced
/// when older (ADR 0049). A bulk import's batches are all new, so they skip the lock-and-read pass entirely.
/// </summary>
public static class DossierFactWriter
{
    // New dossiers: inserted in id order (the batch is sorted; concurrent batches wait on each other's uncommitted ids in
    // the same order, so they cannot deadlock). A conflicting id — stored, or inserted by a batch that committed while
    // this one waited — is skipped here and handled below under a row lock.
    private const string InsertNewSql = """
        INSERT INTO dossier_facts (dossier_id, version, procedure_code, receiving_unit, unit_level, channel, status,
                                   received_on, due_at, closed_at, closed_on, on_time, processed_electronically)
        SELECT * FROM unnest(@ids, @versions, @codes, @units, @levels, @channels, @statuses,
                             @received_on, @due_at, @closed_at, @closed_on, @on_time, @electronic)
        ON CONFLICT (dossier_id) DO NOTHING
        RETURNING dossier_id
        """;

    // Locks the rows the batch may replace, in id order (concurrent batches lock alike: no deadlock), and reads what they count for.
    private const string LockSql = """
        SELECT dossier_id, version, status, unit_level, closed_on, on_time, processed_electronically
        FROM dossier_facts WHERE dossier_id = ANY(@ids) ORDER BY dossier_id FOR UPDATE
        """;

    private const string UpsertSql = """
        INSERT INTO dossier_facts AS t (dossier_id, version, procedure_code, receiving_unit, unit_level, channel, status,
                                        received_on, due_at, closed_at, closed_on, on_time, processed_electronically)
        SELECT * FROM unnest(@ids, @versions, @codes, @units, @levels, @channels, @statuses,
                             @received_on, @due_at, @closed_at, @closed_on, @on_time, @electronic)
        ON CONFLICT (dossier_id) DO UPDATE SET
            version = excluded.version, procedure_code = excluded.procedure_code, receiving_unit = excluded.receiving_unit,
            unit_level = excluded.unit_level, channel = excluded.channel, status = excluded.status,
            received_on = excluded.received_on, due_at = excluded.due_at, closed_at = excluded.closed_at,
            closed_on = excluded.closed_on, on_time = excluded.on_time, processed_electronically = excluded.processed_electronically
        WHERE excluded.version > t.version
        RETURNING dossier_id, (xmax = 0) AS inserted
        """;

    private const string CountSql = """
        INSERT INTO dossier_daily_counts AS c (closed_on, unit_level, status, dossiers, on_time, electronic)
        SELECT * FROM unnest(@days, @levels, @statuses, @dossiers, @on_time, @electronic)
        ON CONFLICT (closed_on, unit_level, status) DO UPDATE SET
            dossiers = c.dossiers + excluded.dossiers, on_time = c.on_time + excluded.on_time, electronic = c.electronic + excluded.electronic
        """;

    /// <summary>Returns the number of dossier rows inserted or updated.</summary>
    public static async Task<int> UpsertDossierFactsAsync(this ReportingDbContext db, IEnumerable<DossierState> states, CancellationToken cancellationToken)
    {
        var batch = FactBatch.LatestById(states, s => s.DossierId, s => s.Version).Select(ToFact).ToList();
        if (batch.Count == 0)
        {
            return 0;
        }
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (ownTransaction)
        {
            var counts = new DailyCountChanges();
            var inserted = await InsertNewAsync(db, batch, cancellationToken);
            var stored = new List<DossierFact>(batch.Count - inserted.Count);
            foreach (var fact in batch)
            {
                if (inserted.Contains(fact.DossierId))
                {
                    counts.Add(fact);
                }
                else
                {
                    stored.Add(fact);
                }
            }
            var written = inserted.Count + (stored.Count == 0 ? 0 : await ReplaceOlderAsync(db, stored, counts, cancellationToken));
            await ApplyAsync(db, counts, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
    }

    /// <summary>
    /// The states of dossiers already stored when the batch began: locks their rows, writes the states newer than the
    /// ones held, and moves the counts by the difference. Returns the rows written.
    /// </summary>
    private static async Task<int> ReplaceOlderAsync(ReportingDbContext db, List<DossierFact> facts, DailyCountChanges counts, CancellationToken cancellationToken)
    {
        var held = await LockHeldAsync(db, facts, cancellationToken);
        var newer = facts.Where(f => !held.TryGetValue(f.DossierId, out var h) || f.Version > h.Version).ToList();
        var written = newer.Count == 0 ? [] : await UpsertAsync(db, newer, cancellationToken);
        foreach (var fact in newer.Where(f => written.ContainsKey(f.DossierId)))
        {
            if (held.TryGetValue(fact.DossierId, out var replaced))
            {
                counts.Remove(replaced);
            }
            else if (!written[fact.DossierId])
            {
                // Inserted by a concurrent transaction after our lock: what it counted is unknown here. Roll back and let the message be retried.
                throw new DbUpdateConcurrencyException($"Dossier {fact.DossierId} was inserted concurrently; retry the batch.");
            }
            counts.Add(fact);
        }
        return written.Count;
    }

    /// <summary>The fact a state becomes: local days by the Vietnam calendar; on time = resolved at or before its due instant.</summary>
    public static DossierFact ToFact(DossierState state)
    {
        var closedAt = state.Status is DossierStatus.Received ? null : state.ClosedAt;
        return new DossierFact
        {
            DossierId = state.DossierId,
            Version = state.Version,
            ProcedureCode = state.ProcedureCode,
            ReceivingUnit = state.ReceivingUnit,
            UnitLevel = state.UnitLevel,
            Channel = state.Channel,
            Status = state.Status,
            ReceivedOn = FactDays.LocalDay(state.ReceivedAt),
            DueAt = state.DueAt,
            ClosedAt = closedAt,
            ClosedOn = FactDays.LocalDay(closedAt),
            OnTime = state.Status is DossierStatus.Resolved && closedAt is { } r ? r <= state.DueAt : null,
            ProcessedElectronically = state.ProcessedElectronically,
        };
    }

    private static NpgsqlCommand Command(ReportingDbContext db, string sql) => new(sql, (NpgsqlConnection)db.Database.GetDbConnection())
    {
        Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
    };

    private static async Task<Dictionary<string, DossierFact>> LockHeldAsync(ReportingDbContext db, List<DossierFact> batch, CancellationToken cancellationToken)
    {
        await using var command = Command(db, LockSql);
        command.Parameters.Add(FactBatch.Array("ids", NpgsqlDbType.Text, batch.Select(f => f.DossierId)));
        var held = new Dictionary<string, DossierFact>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var fact = new DossierFact
            {
                DossierId = reader.GetString(0),
                Version = reader.GetInt32(1),
                Status = (DossierStatus)reader.GetInt16(2),
                UnitLevel = (GovernmentLevel)reader.GetInt16(3),
                ClosedOn = reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                OnTime = reader.IsDBNull(5) ? null : reader.GetBoolean(5),
                ProcessedElectronically = reader.IsDBNull(6) ? null : reader.GetBoolean(6),
                ProcedureCode = string.Empty,
                ReceivingUnit = string.Empty,
            };
            held[fact.DossierId] = fact;
        }
        return held;
    }

    /// <summary>Upserts the states; returns the ids written, each with whether it was inserted (not updated).</summary>
    private static async Task<Dictionary<string, bool>> UpsertAsync(ReportingDbContext db, List<DossierFact> facts, CancellationToken cancellationToken)
    {
        await using var command = Command(db, UpsertSql);
        command.Parameters.AddRange(Columns(facts));
        var written = new Dictionary<string, bool>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            written[reader.GetString(0)] = reader.GetBoolean(1);
        }
        return written;
    }

    /// <summary>Inserts the states of dossiers not stored yet; returns the ids inserted.</summary>
    private static async Task<HashSet<string>> InsertNewAsync(ReportingDbContext db, List<DossierFact> facts, CancellationToken cancellationToken)
    {
        await using var command = Command(db, InsertNewSql);
        command.Parameters.AddRange(Columns(facts));
        var inserted = new HashSet<string>(facts.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetString(0));
        }
        return inserted;
    }

    /// <summary>The facts as one array parameter per column, in the order the statements unnest them.</summary>
    private static NpgsqlParameter[] Columns(List<DossierFact> facts) =>
        [
            FactBatch.Array("ids", NpgsqlDbType.Text, facts.Select(f => f.DossierId)),
            FactBatch.Array("versions", NpgsqlDbType.Integer, facts.Select(f => f.Version)),
            FactBatch.Array("codes", NpgsqlDbType.Text, facts.Select(f => f.ProcedureCode)),
            FactBatch.Array("units", NpgsqlDbType.Text, facts.Select(f => f.ReceivingUnit)),
            FactBatch.Array("levels", NpgsqlDbType.Smallint, facts.Select(f => (short)f.UnitLevel)),
            FactBatch.Array("channels", NpgsqlDbType.Smallint, facts.Select(f => (short)f.Channel)),
            FactBatch.Array("statuses", NpgsqlDbType.Smallint, facts.Select(f => (short)f.Status)),
            FactBatch.Array("received_on", NpgsqlDbType.Date, facts.Select(f => f.ReceivedOn)),
            FactBatch.Array("due_at", NpgsqlDbType.TimestampTz, facts.Select(f => f.DueAt.UtcDateTime)),
            FactBatch.Array("closed_at", NpgsqlDbType.TimestampTz, facts.Select(f => f.ClosedAt?.UtcDateTime)),
            FactBatch.Array("closed_on", NpgsqlDbType.Date, facts.Select(f => f.ClosedOn)),
            FactBatch.Array("on_time", NpgsqlDbType.Boolean, facts.Select(f => f.OnTime)),
            FactBatch.Array("electronic", NpgsqlDbType.Boolean, facts.Select(f => f.ProcessedElectronically)),
        ];

    private static async Task ApplyAsync(ReportingDbContext db, DailyCountChanges counts, CancellationToken cancellationToken)
    {
        var changes = counts.NonZero();
        if (changes.Count == 0)
        {
            return;
        }
        await using var command = Command(db, CountSql);
        command.Parameters.AddRange(new NpgsqlParameter[]
        {
            FactBatch.Array("days", NpgsqlDbType.Date, changes.Select(c => c.Key.Day)),
            FactBatch.Array("levels", NpgsqlDbType.Smallint, changes.Select(c => (short)c.Key.Level)),
            FactBatch.Array("statuses", NpgsqlDbType.Smallint, changes.Select(c => (short)c.Key.Status)),
            FactBatch.Array("dossiers", NpgsqlDbType.Bigint, changes.Select(c => c.Value.Dossiers)),
            FactBatch.Array("on_time", NpgsqlDbType.Bigint, changes.Select(c => c.Value.OnTime)),
            FactBatch.Array("electronic", NpgsqlDbType.Bigint, changes.Select(c => c.Value.Electronic)),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
