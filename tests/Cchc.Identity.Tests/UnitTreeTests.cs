using Cchc.Identity.Clients;
using Cchc.Identity.Server;
using Cchc.Identity.Units;

namespace Cchc.Identity.Tests;

/// <summary>Unit tests (no servers): subtree expansion, "*", the registration file's checks, the Vietnamese errors.</summary>
public sealed class UnitTreeTests
{
    private static readonly UnitTree Tree = new(
    [
        new("UBND tỉnh", [
            new("UBND huyện A", [new("UBND xã A1", null), new("UBND xã A2", null)]),
            new("UBND huyện B", [new("UBND xã B1", null)]),
        ]),
        new("Sở Tư pháp", null),
    ]);

    [Fact]
    public void Resolve_ExpandsSubtrees_KeepsExplicitUnits_EachOnce()
    {
        Assert.Equal(["Sở Tư pháp", "UBND huyện A", "UBND xã A1", "UBND xã A2"],
            Tree.Resolve(["Sở Tư pháp"], ["UBND huyện A", "UBND xã A1"]));
        Assert.Equal(["UBND xã B1"], Tree.Resolve(["UBND xã B1"], []));
        Assert.Equal(6, Tree.Resolve([], ["UBND tỉnh"]).Count);
    }

    [Fact]
    public void Resolve_StarAlone_MeansEveryUnit()
    {
        Assert.Equal(["*"], Tree.Resolve(["*"], []));
    }

    [Fact]
    public void Tree_RefusesDuplicateNames()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new UnitTree([new("X", [new("Y", null)]), new("Y", null)]));
        Assert.Contains("'Y'", error.Message);
    }

    [Fact]
    public void ShippedTree_HasTheProvinceEightDistrictsAndTheirCommunes()
    {
        var tree = UnitTree.Load(Path.Combine(AppContext.BaseDirectory, "unit-tree.json"));
        // The commune-level units of 2015–2019, before the 2020 merger left 106 (the demo's LaiChauUnits).
        Assert.Equal(1 + 8 + 108, tree.Count);
        Assert.Equal(15, tree.Subtree("UBND huyện Tam Đường").Count());
    }

    [Fact]
    public void Registration_ReportsEveryProblemAnOperatorMustFix()
    {
        var file = new ClientRegistrationFile(
            [new("procedures.read", null, ["cchc-api"]), new("bad scope", null, null)],
            [
                new("ok-client", null, ["procedures.read"], null, ["UBND huyện A"]),
                new("no-units", null, ["procedures.read"], null, null),
                new("unknown-scope", null, ["finance.write"], ["*"], null),
                new("unknown-unit", null, ["procedures.read"], ["UBND huyện Z"], null),
                new("star-and-more", null, ["procedures.read"], ["*", "UBND huyện A"], null),
                new("bad id!", null, ["procedures.read"], ["*"], null),
            ]);

        var problems = file.Validate(Tree);

        Assert.Equal(7, problems.Count);
        Assert.Contains(problems, p => p.Contains("'bad scope'", StringComparison.Ordinal) && p.Contains("without spaces", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'bad scope' has no resource", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'no-units' is bound to no unit", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'finance.write'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'UBND huyện Z' is not in the unit tree", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'star-and-more'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'bad id!'", StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedDemoRegistration_IsValid()
    {
        var tree = UnitTree.Load(Path.Combine(AppContext.BaseDirectory, "unit-tree.json"));
        var file = ClientRegistrationFile.Load(Path.Combine(AppContext.BaseDirectory, "clients.demo.json"));
        Assert.Empty(file.Validate(tree));
        Assert.Equal(16, file.Clients.Count);
    }

    [Theory]
    [InlineData("invalid_client", null, "client_secret")]
    [InlineData("invalid_request", "The mandatory 'grant_type' parameter is missing.", "'grant_type'")]
    [InlineData("server_error", null, "thử lại")]
    public void ErrorDescriptions_AreVietnamese(string error, string? original, string expected)
    {
        Assert.Contains(expected, VietnameseErrors.Describe(error, original));
    }
}
