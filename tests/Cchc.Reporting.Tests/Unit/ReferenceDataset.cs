using System.Text.Json;

namespace Cchc.Reporting.Tests.Unit;

/// <summary>The source report's appendices as data (tests/reference, copied next to the test assembly).</summary>
internal static class ReferenceDataset
{
    private const string RelativePath = "Reference/lai-chau-cchc-2015-2020.json";

    public static JsonElement Appendix(int number)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Locate()));
        return document.RootElement.GetProperty("appendices").EnumerateArray()
            .Single(a => a.GetProperty("no").GetInt32() == number).Clone();
    }

    private static string Locate()
    {
        var path = Path.Combine(AppContext.BaseDirectory, RelativePath);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: the test project copies tests/reference/ there.");
    }
}
