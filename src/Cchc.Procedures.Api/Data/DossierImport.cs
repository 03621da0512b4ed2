using System.Diagnostics;
using Cchc.Contracts.Events.Procedures;
using Cchc.Messaging;
using Cchc.Procedures.Api.Domain;
using Cchc.ReferenceData;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cchc.Procedures.Api.Data;

public sealed record ImportResult(long Records, long Inserted, long Unchanged, int Events);

/// <summary>
/// One bulk import of dossiers, all or nothing, in one transaction on the DbContext's connection: records are
/// streamed with binary COPY into a temporary staging table as they arrive (nothing is buffered in memory);
/// <see cref="CompleteAsync"/> then checks duplicates against each other and against the stored dossiers,
/// inserts the new ones with one INSERT … SELECT and writes one DossiersRecorded per 1,000 new dossiers to
/// the outbox, and commits. Disposing without completing rolls everything back. Imports run concurrently: the
/// dossiers' primary key, not a lock, settles two calls racing for one dossier (ADR 0041).
/// </summary>
public sealed class DossierImport : IAsyncDisposable
{
    public const int EventBatchSize = 1_000;

    private const int FetchSize = 20 * EventBatchSize;
    private const string Staging = "dossier_import";
    private const string Columns = "dossier_id, procedure_code, receiving_unit, unit_level, channel, status, received_at, due_at, closed_at, processed_electronically";
    private const string Content = "procedure_code, receiving_unit, unit_level, channel, status, received_at, due_at, closed_at, processed_electronically";

    private readonly IDbContextTransaction transaction;
    private readonly bool ownsTransaction;
    private readonly ILogger logger;
    private readonly NpgsqlConnection connection;
    private readonly HashSet<string> knownProcedures;
    private readonly HashSet<string> receivingUnits = new(StringComparer.Ordinal);
    private NpgsqlBinaryImporter? writer;
    private long records;

    private DossierImport(IDbContextTransaction transaction, bool ownsTransaction, NpgsqlConnection connection, HashSet<string> knownProcedures, NpgsqlBinaryImporter writer, ILogger logger) =>
        (this.transaction, this.ownsTransaction, this.connection, this.knownProcedures, this.writer, this.logger) = (transaction, ownsTransaction, connection, knownProcedures, writer, logger);

    private NpgsqlTransaction Transaction => (NpgsqlTransaction)transaction.GetDbTransaction();

    /// <summary>
    /// Starts the import in the DbContext's current transaction (the security layer's, which then also holds the audit
    /// entry and idempotency record and commits), or in its own when there is none.
    /// </summary>
    public static async Task<DossierImport> BeginAsync(ProceduresDbContext db, ILogger logger, CancellationToken ct)
    {
        var owns = db.Database.CurrentTransaction is null;
        var transaction = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var known = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand("SELECT code FROM procedures", connection))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    known.Add(reader.GetString(0));
                }
            }
            await using (var command = new NpgsqlCommand(
                $"""
                SET LOCAL work_mem = '256MB';
                CREATE TEMPORARY TABLE {Staging} (
                    idx integer NOT NULL, dossier_id text COLLATE "C" NOT NULL, procedure_code text COLLATE "C" NOT NULL,
                    receiving_unit text COLLATE "C" NOT NULL,
                    unit_level integer NOT NULL, channel integer NOT NULL, status integer NOT NULL,
                    received_at timestamptz NOT NULL, due_at timestamptz NOT NULL, closed_at timestamptz,
                    processed_electronically boolean
                ) ON COMMIT DROP;
                """, connection))
            {
                await command.ExecuteNonQueryAsync(ct);
            }
            var writer = await connection.BeginBinaryImportAsync($"COPY {Staging} (idx, {Columns}) FROM STDIN (FORMAT BINARY)", ct);
            return new DossierImport(transaction, owns, connection, known, writer, logger);
        }
        catch
        {
            if (owns)
            {
                await transaction.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>Whether the catalogue (as it stood when the import began) knows the procedure code.</summary>
    public bool IsKnownProcedure(string code) => knownProcedures.Contains(code);

    public async Task AddAsync(int index, DossierFacts d, CancellationToken ct)
    {
        var w = writer ?? throw new InvalidOperationException("The import is already complete.");
        await w.StartRowAsync(ct);
        await w.WriteAsync(index, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(d.DossierId, NpgsqlDbType.Text, ct);
        await w.WriteAsync(d.ProcedureCode, NpgsqlDbType.Text, ct);
        await w.WriteAsync(d.ReceivingUnit, NpgsqlDbType.Text, ct);
        receivingUnits.Add(d.ReceivingUnit);
        await w.WriteAsync((int)d.UnitLevel, NpgsqlDbType.Integer, ct);
        await w.WriteAsync((int)d.Channel, NpgsqlDbType.Integer, ct);
        await w.WriteAsync((int)d.Status, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(d.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(d.DueAt, NpgsqlDbType.TimestampTz, ct);
        if (d.ClosedAt is { } closedAt)
        {
            await w.WriteAsync(closedAt, NpgsqlDbType.TimestampTz, ct);
        }
        else
        {
            await w.WriteNullAsync(ct);
        }
        if (d.ProcessedElectronically is { } electronic)
        {
            await w.WriteAsync(electronic, NpgsqlDbType.Boolean, ct);
        }
        else
        {
            await w.WriteNullAsync(ct);
        }
        records++;
    }

    public async Task<ImportResult> CompleteAsync(DateTimeOffset now, IUnitReference units, IPeriodLock periods, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var w = writer ?? throw new InvalidOperationException("The import is already complete.");
        writer = null;
        await w.CompleteAsync(ct);
        await w.DisposeAsync();

        // No lock across imports (ADR 0041): calls run side by side, and the primary key decides a race. Two calls that
        // both found a dossier new insert it in the same (key) order, so the second waits for the first instead of
        // deadlocking; if the first commits, the second fails on the key and rolls back whole (ABORTED, below): the
        // client re-sends, and the re-sent call finds the dossier stored and compares it. Nothing is counted twice.
        // Statistics only for the columns the checks below group and join on (the planner's estimates for the id
        // probe, the unit/day and fact-day groupings); the seven content columns are only compared, never planned on.
        await ExecuteAsync($"ANALYZE {Staging} (dossier_id, receiving_unit, received_at, closed_at)", ct);
        var distinct = await ScalarAsync($"SELECT count(*) FROM (SELECT dossier_id FROM {Staging} GROUP BY dossier_id) ids", ct);
        if (distinct < records)
        {
            await EnsureRepeatsAgreeAsync(ct);
            await ExecuteAsync($"DELETE FROM {Staging} s USING {Staging} t WHERE s.dossier_id = t.dossier_id AND s.idx > t.idx", ct);
        }
        var inserted = distinct - await RemoveStoredAsync(ct);
        var checkedAt = Stopwatch.GetElapsedTime(started);
        if (inserted > 0)
        {
            // Only the new dossiers are facts this call records (those already stored were checked when they were).
            await EnsureUnitsExistedAsync(units, ct);
            // The whole import is refused when one new dossier is dated in an approved period (or recorded as one correction).
            await periods.EnsureOpenAsync(await FactDaysAsync(ct), ct);
        }
        var unitsCheckedAt = Stopwatch.GetElapsedTime(started);
        var events = 0;
        if (inserted > 0)
        {
            try
            {
                await ExecuteAsync(
                    $"INSERT INTO dossiers ({Columns}, version, recorded_at) SELECT {Columns}, 1, @now FROM {Staging} ORDER BY dossier_id", ct, now);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected)
            {
                throw DomainException.Aborted("một hồ sơ trong lần nhập vừa được ghi đồng thời bởi yêu cầu khác; vui lòng nhập lại");
            }
            var insertedAt = Stopwatch.GetElapsedTime(started);
            events = await WriteEventsAsync(now, ct);
            logger.LogDebug("Import of {Records} records: checks {Checks}, units {Units}, insert {Insert}, events {Events}",
                records, checkedAt, unitsCheckedAt - checkedAt, insertedAt - unitsCheckedAt, Stopwatch.GetElapsedTime(started) - insertedAt);
        }
        if (ownsTransaction)
        {
            await transaction.CommitAsync(ct);
        }
        return new ImportResult(records, inserted, records - inserted, events);
    }

    public async ValueTask DisposeAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync(); // cancels the COPY
            writer = null;
        }
        if (ownsTransaction)
        {
            await transaction.DisposeAsync(); // rolls back unless committed
        }
    }

    /// <summary>
    /// Every receiving unit must have existed on the Vietnam day its dossier was received: one query over the DISTINCT
    /// (unit, day) pairs of the staged new records (a few hundred, whatever the number of records) against the local copy of
    /// the unit reference data. The first record (lowest index) of a refused pair refuses the whole import. The few
    /// distinct units are normalised here (trim, NFC), once each, and joined in as a parameter: normalising in SQL per
    /// pair cost ~10× the rest of the check. The two NOT EXISTS are planned as hash anti-joins (~20 ms per 50,000
    /// records with ~46,000 distinct pairs, on a busy 2-core machine).
    /// </summary>
    private async Task EnsureUnitsExistedAsync(IUnitReference units, CancellationToken ct)
    {
        var day = UnitReferenceStore.VietnamDaySql("received_at");
        int index;
        string unit;
        DateOnly refusedOn;
        var raw = receivingUnits.ToArray();
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT p.idx, p.receiving_unit, p.day
            FROM (SELECT receiving_unit, {day} AS day, min(idx) AS idx FROM {Staging} GROUP BY 1, 2) p
            JOIN unnest(@raw, @normalized) AS n(raw, unit) ON n.raw COLLATE "C" = p.receiving_unit
            WHERE {UnitReferenceStore.MissingSql("(n.unit COLLATE \"C\")", "p.day")}
            ORDER BY p.idx LIMIT 1
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("raw", raw) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<string[]>("normalized", [.. raw.Select(UnitReferenceStore.Normalize)])
                { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return;
            }
            (index, unit, refusedOn) = (reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2));
        }
        var lifetimes = await units.LoadAsync([unit], ct);
        throw lifetimes.Refusal(unit, refusedOn, $"records[{index}].receiving_unit");
    }

    /// <summary>
    /// The distinct Vietnam days the new dossiers were received and closed on, each with the first record that has it (a few
    /// hundred rows whatever the number of records): the days the period lock checks (ADR 0029).
    /// </summary>
    private async Task<List<FactDay>> FactDaysAsync(CancellationToken ct)
    {
        var days = new List<FactDay>();
        await using var command = new NpgsqlCommand(
            $"""
            SELECT min(idx), day, field FROM (
                SELECT idx, {UnitReferenceStore.VietnamDaySql("received_at")} AS day, 'received_at' AS field FROM {Staging}
                UNION ALL
                SELECT idx, {UnitReferenceStore.VietnamDaySql("closed_at")}, 'closed_at' FROM {Staging} WHERE closed_at IS NOT NULL) d
            GROUP BY day, field
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            days.Add(new FactDay(reader.GetFieldValue<DateOnly>(1), $"records[{reader.GetInt32(0)}].{reader.GetString(2)}"));
        }
        return days;
    }

    /// <summary>The same dossier twice in one call is fine only when both records say the same.</summary>
    private async Task EnsureRepeatsAgreeAsync(CancellationToken ct)
    {
        var conflict = await FirstConflictAsync(
            $"""
            SELECT s.idx, t.idx, {Prefixed("s")}, {Prefixed("t")} FROM {Staging} s
            JOIN {Staging} t ON t.dossier_id = s.dossier_id AND t.idx < s.idx
            WHERE ({Prefixed("s", Content)}) IS DISTINCT FROM ({Prefixed("t", Content)})
            ORDER BY s.idx, t.idx LIMIT 1
            """, ct);
        if (conflict is var (index, other, mine, theirs))
        {
            var field = mine.FirstDifference(theirs)!;
            throw DomainException.Conflict($"records[{index}].{field}",
                $"hồ sơ {mine.DossierId} xuất hiện nhiều lần trong lần nhập với nội dung khác (records[{other}])");
        }
    }

    /// <summary>
    /// Takes the records of dossiers already stored out of the staging table (they count as unchanged) in one pass,
    /// provided each says exactly what is stored; otherwise ALREADY_EXISTS naming the first such record.
    /// </summary>
    private async Task<int> RemoveStoredAsync(CancellationToken ct)
    {
        // Probe the primary key once per staged record: a hash join would read the whole (ever growing) dossiers table.
        await ExecuteAsync("SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off; SAVEPOINT dossier_import_stored", ct);
        await using (var command = new NpgsqlCommand(
            $"""
            WITH stored AS (
                DELETE FROM {Staging} s USING dossiers d WHERE d.dossier_id = s.dossier_id
                RETURNING s.idx, ({Prefixed("s", Content)}) IS DISTINCT FROM ({Prefixed("d", Content)}) AS differs)
            SELECT count(*), min(idx) FILTER (WHERE differs) FROM stored
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            if (reader.IsDBNull(1))
            {
                var count = (int)reader.GetInt64(0);
                await reader.DisposeAsync();
                await ExecuteAsync("RESET enable_hashjoin; RESET enable_mergejoin", ct);
                return count;
            }
        }
        // Rare: undo the delete to read the conflicting record back and name the field that differs.
        await ExecuteAsync("ROLLBACK TO SAVEPOINT dossier_import_stored", ct);
        var conflict = await FirstConflictAsync(
            $"""
            SELECT s.idx, 0, {Prefixed("s")}, {Prefixed("d")} FROM {Staging} s
            JOIN dossiers d ON d.dossier_id = s.dossier_id
            WHERE ({Prefixed("s", Content)}) IS DISTINCT FROM ({Prefixed("d", Content)})
            ORDER BY s.idx LIMIT 1
            """, ct);
        var (index, _, mine, stored) = conflict ?? throw new InvalidOperationException("The conflicting record vanished.");
        var field = mine.FirstDifference(stored)!;
        throw DomainException.Conflict($"records[{index}].{field}", Messages.DifferentContent("hồ sơ", mine.DossierId, field));
    }

    private async Task<(int Index, int Other, DossierFacts Mine, DossierFacts Theirs)?> FirstConflictAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? (reader.GetInt32(0), reader.GetInt32(1), ReadFacts(reader, 2), ReadFacts(reader, 12))
            : null;
    }

    /// <summary>Reads the staged new dossiers with a cursor, 20,000 at a time, and writes them as events of 1,000.</summary>
    private async Task<int> WriteEventsAsync(DateTimeOffset now, CancellationToken ct)
    {
        await ExecuteAsync($"DECLARE dossier_import_events NO SCROLL CURSOR FOR SELECT {Columns} FROM {Staging}", ct);
        var written = 0;
        while (true)
        {
            var batch = new List<DossiersRecorded>(FetchSize / EventBatchSize);
            var states = new List<DossierState>(EventBatchSize);
            var fetched = 0;
            await using (var command = new NpgsqlCommand($"FETCH FORWARD {FetchSize} FROM dossier_import_events", connection))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    fetched++;
                    states.Add(ReadFacts(reader, 0).ToEventState(version: 1));
                    if (states.Count == EventBatchSize)
                    {
                        batch.Add(new DossiersRecorded { Dossiers = states, OccurredAt = now });
                        states = new List<DossierState>(EventBatchSize);
                    }
                }
            }
            if (states.Count > 0)
            {
                batch.Add(new DossiersRecorded { Dossiers = states, OccurredAt = now });
            }
            if (batch.Count > 0)
            {
                written += await Outbox.WriteAsync(connection, Transaction, batch, ct);
            }
            if (fetched < FetchSize)
            {
                break;
            }
        }
        await ExecuteAsync("CLOSE dossier_import_events", ct);
        return written;
    }

    private static DossierFacts ReadFacts(NpgsqlDataReader r, int at) => new(
        r.GetString(at),
        r.GetString(at + 1),
        r.GetString(at + 2),
        (GovernmentLevel)r.GetInt32(at + 3),
        (DossierChannel)r.GetInt32(at + 4),
        ReceivedAt: r.GetFieldValue<DateTimeOffset>(at + 6),
        DueAt: r.GetFieldValue<DateTimeOffset>(at + 7),
        Status: (DossierStatus)r.GetInt32(at + 5),
        ClosedAt: r.IsDBNull(at + 8) ? null : r.GetFieldValue<DateTimeOffset>(at + 8),
        ProcessedElectronically: r.IsDBNull(at + 9) ? null : r.GetBoolean(at + 9));

    private static string Prefixed(string alias, string columns = Columns) =>
        string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));

    private async Task<int> ExecuteAsync(string sql, CancellationToken ct, DateTimeOffset? now = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (now is { } instant)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", instant) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
