using Cchc.Procedures.Api.Domain;
using Wire = Cchc.Procedures.Api.Grpc;
using Events = Cchc.Contracts.Events.Procedures;

namespace Cchc.Procedures.Tests.Unit;

public sealed class ValidatorTests
{
    [Theory]
    [InlineData("", Messages.Required)]
    [InlineData("has space", Messages.CodeCharacters)]
    [InlineData("tab\there", Messages.CodeCharacters)]
    [InlineData("new\nline", Messages.CodeCharacters)]
    public void Code_EmptyOrWithSpaces_IsAViolationOfThatField(string code, string expected)
    {
        var v = new Validator();
        v.Code("code", code);
        Assert.Equal([new FieldViolation("code", expected)], v.Violations);
    }

    [Fact]
    public void Code_SixtyFourCharactersIsTheLongestAccepted()
    {
        var v = new Validator();
        v.Code("code", new string('x', 64));
        Assert.True(v.IsValid);

        v.Code("code", new string('x', 65));
        Assert.Equal([new FieldViolation("code", Messages.CodeTooLong)], v.Violations);
    }

    [Fact]
    public void Code_OptionalAndEmpty_IsFine()
    {
        var v = new Validator();
        Assert.Equal(string.Empty, v.Code("procedure_code", "", required: false));
        Assert.True(v.IsValid);
    }

    [Fact]
    public void Enum_Unspecified_IsRequiredUnlessZeroIsAllowed()
    {
        var v = new Validator();
        v.Enum<Wire.GovernmentLevel, Events.GovernmentLevel>("level", Wire.GovernmentLevel.Unspecified);
        Assert.Equal([new FieldViolation("level", Messages.Required)], v.Violations);

        var optional = new Validator();
        Assert.Equal(Events.GovernmentLevel.Unspecified,
            optional.Enum<Wire.GovernmentLevel, Events.GovernmentLevel>("level", Wire.GovernmentLevel.Unspecified, allowZero: true));
        Assert.True(optional.IsValid);
    }

    [Fact]
    public void Enum_UndefinedNumber_IsRefused()
    {
        var v = new Validator();
        v.Enum<Wire.DossierStatus, Events.DossierStatus>("status", (Wire.DossierStatus)7);
        Assert.Equal([new FieldViolation("status", Messages.BadEnum)], v.Violations);
    }

    [Fact]
    public void Enum_DefinedValue_ConvertsToTheContractEnumWithTheSameNumber()
    {
        var v = new Validator();
        Assert.Equal(Events.OnlineServiceLevel.Partial,
            v.Enum<Wire.OnlineServiceLevel, Events.OnlineServiceLevel>("online_level", Wire.OnlineServiceLevel.Partial));
        Assert.Equal(Events.ReceivingPlace.CommuneOneStop,
            v.Enum<Wire.ReceivingPlace, Events.ReceivingPlace>("receiving_place", Wire.ReceivingPlace.CommuneOneStop));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(500, 500)]
    public void PageSize_ZeroMeansDefaultAndUpTo500IsTaken(int requested, int expected)
    {
        var v = new Validator();
        Assert.Equal(expected, v.PageSize(requested));
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public void PageSize_OutsideZeroTo500_IsAViolation(int requested)
    {
        var v = new Validator();
        v.PageSize(requested);
        Assert.Equal("page_size", Assert.Single(v.Violations).Field);
    }

    [Fact]
    public void RecordValidator_NamesTheViolationWithTheRecordIndex()
    {
        var v = new Validator("records", 12345);
        v.Day("due_day", "2019-02-30");
        Assert.Equal("records[12345].due_day", Assert.Single(v.Violations).Field);
    }

    [Fact]
    public void ThrowIfInvalid_ThrowsInvalidArgumentWithEveryViolation()
    {
        var v = new Validator();
        v.Code("code", "");
        v.Day("in_force_from", "yesterday");

        var ex = Assert.Throws<DomainException>(v.ThrowIfInvalid);

        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(["code", "in_force_from"], ex.Violations.Select(x => x.Field));
        Assert.StartsWith("code: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_OnlySpaces_CountsAsMissing()
    {
        var v = new Validator();
        v.Text("attributes.name", "   ", 10);
        v.Text("subject", new string('a', 11), 10);
        Assert.Equal(["attributes.name", "subject"], v.Violations.Select(x => x.Field));
    }
}
