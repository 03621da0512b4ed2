using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cchc.Messaging;

/// <summary>The relay's SQL for one outbox table (schema-qualified as mapped in the service's model).</summary>
internal sealed class OutboxSql(string table)
{
    public string Table { get; } = table;

    public string Claim { get; } =
        $"""
        SELECT sequence, message_id, message_type, payload::text
        FROM {table}
        WHERE sent_at IS NULL AND sequence <> ALL($2)
        ORDER BY sequence
        LIMIT $1
        FOR UPDATE SKIP LOCKED
        """;

    public string MarkSent { get; } =
        $"UPDATE {table} SET sent_at = clock_timestamp(), attempts = attempts + 1 WHERE sequence = ANY($1)";

    public string MarkFailed { get; } =
        $"""
        UPDATE {table} AS o SET attempts = o.attempts + 1, last_error = f.error
        FROM unnest($1::bigint[], $2::text[]) AS f(sequence, error)
        WHERE o.sequence = f.sequence
        """;

    public string CountPending { get; } = $"SELECT count(*) FROM {table} WHERE sent_at IS NULL";

    public string DeleteSent { get; } =
        $"""
        DELETE FROM {table} WHERE sequence IN (
            SELECT sequence FROM {table} WHERE sent_at < now() - $1 ORDER BY sequence LIMIT $2)
        """;
}

internal static class SqlNames
{
    /// <summary>The entity's table, quoted and schema-qualified when the model names a schema.</summary>
    public static string Table(IEntityType entity)
    {
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} is not mapped to a table.");
        var schema = entity.GetSchema();
        return schema is null ? Quote(table) : $"{Quote(schema)}.{Quote(table)}";
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
