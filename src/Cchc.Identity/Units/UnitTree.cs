using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Contracts.Security;

namespace Cchc.Identity.Units;

/// <summary>A unit of the tree file: its name (as the APIs use it, e.g. "UBND huyện Tam Đường") and the units under it.</summary>
public sealed record UnitNode(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("children")] IReadOnlyList<UnitNode>? Children);

/// <summary>
/// The organisation units clients are bound to (file <c>Identity:UnitTreeFile</c>, JSON
/// <c>{"units": [{"name": ..., "children": [...]}]}</c>). Names are unique across the tree. A client bound to a unit
/// "and its subtree" gets the unit and every unit below it in its token.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<string, UnitNode> _byName = new(StringComparer.Ordinal);

    public UnitTree(IReadOnlyList<UnitNode> roots)
    {
        Roots = roots;
        foreach (var node in roots.SelectMany(Flatten))
        {
            if (string.IsNullOrWhiteSpace(node.Name))
            {
                throw new InvalidOperationException("The unit tree has a unit without a name.");
            }
            if (!_byName.TryAdd(node.Name, node))
            {
                throw new InvalidOperationException($"The unit tree names '{node.Name}' twice: unit names must be unique.");
            }
        }
    }

    public IReadOnlyList<UnitNode> Roots { get; }

    public int Count => _byName.Count;

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The unit and every unit below it, the unit first, then depth-first in file order.</summary>
    public IEnumerable<string> Subtree(string name) =>
        _byName.TryGetValue(name, out var node)
            ? Flatten(node).Select(n => n.Name)
            : throw new InvalidOperationException($"The unit '{name}' is not in the unit tree.");

    /// <summary>
    /// The token's <see cref="TokenContract.UnitClaim"/> values: <see cref="TokenContract.AllUnits"/> alone when the
    /// client has it, otherwise its units plus the expanded subtrees, each once, in a stable order.
    /// </summary>
    public IReadOnlyList<string> Resolve(IEnumerable<string> units, IEnumerable<string> subtrees)
    {
        var unitList = units.ToList();
        if (unitList.Contains(TokenContract.AllUnits, StringComparer.Ordinal))
        {
            return [TokenContract.AllUnits];
        }
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in unitList.Concat(subtrees.SelectMany(Subtree)))
        {
            if (seen.Add(unit))
            {
                result.Add(unit);
            }
        }
        return result;
    }

    public static UnitTree Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The unit tree file {path} does not exist (setting Identity:UnitTreeFile).");
        }
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<UnitTreeFile>(stream)
            ?? throw new InvalidOperationException($"The unit tree file {path} is empty.");
        return new UnitTree(file.Units ?? []);
    }

    private static IEnumerable<UnitNode> Flatten(UnitNode node) =>
        new[] { node }.Concat((node.Children ?? []).SelectMany(Flatten));

    private sealed record UnitTreeFile([property: JsonPropertyName("units")] IReadOnlyList<UnitNode>? Units);
}
