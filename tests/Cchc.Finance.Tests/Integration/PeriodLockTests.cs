using Cchc.Finance.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.RpcAssert;

namespace Cchc.Finance.Tests.Integration;

/// <summary>
/// The lock of approved periods in the finance service (ADR 0029, 0035): budget figures by the last day of their last year,
/// autonomy statuses by their first day, declarations of unreported cells by their year's last day. Inside an approved year
/// the write is refused with FAILED_PRECONDITION naming the field; an import with one such record is refused whole.
/// </summary>
[Collection(FinanceServiceCollection.Name)]
public sealed class PeriodLockTests(FinanceService service) : IAsyncLifetime
{
    private const int Year = 2007;

    public Task InitializeAsync() => service.LockYearAsync(Year);

    public Task DisposeAsync() => service.ReopenYearAsync(Year);

    [Fact]
    public async Task Figures_Statuses_AndDeclarations_DatedInAnApprovedYear_AreRefused_AndChangeNothing()
    {
        var figure = TestData.NewId("NS");
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await service.Budget.RecordBudgetFigureAsync(new RecordBudgetFigureRequest { Figure = TestData.Revenue(figure, Year, "1250000") }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("figure.year_to: ngày 31/12/2007 thuộc kỳ báo cáo 2007 đã được phê duyệt", refused.Status.Detail, StringComparison.Ordinal);
        await FailsAsync(StatusCode.NotFound, service.Budget.GetBudgetFigureAsync(new GetBudgetFigureRequest { FigureId = figure }));

        using (var import = service.Budget.ImportBudgetFigures())
        {
            await import.RequestStream.WriteAsync(TestData.Revenue(TestData.NewId("NS"), Year - 1, "1100000"));
            await import.RequestStream.WriteAsync(TestData.Revenue(figure, Year, "1250000"));
            await import.RequestStream.CompleteAsync();
            Assert.Equal(["records[1].year_to"], await FailsAsync(StatusCode.FailedPrecondition, async () => await import));
        }
        Assert.Empty(await service.OutboxRowsMentioningAsync(figure));

        var unit = await service.NewUnitAsync("Trung tâm Y tế");
        await service.Autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2006-01-01") });
        Assert.Equal(["status.effective_from"], await FailsAsync(StatusCode.FailedPrecondition,
            service.Autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2007-06-01", AutonomyLevel.Recurrent) })));
        // The stored status sent again is a repeat, not a write.
        await service.Autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2006-01-01") });
        Assert.Single((await service.Autonomy.GetUnitAutonomyAsync(new GetUnitAutonomyRequest { Unit = unit })).Statuses);

        var declaration = new DeclareUnreportedBreakdownsRequest();
        declaration.Items.Add(new UnreportedBreakdown { Year = Year, ParentKind = ParentKind.ProvincialAgency, Level = AutonomyLevel.StateFunded, SourceDocument = TestData.Source });
        Assert.Equal(["items[0].year"], await FailsAsync(StatusCode.FailedPrecondition, service.Autonomy.DeclareUnreportedBreakdownsAsync(declaration)));
    }
}
