using Cchc.Procedures.Api.Domain;
using Cchc.Procedures.Api.Grpc;
using Events = Cchc.Contracts.Events.Procedures;

namespace Cchc.Procedures.Tests.Unit;

public sealed class ProcedureValidationTests
{
    [Fact]
    public void Create_CompleteRequest_BecomesACommand()
    {
        var command = ProcedureValidation.Create(TestData.Create("1.001234.000.00.00.H34", "2018-01-01"));

        Assert.Equal("1.001234.000.00.00.H34", command.Code);
        Assert.Equal(new DateOnly(2018, 1, 1), command.InForceFrom);
        Assert.Equal(Events.GovernmentLevel.Commune, command.Definition.Level);
        Assert.Equal(Events.OnlineServiceLevel.Level3, command.Definition.OnlineLevel);
        Assert.Equal(new DateOnly(2017, 12, 20), command.Definition.DecisionDate);
    }

    [Fact]
    public void Create_WithoutAttributes_NamesAttributes()
    {
        var request = TestData.Create("1.001");
        request.Attributes = null;

        var ex = Assert.Throws<DomainException>(() => ProcedureValidation.Create(request));

        Assert.Equal("attributes", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Create_EveryBadField_IsNamed()
    {
        var request = TestData.Create(new string('c', 65), "2019-02-29");
        request.Attributes.Name = "";
        request.Attributes.Level = GovernmentLevel.Unspecified;
        request.Attributes.ReceivingPlace = (ReceivingPlace)9;
        request.Publication.DecisionDate = "20/12/2017";

        var ex = Assert.Throws<DomainException>(() => ProcedureValidation.Create(request));

        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(
            ["code", "publication.decision_date", "attributes.name", "attributes.level", "attributes.receiving_place", "in_force_from"],
            ex.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Create_NoOnlineService_IsAValidLevel()
    {
        var request = TestData.Create("1.001");
        request.Attributes.OnlineLevel = OnlineServiceLevel.None;
        request.Publication = null;

        var command = ProcedureValidation.Create(request);

        Assert.Equal(Events.OnlineServiceLevel.None, command.Definition.OnlineLevel);
        Assert.Null(command.Definition.DecisionNumber);
    }

    [Fact]
    public void Amend_WithoutEffectiveFrom_IsRefused()
    {
        var request = TestData.Amend("1.001", "");
        var ex = Assert.Throws<DomainException>(() => ProcedureValidation.Amend(request));
        Assert.Equal([new FieldViolation("effective_from", Messages.Required)], ex.Violations);
    }

    [Fact]
    public void Get_AsOfMustBeARealDay()
    {
        var ex = Assert.Throws<DomainException>(() => ProcedureValidation.Get(new GetProcedureRequest { Code = "1.001", AsOf = "2019-02-30" }));
        Assert.Equal([new FieldViolation("as_of", Messages.BadDay)], ex.Violations);
        Assert.Null(ProcedureValidation.Get(new GetProcedureRequest { Code = "1.001" }).AsOf);
    }

    [Fact]
    public void List_WithoutInForceOn_UsesTodayInVietnam()
    {
        var clock = new FixedClock(new DateTimeOffset(2019, 12, 31, 20, 0, 0, TimeSpan.Zero));

        var query = ProcedureValidation.List(new ListProceduresRequest(), clock);

        Assert.Equal(new DateOnly(2020, 1, 1), query.InForceOn);
        Assert.Equal(50, query.PageSize);
        Assert.Null(query.Level);
    }

    [Fact]
    public void List_PageSizeOver500_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => ProcedureValidation.List(new ListProceduresRequest { PageSize = 501 }, TimeProvider.System));
        Assert.Equal([new FieldViolation("page_size", Messages.PageSize)], ex.Violations);
    }
}
