using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cchc.Integration.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cchc.Integration.Api.Exchange;

/// <summary>What an exchange's log entry says, before it is numbered and chained.</summary>
public sealed record ExchangeRecord(
    string Direction, string Client, string Service, string Operation, string MessageId, byte[] Payload, string Status);

/// <summary>What a verification of the chain found.</summary>
public sealed record ChainCheck(bool Ok, long Entries, long FirstBrokenSequence, string Problem);

/// <summary>
/// The hash chain of the message log: an entry's hash is SHA-256 over the JSON array of its fields in a fixed order
/// (sequence, instant in UTC microseconds, direction, client, service, operation, message id, payload digest, status,
/// previous hash). A changed, removed or reordered entry breaks its own hash or the next entry's link.
/// </summary>
public static class MessageChain
{
    public static readonly string First = new('0', 64);

    public static string Digest(byte[] payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    public static string HashOf(MessageLogEntryEntity e)
    {
        string[] fields =
        [
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.Direction, e.Client, e.Service, e.Operation, e.MessageId, e.PayloadDigest, e.Status, e.PrevHash,
        ];
        return Digest(JsonSerializer.SerializeToUtf8Bytes(fields));
    }

    /// <summary>Checks entries in sequence order.</summary>
    public static async Task<ChainCheck> VerifyAsync(IAsyncEnumerable<MessageLogEntryEntity> entries, CancellationToken ct)
    {
        var expected = 1L;
        var previous = First;
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var problem = entry.Sequence != expected ? $"entry {expected} is missing"
                : entry.PrevHash != previous ? "its link does not match the previous entry's hash"
                : HashOf(entry) != entry.Hash ? "its hash does not match its content"
                : null;
            if (problem is not null)
            {
                return new ChainCheck(false, expected, entry.Sequence, problem);
            }
            previous = entry.Hash;
            expected++;
        }
        return new ChainCheck(true, expected - 1, 0, string.Empty);
    }
}

/// <summary>Appends exchanges to the message log, one appender at a time (an advisory lock), and verifies it.</summary>
public sealed class MessageLog(IntegrationDbContext db, IOptions<ExchangeOptions> options, TimeProvider clock)
{
    /// <summary>Advisory lock key serializing appends ("cchcmlog").</summary>
    private const long ChainLock = 0x636368636d6c6f67;

    public async Task<MessageLogEntryEntity> AppendAsync(ExchangeRecord record, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
        var head = await db.MessageLog.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().ToUniversalTime();
        var entry = new MessageLogEntryEntity
        {
            Sequence = (head?.Sequence ?? 0) + 1,
            // PostgreSQL keeps microseconds: the stored instant must hash as the computed one.
            OccurredAt = new DateTimeOffset(now.Ticks - now.Ticks % 10, TimeSpan.Zero),
            Direction = record.Direction,
            Client = record.Client,
            Service = record.Service,
            Operation = record.Operation,
            MessageId = record.MessageId,
            PayloadDigest = MessageChain.Digest(record.Payload),
            Payload = options.Value.KeepPayloads ? Encoding.UTF8.GetString(record.Payload) : null,
            Status = record.Status,
            PrevHash = head?.Hash ?? MessageChain.First,
        };
        entry.Hash = MessageChain.HashOf(entry);
        db.MessageLog.Add(entry);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.Entry(entry).State = EntityState.Detached;
        return entry;
    }

    public Task<ChainCheck> VerifyAsync(CancellationToken ct) =>
        MessageChain.VerifyAsync(db.MessageLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), ct);
}
