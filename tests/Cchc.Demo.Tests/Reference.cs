using System.Text.Json.Nodes;

namespace Cchc.Demo.Tests;

/// <summary>The test data: the reference dataset (tests/reference) and responses recorded from a real demo platform.</summary>
internal static class Reference
{
    /// <summary>Fact-derived cells per appendix, as ../shared/tools/check-report.py counts them: 402 in all.</summary>
    public static readonly IReadOnlyDictionary<int, int> CellsPerAppendix = new Dictionary<int, int>
    {
        [2] = 78, [3] = 84, [4] = 40, [5] = 60, [6] = 56, [7] = 84,
    };

    /// <summary>Appendix 1's non-blank cells (the programme's records, docs/adr/0026): rows 1–5 over the six columns.</summary>
    public const int Appendix1Cells = 53;

    /// <summary>The reference appendix (a fresh copy: callers may change it).</summary>
    public static JsonObject Appendix(int no) =>
        ReferenceComparison.ReferenceAppendix(Parse("Reference", "lai-chau-cchc-2015-2020.json"), no);

    /// <summary>
    /// GET /api/reports/appendices/{no}?… as a platform with the demo loaded answered it (recorded from a run of this
    /// project's platform, Responses/appendix-N.json; a fresh copy).
    /// </summary>
    public static JsonNode RecordedResponse(int no) => Parse("Responses", $"appendix-{no}.json");

    /// <summary>The body's facts of one area (the reference's "facts": {area, fact, field: number, …}).</summary>
    public static IReadOnlyList<JsonObject> Facts(string area) =>
        Parse("Reference", "lai-chau-cchc-2015-2020.json")["facts"]!.AsArray().Select(f => f!.AsObject())
            .Where(f => f["area"]!.GetValue<string>() == area).ToList();

    private static JsonNode Parse(string folder, string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, folder, file);
        return JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty.");
    }
}
