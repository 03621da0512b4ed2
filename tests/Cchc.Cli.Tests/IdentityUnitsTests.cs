using System.Globalization;
using System.Text;
using System.Text.Json;
using Cchc.Cli.Demo;

namespace Cchc.Cli.Tests;

/// <summary>
/// The token service's unit tree (src/Cchc.Identity/unit-tree.json) and demo clients (clients.demo.json) are built
/// from the demo's units: every district with its communes ("UBND " + commune), one client per district bound to the
/// district's subtree. A unit added to the demo without the tree would make its dossiers unwritable by its district.
/// </summary>
public sealed class IdentityUnitsTests
{
    private static JsonElement Read(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Identity", name))).RootElement;

    [Fact]
    public void UnitTree_HasEveryDemoDistrictWithExactlyItsCommunes()
    {
        var province = Assert.Single(Read("unit-tree.json").GetProperty("units").EnumerateArray());
        var districts = province.GetProperty("children").EnumerateArray().ToDictionary(
            d => d.GetProperty("name").GetString()!,
            d => d.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray());

        Assert.Equal(LaiChauUnits.DistrictUnits.Order(), districts.Keys.Order());
        foreach (var (district, communes) in LaiChauUnits.Districts)
        {
            Assert.Equal(communes.Select(c => "UBND " + c), districts[district]);
        }
    }

    [Fact]
    public void DemoClients_OnePerDistrict_BoundToItsSubtree_WithProceduresScopes()
    {
        var clients = Read("clients.demo.json").GetProperty("clients").EnumerateArray().ToDictionary(c => c.GetProperty("clientId").GetString()!);

        foreach (var district in LaiChauUnits.DistrictUnits)
        {
            var client = clients[Slug(district)];
            Assert.Equal([district], client.GetProperty("unitSubtrees").EnumerateArray().Select(u => u.GetString()));
            Assert.Equal(["procedures.read", "procedures.write"], client.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).Order());
        }
        Assert.Equal(["*"], clients["cchc-demo-loader"].GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("tam-duong", clients.Keys);
    }

    /// <summary>"UBND huyện Tam Đường" → "tam-duong"; "UBND thành phố Lai Châu" → "thanh-pho-lai-chau".</summary>
    private static string Slug(string district)
    {
        var name = district.Replace("UBND huyện ", "", StringComparison.Ordinal).Replace("UBND ", "", StringComparison.Ordinal)
            .Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var ascii = new string(name.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        return string.Join('-', ascii.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
