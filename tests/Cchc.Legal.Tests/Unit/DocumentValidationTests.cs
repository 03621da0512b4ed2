using Cchc.Legal.Api.Domain;
using Cchc.Legal.Api.Grpc;
using Cchc.ServiceKit;

namespace Cchc.Legal.Tests.Unit;

public sealed class DocumentValidationTests
{
    private static IReadOnlyList<string> Fields(DocumentAttributes attributes)
    {
        var ex = Assert.Throws<DomainException>(() => DocumentValidation.Register(TestData.Register("D-1", attributes)));
        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        return ex.Violations.Select(v => v.Field).ToList();
    }

    [Fact]
    public void AValidDecision_BecomesACommand()
    {
        var command = DocumentValidation.Register(TestData.Register("D-1", TestData.Decision()));
        Assert.Equal(("05/2016/QĐ-UBND", new DateOnly(2016, 3, 11)), (command.Definition.Number, command.Definition.EffectiveOn));
    }

    [Fact]
    public void EffectiveBeforeSigned_IsRefused()
    {
        Assert.Equal(["attributes.effective_on"], Fields(TestData.Decision("2016-03-01", effectiveOn: "2016-02-28")));
    }

    [Theory]
    [InlineData("05/2016/NQ-UBND")] // type of a resolution
    [InlineData("05/2016/QĐ-HĐND")] // body of a council
    [InlineData("05/2015/QĐ-UBND")] // year other than the year signed
    [InlineData("05/QĐ-UBND")] // no year: a non-normative form
    [InlineData("05 /2016/QĐ-UBND")]
    public void ANumberThatDoesNotMatchKindBodyOrYear_IsRefused(string number)
    {
        var attributes = TestData.Decision();
        attributes.Number = number;
        Assert.Equal(["attributes.number"], Fields(attributes));
    }

    [Fact]
    public void ANumberTypedWithDecomposedDiacritics_IsNormalisedAndAccepted()
    {
        var attributes = TestData.Decision();
        attributes.Number = "05/2016/QĐ-UBND".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("05/2016/QĐ-UBND", DocumentValidation.Register(TestData.Register("D-1", attributes)).Definition.Number);
    }

    [Fact]
    public void AnIssuerOfAnotherLevel_OrAResolutionOfTheCommittee_IsRefused()
    {
        var district = TestData.Decision();
        district.IssuerUnit = "UBND huyện Tam Đường";
        Assert.Equal(["attributes.issuer_unit"], Fields(district));

        var resolution = TestData.Decision();
        resolution.Kind = DocumentKind.Resolution;
        resolution.Number = "05/2016/NQ-UBND";
        Assert.Contains("attributes.issuing_body", Fields(resolution));
    }

    [Fact]
    public void ADirectiveSignedAfterTheLaw2015TookEffect_IsRefused_AndNonNormativeNumbersHaveNoYear()
    {
        var directive = TestData.Decision("2016-08-01");
        directive.Kind = DocumentKind.Directive;
        directive.Number = "03/2016/CT-UBND";
        Assert.Equal(["attributes.kind"], Fields(directive));

        var plan = TestData.Decision();
        plan.Kind = DocumentKind.NonNormativeWithNorms;
        plan.Number = "123/KH-UBND";
        Assert.Equal("123/KH-UBND", DocumentValidation.Register(TestData.Register("D-1", plan)).Definition.Number);
        plan.Number = "12/2016/QĐ-UBND";
        Assert.Equal(["attributes.number"], Fields(plan));
    }

    [Fact]
    public void AnAmendmentWithoutItsCause_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => DocumentValidation.Event(TestData.Event("D-1", LifecycleEventType.Amended, "2017-01-01")));
        Assert.Equal("event.caused_by", Assert.Single(ex.Violations).Field);
    }
}
