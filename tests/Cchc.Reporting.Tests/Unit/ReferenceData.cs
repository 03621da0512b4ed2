using System.Text.Json;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>The source report's appendices as data (shared/reference, beside the repository or above it).</summary>
internal static class ReferenceData
{
    private const string RelativePath = "shared/reference/lai-chau-cchc-2015-2020.json";

    public static JsonElement Appendix(int number)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Locate()));
        return document.RootElement.GetProperty("appendices").EnumerateArray()
            .Single(a => a.GetProperty("no").GetInt32() == number).Clone();
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{RelativePath} was not found in any folder above {AppContext.BaseDirectory}.");
    }
}
