using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cchc.Security.Audit;

/// <summary>What a call's audit entry says, before it is numbered and chained.</summary>
public sealed record AuditRecord(string ClientId, string? Unit, string Operation, string? TargetId, string? RequestId, string Outcome, string StatusCode);

/// <summary>A write already accepted under a request id: what it was and what it answered.</summary>
public sealed record StoredRequest(string Operation, byte[] RequestHash, byte[] Response);

/// <summary>
/// The audit log and the idempotency records of one service, in its own PostgreSQL database (tables audit_entries and
/// idempotency_records, mapped by <see cref="SecurityModelBuilderExtensions"/>). Works inside the DbContext's current
/// transaction when there is one, so a write, its audit entry and its idempotency record commit together.
/// </summary>
public interface ISecurityStore
{
    /// <summary>Starts the transaction the write, its audit entry and its idempotency record share.</summary>
    Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct);

    /// <summary>Locks the request id (until the transaction ends) and returns what was stored under it, if anything.</summary>
    Task<StoredRequest?> LockRequestAsync(string clientId, string requestId, CancellationToken ct);

    Task SaveRequestAsync(string clientId, string requestId, StoredRequest request, CancellationToken ct);

    /// <summary>Appends an entry at the head of the chain (serialized: one appender at a time per database).</summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct);

    /// <summary>Every entry in sequence order, streamed.</summary>
    IAsyncEnumerable<AuditEntry> ReadChainAsync(CancellationToken ct);

    /// <summary>Entries of a unit (null: all) within [from, to), after a sequence number, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? unit, DateTimeOffset? from, DateTimeOffset? to, long after, int limit, CancellationToken ct);
}

/// <inheritdoc cref="ISecurityStore"/>
public sealed class SecurityStore<TDbContext>(TDbContext db, TimeProvider clock) : ISecurityStore where TDbContext : DbContext
{
    /// <summary>Advisory lock key serializing appends to the chain ("cchcaudt").</summary>
    private const long ChainLock = 0x6363686361756474;

    private const string EntryColumns = "sequence, occurred_at, client_id, unit, operation, target_id, request_id, outcome, status_code, prev_hash, hash";

    public async Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct) =>
        await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);

    public async Task<StoredRequest?> LockRequestAsync(string clientId, string requestId, CancellationToken ct)
    {
        var (connection, transaction) = Current();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 7))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", clientId + "\n" + requestId);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }
        await using var command = new NpgsqlCommand(
            "SELECT operation, request_hash, response FROM idempotency_records WHERE client_id = @client AND request_id = @id", connection, transaction);
        command.Parameters.AddWithValue("client", clientId);
        command.Parameters.AddWithValue("id", requestId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new StoredRequest(reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2))
            : null;
    }

    public async Task SaveRequestAsync(string clientId, string requestId, StoredRequest request, CancellationToken ct)
    {
        var (connection, transaction) = Current();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO idempotency_records (client_id, request_id, operation, request_hash, response, created_at)
            VALUES (@client, @id, @operation, @hash, @response, @now)
            """, connection, transaction);
        command.Parameters.AddWithValue("client", clientId);
        command.Parameters.AddWithValue("id", requestId);
        command.Parameters.AddWithValue("operation", request.Operation);
        command.Parameters.AddWithValue("hash", request.RequestHash);
        command.Parameters.AddWithValue("response", request.Response);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", clock.GetUtcNow()) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var (connection, transaction) = Current();
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ChainLock})", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(ct);
            }
            long sequence = 0;
            var prevHash = AuditChain.Genesis;
            await using (var head = new NpgsqlCommand("SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1", connection, transaction))
            await using (var reader = await head.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct))
                {
                    (sequence, prevHash) = (reader.GetInt64(0), reader.GetString(1));
                }
            }
            var entry = new AuditEntry
            {
                Sequence = sequence + 1,
                OccurredAt = AuditChain.Normalize(clock.GetUtcNow()),
                // The caller's input as a safe representation (AuditText): a refusal of any input is audited.
                ClientId = AuditText.Safe(record.ClientId)!,
                Unit = NullIfEmpty(AuditText.Safe(record.Unit)),
                Operation = AuditText.Safe(record.Operation)!,
                TargetId = NullIfEmpty(AuditText.Safe(record.TargetId)),
                RequestId = NullIfEmpty(AuditText.Safe(record.RequestId)),
                Outcome = record.Outcome,
                StatusCode = record.StatusCode,
                PrevHash = prevHash,
                Hash = string.Empty,
            };
            entry.Hash = AuditChain.ComputeHash(entry);
            await using (var insert = new NpgsqlCommand(
                $"INSERT INTO audit_entries ({EntryColumns}) VALUES (@s, @at, @client, @unit, @op, @target, @rid, @outcome, @status, @prev, @hash)",
                connection, transaction))
            {
                insert.Parameters.AddWithValue("s", entry.Sequence);
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", entry.OccurredAt) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
                insert.Parameters.AddWithValue("client", entry.ClientId);
                insert.Parameters.AddWithValue("unit", (object?)entry.Unit ?? DBNull.Value);
                insert.Parameters.AddWithValue("op", entry.Operation);
                insert.Parameters.AddWithValue("target", (object?)entry.TargetId ?? DBNull.Value);
                insert.Parameters.AddWithValue("rid", (object?)entry.RequestId ?? DBNull.Value);
                insert.Parameters.AddWithValue("outcome", entry.Outcome);
                insert.Parameters.AddWithValue("status", entry.StatusCode);
                insert.Parameters.AddWithValue("prev", entry.PrevHash);
                insert.Parameters.AddWithValue("hash", entry.Hash);
                await insert.ExecuteNonQueryAsync(ct);
            }
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            return entry;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    public async IAsyncEnumerable<AuditEntry> ReadChainAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var command = new NpgsqlCommand($"SELECT {EntryColumns} FROM audit_entries ORDER BY sequence", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                yield return Read(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? unit, DateTimeOffset? from, DateTimeOffset? to, long after, int limit, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var command = new NpgsqlCommand(
                $"""
                SELECT {EntryColumns} FROM audit_entries
                WHERE sequence > @after AND (@unit::text IS NULL OR unit = @unit)
                  AND (@from::timestamptz IS NULL OR occurred_at >= @from) AND (@to::timestamptz IS NULL OR occurred_at < @to)
                ORDER BY sequence LIMIT @limit
                """, connection);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.Add(new NpgsqlParameter("unit", NpgsqlDbType.Text) { Value = (object?)unit ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)from?.ToUniversalTime() ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)to?.ToUniversalTime() ?? DBNull.Value });
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var entries = new List<AuditEntry>();
            while (await reader.ReadAsync(ct))
            {
                entries.Add(Read(reader));
            }
            return entries;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private (NpgsqlConnection Connection, NpgsqlTransaction Transaction) Current()
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("No transaction: call BeginWriteAsync first.");
        return ((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
    }

    private static AuditEntry Read(NpgsqlDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        OccurredAt = r.GetFieldValue<DateTimeOffset>(1),
        ClientId = r.GetString(2),
        Unit = r.IsDBNull(3) ? null : r.GetString(3),
        Operation = r.GetString(4),
        TargetId = r.IsDBNull(5) ? null : r.GetString(5),
        RequestId = r.IsDBNull(6) ? null : r.GetString(6),
        Outcome = r.GetString(7),
        StatusCode = r.GetString(8),
        PrevHash = r.GetString(9),
        Hash = r.GetString(10),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
