using Npgsql;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Data;

/// <summary>Helpers for the batch upserts: one state per business id, and typed array parameters for unnest.</summary>
internal static class FactBatch
{
    /// <summary>
    /// Keeps the highest version of each id (ON CONFLICT cannot touch a row twice in one statement), ordered by id
    /// so concurrent batches lock rows in the same order.
    /// </summary>
    public static List<T> LatestById<T>(IEnumerable<T> items, Func<T, string> id, Func<T, int> version) =>
        items.GroupBy(id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(version)!)
            .OrderBy(id, StringComparer.Ordinal)
            .ToList();

    public static NpgsqlParameter Array<T>(string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };
}
