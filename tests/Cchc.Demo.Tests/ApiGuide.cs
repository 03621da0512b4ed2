using System.Text.RegularExpressions;
using Cchc.Testing;

namespace Cchc.Demo.Tests;

/// <summary>A Node example of the API guide: the script, the demo client whose token it runs with, the output shown.</summary>
public sealed record NodeExample(string Script, string Client, string Output, int Line);

/// <summary>A curl call of the API guide, as written, with the answer its comment shows (<c># → …</c>, "…" = anything) if any.</summary>
public sealed record CurlCall(string Command, string? Shown, int Line);

/// <summary>
/// docs/api-guide.md read as a test reads it: each <c>node examples/X.mjs</c> command (with the demo client of its
/// <c>cchc token CLIENT</c>) and the output block that follows it, and each <c>curl</c> call of its shell blocks.
/// </summary>
public static partial class ApiGuide
{
    public static string Path { get; } = System.IO.Path.Combine(RepositoryPaths.Root(), "docs", "api-guide.md");

    /// <summary>Fenced blocks in order: their language tag, text and first line number.</summary>
    public static IReadOnlyList<(string Language, string Text, int Line)> Blocks(string markdown)
    {
        var blocks = new List<(string, string, int)>();
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimEnd('\r');
            if (!fence.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimEnd('\r').StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }
            blocks.Add((fence[3..].Trim(), string.Join('\n', lines[start..end].Select(l => l.TrimEnd('\r'))), start + 1));
            i = end;
        }
        return blocks;
    }

    public static IReadOnlyList<NodeExample> NodeExamples(string markdown)
    {
        var examples = new List<NodeExample>();
        var blocks = Blocks(markdown);
        for (var i = 0; i < blocks.Count; i++)
        {
            var command = NodeCommand().Match(blocks[i].Text);
            if (blocks[i].Language != "bash" || !command.Success)
            {
                continue;
            }
            // The output: the next block without a language tag.
            var output = blocks.Skip(i + 1).FirstOrDefault(b => b.Language.Length == 0);
            examples.Add(new NodeExample(command.Groups["script"].Value, command.Groups["client"].Value, output.Text ?? "", output.Line));
        }
        return examples;
    }

    public static IReadOnlyList<CurlCall> CurlCalls(string markdown)
    {
        var calls = new List<CurlCall>();
        foreach (var (language, text, line) in Blocks(markdown).Where(b => b.Language == "bash"))
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("curl ", StringComparison.Ordinal))
                {
                    continue;
                }
                // A command continued with "\" at the end of a line; a "# → …" comment shows the answer.
                var command = lines[i].Trim();
                var first = i;
                string? shown = null;
                while (true)
                {
                    var comment = command.IndexOf("# →", StringComparison.Ordinal);
                    if (comment >= 0)
                    {
                        shown = command[(comment + 3)..].Trim();
                        command = command[..comment].TrimEnd();
                    }
                    if (!command.EndsWith('\\') || i + 1 >= lines.Length)
                    {
                        break;
                    }
                    command = command[..^1].TrimEnd() + " " + lines[++i].Trim();
                }
                calls.Add(new CurlCall(command, shown, line + first));
            }
        }
        return calls;
    }

    /// <summary>
    /// What legitimately differs between runs, made equal: the dossier example's id carries the day it runs; an access
    /// token (a JWT, "eyJ…") is new every time; a token answer's expires_in counts the seconds left when it is written
    /// (899 for a 15-minute token once a second has passed: whole minutes are compared).
    /// </summary>
    public static string Normalise(string output)
    {
        var text = RunDay().Replace(output.Replace("\r", "", StringComparison.Ordinal), "VD-<ngày chạy>-$1");
        text = Jwt().Replace(text, "eyJ…");
        text = ExpiresIn().Replace(text, m => $"\"expires_in\":{(long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 59) / 60 * 60}");
        return string.Join('\n', text.Split('\n').Select(l => l.TrimEnd())).Trim('\n');
    }

    /// <summary>The shown answer as a pattern: "…" stands for anything, the rest literally.</summary>
    public static Regex ShownPattern(string shown) =>
        new("^" + string.Join(".*", shown.Split('…').Select(Regex.Escape)) + "$", RegexOptions.Singleline);

    [GeneratedRegex(@"cchc token (?<client>[\w.-]+)\)[^\n]*node examples/(?<script>[\w.-]+\.mjs)")]
    private static partial Regex NodeCommand();

    [GeneratedRegex(@"VD-\d{4}-\d{2}-\d{2}-(\d{4})")]
    private static partial Regex RunDay();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"""expires_in"":(\d+)")]
    private static partial Regex ExpiresIn();
}
