using Cchc.Finance.Api.Domain;
using Cchc.Finance.Api.Grpc;
using Cchc.ServiceKit;

namespace Cchc.Finance.Tests.Unit;

/// <summary>Bad input is INVALID_ARGUMENT naming every wrong field (in Vietnamese), before anything is read or written.</summary>
public sealed class FinanceValidationTests
{
    private static IReadOnlyList<string> Fields(Action act)
    {
        var ex = Assert.Throws<DomainException>(act);
        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        Assert.All(ex.Violations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        return ex.Violations.Select(v => v.Field).ToList();
    }

    [Fact]
    public void AServiceUnit_NeedsALevelAndAParentKind()
    {
        var status = TestData.ServiceUnit("Trung tâm Y tế", "2016-01-01");
        status.Level = AutonomyLevel.Unspecified;
        status.ParentKind = ParentKind.Unspecified;

        Assert.Equal(["status.level", "status.parent_kind"], Fields(() => FinanceValidation.Status(new RecordStatusRequest { Status = status })));
    }

    [Fact]
    public void AnAgency_WithALevelOrParentKind_IsAContradiction()
    {
        var status = TestData.Agency("Sở Tài chính", "2016-01-01");
        status.Level = AutonomyLevel.Recurrent;
        status.ParentKind = ParentKind.ProvincialAgency;

        Assert.Equal(["status.level", "status.parent_kind"], Fields(() => FinanceValidation.Status(new RecordStatusRequest { Status = status })));
    }

    [Fact]
    public void UnknownEnumValues_MissingUnit_BadDay_AndMissingSource_AreNamed()
    {
        var status = new AutonomyStatus { Regime = (AutonomyRegime)42, Level = (AutonomyLevel)9, EffectiveFrom = "2016-02-30" };

        var fields = Fields(() => FinanceValidation.Status(new RecordStatusRequest { Status = status }));

        Assert.Equal(["status.unit", "status.regime", "status.level", "status.effective_from", "status.source_document"], fields);
    }

    [Fact]
    public void AnImportRecord_IsNamedByItsIndex()
    {
        var status = TestData.ServiceUnit("", "2016-01-01");

        Assert.Equal(["records[7].unit"], Fields(() => FinanceValidation.StatusRecord(status, 7)));
    }

    [Theory]
    [InlineData("-1", "figure.amount")]
    [InlineData("12,5", "figure.amount")]
    [InlineData("1.2345", "figure.amount")]
    [InlineData("abc", "figure.amount")]
    public void AmountsMustBeNonNegativeDecimalsWithAPoint(string amount, string field)
    {
        Assert.Equal([field], Fields(() => FinanceValidation.Figure(new RecordBudgetFigureRequest { Figure = TestData.Revenue("thu-2019", 2019, amount) })));
    }

    [Fact]
    public void Revenue_IsOneYear_WithoutAFundingSource_AndFunding_NeedsOne()
    {
        var revenue = TestData.Revenue("thu", 2018, "1");
        revenue.YearTo = 2019;
        revenue.FundingSource = FundingSource.StateBudget;
        var funding = TestData.Grant("dm", 2011, 2015, "10200");
        funding.FundingSource = FundingSource.Unspecified;
        funding.MeasureUnit = MeasureUnit.Unspecified;

        Assert.Equal(["figure.year_to", "figure.funding_source"], Fields(() => FinanceValidation.Figure(new RecordBudgetFigureRequest { Figure = revenue })));
        Assert.Equal(["figure.funding_source", "figure.measure_unit"], Fields(() => FinanceValidation.Figure(new RecordBudgetFigureRequest { Figure = funding })));
    }

    [Fact]
    public void AValidFigure_IsParsedInMillionVnd()
    {
        var figure = FinanceValidation.Figure(new RecordBudgetFigureRequest { Figure = TestData.Grant("dm", 2011, 2015, "10200.5") });

        Assert.Equal((10200.5m, Cchc.Contracts.Events.Finance.FundingSource.ForeignGrant, 2011, 2015), (figure.Amount, figure.FundingSource, figure.YearFrom, figure.YearTo));
    }
}
