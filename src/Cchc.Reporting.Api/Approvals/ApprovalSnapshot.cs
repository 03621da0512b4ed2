using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Http;

namespace Cchc.Reporting.Api.Approvals;

/// <summary>
/// The approved content of a period: every value cell of every appendix, as canonical JSON — compact, appendices by
/// number, rows in the appendix's order, each cell <c>{"indicator":…,"value":…}</c> with the value as the report's JSON
/// shows it (number, string, boolean, "-", array, null for blank) — and its SHA-256.
/// </summary>
public static class ApprovalSnapshot
{
    private static readonly JsonSerializerOptions Canonical = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>The canonical JSON of the reports (each computed for the one period <paramref name="period"/>).</summary>
    public static string Canonicalize(ReportPeriod period, IEnumerable<AppendixReport> reports)
    {
        var appendices = new JsonArray();
        foreach (var report in reports.OrderBy(r => r.Number))
        {
            var cells = new JsonArray();
            foreach (var row in report.Rows.Where(r => !r.Definition.Heading))
            {
                cells.Add(new JsonObject
                {
                    ["indicator"] = row.Definition.Indicator,
                    ["value"] = RowDto.ToJson(row.Values?.GetValueOrDefault(period.Key)),
                });
            }
            appendices.Add(new JsonObject { ["no"] = report.Number, ["cells"] = cells });
        }
        var root = new JsonObject
        {
            ["from"] = period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["appendices"] = appendices,
        };
        return root.ToJsonString(Canonical);
    }

    /// <summary>Lowercase hex SHA-256 of the text's UTF-8 bytes.</summary>
    public static string Hash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    /// <summary>The approved cells of a snapshot by (appendix, indicator).</summary>
    public static IReadOnlyDictionary<(int Appendix, string Indicator), JsonNode?> Cells(string canonicalJson)
    {
        var cells = new Dictionary<(int, string), JsonNode?>();
        foreach (var appendix in JsonNode.Parse(canonicalJson)!["appendices"]!.AsArray())
        {
            var number = appendix!["no"]!.GetValue<int>();
            foreach (var cell in appendix["cells"]!.AsArray())
            {
                cells[(number, cell!["indicator"]!.GetValue<string>())] = cell["value"]?.DeepClone();
            }
        }
        return cells;
    }
}
