using Cchc.Procedures.Api.Domain;

namespace Cchc.Procedures.Tests.Unit;

public sealed class PageTokenTests
{
    [Fact]
    public void Decode_TokenOfTheSameQuery_GivesBackTheLastKey()
    {
        var token = PageToken.Encode("1.001234.000.00.00.H34", "filters");
        var v = new Validator();

        Assert.Equal("1.001234.000.00.00.H34", PageToken.Decode(token, "filters", v));
        Assert.True(v.IsValid);
        Assert.DoesNotContain("1.001234", token, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 !")]
    [InlineData("AAAA")]
    public void Decode_Garbage_IsAPageTokenViolation(string token)
    {
        var v = new Validator();
        Assert.Null(PageToken.Decode(token, "filters", v));
        Assert.Equal([new FieldViolation("page_token", Messages.PageToken)], v.Violations);
    }

    [Fact]
    public void Decode_TokenOfAnotherQuery_IsAViolation()
    {
        var v = new Validator();
        PageToken.Decode(PageToken.Encode("k", "level=1"), "level=2", v);
        Assert.False(v.IsValid);
    }
}
