using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cchc.Cli.Import;

/// <summary>
/// What an interrupted import had finished, kept next to the input as "&lt;file&gt;.cchc-resume.json": the input's SHA-256
/// (a changed file starts over), the batch size, the batches the services confirmed, their counts, and the rows they
/// refused. A re-run skips those batches; anything else is sent again, which is safe because every import is
/// idempotent by the facts' ids. Deleted when an import completes.
/// </summary>
internal sealed class ResumeState
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Kind { get; set; } = string.Empty;

    public string FileSha256 { get; set; } = string.Empty;

    public int BatchSize { get; set; }

    public SortedSet<int> DoneBatches { get; set; } = [];

    public long Accepted { get; set; }

    public long AlreadyPresent { get; set; }

    public List<Rejection> Rejections { get; set; } = [];

    public sealed record Rejection(string Sheet, int Row, string? Column, string Message);

    public static string PathFor(string input) => input + ".cchc-resume.json";

    public static string Fingerprint(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The state of an earlier run of the same kind on the same file content with the same batch size, or null.</summary>
    public static ResumeState? Load(string path, string kind, string sha256, int batchSize)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var state = JsonSerializer.Deserialize<ResumeState>(File.ReadAllText(path), Json);
            return state is not null && state.Kind == kind && state.FileSha256 == sha256 && state.BatchSize == batchSize ? state : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Written whole to a temporary file and renamed over the old one: an interruption never leaves half a file.</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
