using Npgsql;
using Xunit;

namespace Cchc.Testing.Hostile;

/// <summary>
/// What a service's database holds, table by table, cheaply enough to take around every call: each table's row count
/// and newest row version (max xmin: any insert or update changes it). The audit log is left out (a refusal is written
/// there on purpose); the outbox is compared by its rows only (the relay updates their delivery attempts in the
/// background while the broker is down).
/// </summary>
public static class DatabaseSnapshot
{
    private static readonly string[] Excluded = ["audit_entries", "__EFMigrationsHistory"];

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables.Where(t => !Excluded.Contains(t)))
        {
            var version = table.Contains("outbox", StringComparison.Ordinal) ? "0" : "coalesce(max(xmin::text::bigint), 0)";
            await using var command = new NpgsqlCommand($"SELECT count(*) || '/' || {version} FROM \"{table}\"", connection);
            snapshot[table] = (string)(await command.ExecuteScalarAsync())!;
        }
        return snapshot;
    }

    /// <summary>Fails naming the tables whose rows changed.</summary>
    public static void AssertUnchanged(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string what)
    {
        var changed = before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t} {before.GetValueOrDefault(t) ?? "-"} → {after.GetValueOrDefault(t) ?? "-"}")
            .ToList();
        Assert.True(changed.Count == 0, $"{what}: the refused call changed the database (rows/newest version): {string.Join("; ", changed)}");
    }
}
