using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cchc.Security.Audit;

/// <summary>What a chain verification found.</summary>
public sealed record ChainVerification(bool Ok, long Entries, long FirstBrokenSequence, string? Problem)
{
    public static ChainVerification Valid(long entries) => new(true, entries, 0, null);
}

/// <summary>
/// The hash chain: each entry's hash is SHA-256 over a canonical serialization of its fields including the previous
/// entry's hash, so changing, removing or reordering any entry breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// Lowercase hex SHA-256 of the fields in a fixed order, each written as "name=length:value\n" (length in UTF-8
    /// bytes, so no value can imitate a field boundary); null and empty are the same; the time is UTC, microseconds.
    /// </summary>
    public static string ComputeHash(AuditEntry e)
    {
        var canonical = new StringBuilder(256);
        Field(canonical, "sequence", e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(canonical, "occurred_at", FormatTime(e.OccurredAt));
        Field(canonical, "client_id", e.ClientId);
        Field(canonical, "unit", e.Unit);
        Field(canonical, "operation", e.Operation);
        Field(canonical, "target_id", e.TargetId);
        Field(canonical, "request_id", e.RequestId);
        Field(canonical, "outcome", e.Outcome);
        Field(canonical, "status_code", e.StatusCode);
        Field(canonical, "prev_hash", e.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    /// <summary>PostgreSQL keeps microseconds: entries are timed at that precision so a stored entry hashes the same.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    /// <summary>Checks entries in sequence order: numbering without gaps from 1, each link, each hash.</summary>
    public static async Task<ChainVerification> VerifyAsync(IAsyncEnumerable<AuditEntry> entries, CancellationToken ct = default)
    {
        var expectedSequence = 1L;
        var previousHash = Genesis;
        var count = 0L;
        await foreach (var entry in entries.WithCancellation(ct))
        {
            count++;
            if (entry.Sequence != expectedSequence)
            {
                return new ChainVerification(false, count, entry.Sequence,
                    $"entry {expectedSequence} is missing (found {entry.Sequence} next)");
            }
            if (!string.Equals(entry.PrevHash, previousHash, StringComparison.Ordinal))
            {
                return new ChainVerification(false, count, entry.Sequence, "prev_hash does not match the previous entry's hash");
            }
            if (!string.Equals(ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return new ChainVerification(false, count, entry.Sequence, "hash does not match the entry's content");
            }
            previousHash = entry.Hash;
            expectedSequence++;
        }
        return ChainVerification.Valid(count);
    }

    private static string FormatTime(DateTimeOffset time) =>
        Normalize(time).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Field(StringBuilder sb, string name, string? value)
    {
        value ??= string.Empty;
        sb.Append(name).Append('=').Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture))
          .Append(':').Append(value).Append('\n');
    }
}
