namespace Cchc.Demo.Tests;

/// <summary>How the guide is read and what may differ between its output and a run's (nothing but the run's day in an id, tokens and the seconds a token has left).</summary>
public sealed class ApiGuideTests
{
    private static readonly string Guide = File.ReadAllText(ApiGuide.Path);

    [Fact]
    public void TheGuide_HasItsNodeExamples_EachWithTheClientItRunsAsAndItsOutput()
    {
        var examples = ApiGuide.NodeExamples(Guide);

        Assert.Contains(examples, e => e.Script == "dossier-lifecycle.mjs" && e.Client == "tam-duong" && e.Output.StartsWith("procedure ", StringComparison.Ordinal));
        Assert.Contains(examples, e => e.Script == "legal-documents.mjs" && e.Client == "cchc-demo-loader");
        Assert.Equal(examples.Count, examples.Select(e => e.Script).Distinct().Count());
    }

    [Fact]
    public void TheGuide_HasItsCurlCalls_ContinuedLinesJoined_AndTheShownAnswer()
    {
        var calls = ApiGuide.CurlCalls(Guide);

        var token = Assert.Single(calls, c => c.Command.Contains("/connect/token", StringComparison.Ordinal));
        Assert.Contains("--data-urlencode client_secret=\"$SECRET\"", token.Command, StringComparison.Ordinal);
        Assert.NotNull(token.Shown);
        Assert.Contains(calls, c => c.Command.Contains("staffing/by-unit?period=2019&rollUpTo=2026-01-01", StringComparison.Ordinal)
            && c.Command.Contains("$(./cchc token cchc-report-reader)", StringComparison.Ordinal));
        Assert.DoesNotContain(calls, c => c.Command.EndsWith('\\'));
    }

    [Theory]
    [InlineData("received VD-2026-11-30-0001: status DOSSIER_STATUS_RECEIVED", "received VD-2027-01-02-0001: status DOSSIER_STATUS_RECEIVED", true)]
    [InlineData("received VD-2026-11-30-0001: status DOSSIER_STATUS_RECEIVED", "received VD-2026-11-30-0002: status DOSSIER_STATUS_RECEIVED", false)]
    [InlineData("received VD-2026-11-30-0001: version 1", "received VD-2026-11-30-0001: version 2", false)]
    [InlineData("registry: 1288 units, revision 2\n", "registry: 1288 units, revision 2  \r\n\r\n", true)]
    [InlineData("registry: 1288 units, revision 2", "registry: 1287 units, revision 2", false)]
    [InlineData("{\"access_token\":\"eyJ…\",\"expires_in\":900}", "{\"access_token\":\"eyJhbGc.eyJpc3M.c2ln\",\"expires_in\":899}", true)]
    [InlineData("{\"access_token\":\"eyJ…\",\"expires_in\":900}", "{\"access_token\":\"eyJhbGc.eyJpc3M.c2ln\",\"expires_in\":3599}", false)]
    public void Normalise_MakesEqualOnlyWhatLegitimatelyDiffers(string shown, string printed, bool equal) =>
        Assert.Equal(equal, ApiGuide.Normalise(shown) == ApiGuide.Normalise(printed));

    [Theory]
    [InlineData("{\"access_token\":\"eyJ…\",\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"…\"}", "{\"access_token\":\"eyJ…\",\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"procedures.write procedures.read\"}", true)]
    [InlineData("{\"access_token\":\"eyJ…\",\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"…\"}", "{\"access_token\":\"eyJ…\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"procedures.read\"}", false)]
    [InlineData("{\"access_token\":\"eyJ…\",\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"…\"}", "{\"error\":\"invalid_client\"}", false)]
    public void ShownPattern_TakesTheEllipsisForAnything_AndTheRestLiterally(string shown, string answered, bool matches) =>
        Assert.Equal(matches, ApiGuide.ShownPattern(shown).IsMatch(answered));
}
