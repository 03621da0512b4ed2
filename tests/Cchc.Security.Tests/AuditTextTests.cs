using Cchc.Security.Audit;

namespace Cchc.Security.Tests;

/// <summary>What an audit entry stores of a caller's input: well-formed text as it came, anything else as a safe representation.</summary>
public sealed class AuditTextTests
{
    [Theory]
    [InlineData("UBND huyện Tam Đường", "UBND huyện Tam Đường")]
    [InlineData("HS\0-1", "HS\\u0000-1")]
    [InlineData("a\u0007\u001b\bb", "a\\u0007\\u001B\\u0008b")]
    [InlineData("x\uFFFEy\uFFFD", "x\\uFFFEy\\uFFFD")]
    [InlineData("pair \U0001F600 ok", "pair \U0001F600 ok")]
    [InlineData(null, null)]
    public void UnsafeCharacters_AreWrittenAsEscapes(string? input, string? stored) => Assert.Equal(stored, AuditText.Safe(input));

    // Not an InlineData: attribute arguments are stored as UTF-8, where a lone surrogate cannot survive.
    [Fact]
    public void ALoneSurrogate_IsWrittenAsItsEscape() => Assert.Equal("lone \\uD800 high", AuditText.Safe("lone \uD800 high"));

    [Fact]
    public void ALongValue_IsCutToTheMaximum_WithAMark()
    {
        var stored = AuditText.Safe(new string('x', 10 * 1024 * 1024))!;
        Assert.Equal(AuditText.MaxLength, stored.Length);
        Assert.EndsWith("x…", stored, StringComparison.Ordinal);
        Assert.Equal(new string('y', AuditText.MaxLength), AuditText.Safe(new string('y', AuditText.MaxLength)));
    }

    [Fact]
    public void ManyEscapes_AreCutToTheMaximumToo() =>
        Assert.Equal(AuditText.MaxLength, AuditText.Safe(new string('\0', 1_000))!.Length);
}
