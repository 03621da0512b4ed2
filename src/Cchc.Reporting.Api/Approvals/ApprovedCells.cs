using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Cchc.Reporting.Api.Approvals;

/// <summary>
/// The approved cells of each approval version, parsed once per process (docs/adr/0042-report-read-caches.md). A version's
/// snapshot never changes (a trigger refuses it; a re-approval or withdrawal is a new row), so the entry of an approval id
/// is valid for ever; it is also keyed on the content hash, so a snapshot that somehow differed would be parsed again.
/// Each cell is kept as its JSON text and parsed per use (a <see cref="JsonNode"/> must not be shared between requests).
/// Before this, every appendix request parsed the whole snapshot (every cell of every appendix) of each approved period
/// it showed.
/// </summary>
public sealed class ApprovedCells
{
    /// <summary>Enough for every approval a province makes in decades; beyond it, nothing more is kept (still correct).</summary>
    private const int Capacity = 512;

    private readonly ConcurrentDictionary<(long Id, string Hash), IReadOnlyDictionary<(int Appendix, string Indicator), string?>> parsed = new();

    /// <summary>The approved cells of the version, loading its snapshot with <paramref name="load"/> only the first time.</summary>
    public async Task<IReadOnlyDictionary<(int Appendix, string Indicator), string?>> GetAsync(long id, string contentHash, Func<Task<string>> load)
    {
        if (parsed.TryGetValue((id, contentHash), out var cells))
        {
            return cells;
        }
        cells = ApprovalSnapshot.Cells(await load()).ToDictionary(c => c.Key, c => c.Value?.ToJsonString());
        if (parsed.Count < Capacity)
        {
            parsed.TryAdd((id, contentHash), cells);
        }
        return cells;
    }

    /// <summary>An approved cell's value as a node of its own (null for a blank cell).</summary>
    public static JsonNode? Node(string? json) => json is null ? null : JsonNode.Parse(json);
}
