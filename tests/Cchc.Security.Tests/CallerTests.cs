using System.Security.Claims;
using System.Text;
using Cchc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Cchc.Security.Tests;

public sealed class CallerTests
{
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), authenticationType: "test"));

    [Fact]
    public void Scopes_AsOneSpaceSeparatedClaim_OrSeveralValues_AreTheSameSet()
    {
        var spaced = Caller.From(Principal(("client_id", "a"), ("scope", "procedures.read  procedures.write")))!;
        var multi = Caller.From(Principal(("client_id", "a"), ("scope", "procedures.read"), ("scope", "procedures.write")))!;
        var scp = Caller.From(Principal(("client_id", "a"), ("scp", "procedures.read procedures.write")))!;

        Assert.Equal(["procedures.read", "procedures.write"], spaced.Scopes.Order());
        Assert.Equal(spaced.Scopes.Order(), multi.Scopes.Order());
        Assert.Equal(spaced.Scopes.Order(), scp.Scopes.Order());
        Assert.False(spaced.HasScope("procedures"));
    }

    [Fact]
    public void Units_AreWholeValues_NeverSplitOnSpaces_AndComparedAfterNfc()
    {
        var caller = Caller.From(Principal(("client_id", "tam-duong"), ("cchc_unit", "UBND huyện Tam Đường"), ("cchc_unit", "UBND xã Bản Bo")))!;

        Assert.True(caller.MayActFor("UBND huyện Tam Đường"));
        Assert.True(caller.MayActFor("UBND huyện Tam Đường".Normalize(NormalizationForm.FormD)));
        Assert.True(caller.MayActFor("  UBND xã Bản Bo "));
        Assert.False(caller.MayActFor("UBND"));
        Assert.False(caller.MayActFor("UBND huyện Sìn Hồ"));
        Assert.False(caller.MayActFor(""));
        Assert.False(caller.AllUnits);
    }

    [Fact]
    public void Star_ActsForEveryUnit_IncludingAnEmptyOne()
    {
        var caller = Caller.From(Principal(("client_id", "cchc-demo-loader"), ("cchc_unit", "*")))!;
        Assert.True(caller.AllUnits);
        Assert.True(caller.MayActFor("UBND huyện Sìn Hồ"));
        Assert.True(caller.MayActFor(null));
    }

    [Fact]
    public void ClientId_FromClientIdClaim_ElseAzp_ElseSub_AndAnonymousPrincipalIsNoCaller()
    {
        Assert.Equal("x", Caller.From(Principal(("client_id", "x"), ("sub", "y")))!.ClientId);
        Assert.Equal("z", Caller.From(Principal(("azp", "z"), ("sub", "y")))!.ClientId);
        Assert.Equal("y", Caller.From(Principal(("sub", "y")))!.ClientId);
        Assert.Null(Caller.From(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(Caller.From(null));
    }

    [Fact]
    public async Task ATokenOfTheContract_ReadAsClaims_GivesTheCaller_UnitsAsJsonArrayOrSingleValue()
    {
        await using var issuer = await TestTokenIssuer.StartAsync();
        var several = new JsonWebToken(issuer.CreateToken("tam-duong", ["procedures.read", "procedures.write"], ["UBND huyện Tam Đường", "UBND xã Bản Bo"]));
        var one = new JsonWebToken(issuer.CreateToken("reader", ["reporting.read"], ["*"]));

        var caller = Caller.From(new ClaimsPrincipal(new ClaimsIdentity(several.Claims, "jwt")))!;
        var reader = Caller.From(new ClaimsPrincipal(new ClaimsIdentity(one.Claims, "jwt")))!;

        Assert.Equal("tam-duong", caller.ClientId);
        Assert.Equal(["UBND huyện Tam Đường", "UBND xã Bản Bo"], caller.Units.Order());
        Assert.True(caller.HasScope("procedures.write"));
        Assert.True(reader.AllUnits);
        Assert.Equal(["reporting.read"], reader.Scopes);
    }
}
