using Cchc.Contracts.Events.Finance;
using Cchc.Finance.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.RpcAssert;
using BudgetFigureKind = Cchc.Finance.Api.Grpc.BudgetFigureKind;

namespace Cchc.Finance.Tests.Integration;

/// <summary>Budget figures over gRPC against a real PostgreSQL.</summary>
[Collection(FinanceServiceCollection.Name)]
public sealed class BudgetServiceTests(FinanceService service)
{
    private readonly BudgetService.BudgetServiceClient budget = service.Budget;

    private Task<long> FigureRowsAsync(string id) => service.ScalarAsync("SELECT count(*) FROM budget_figures WHERE figure_id = @id", ("id", id));

    [Fact]
    public async Task Record_Revise_Get_AndEachChangeIsOneEvent()
    {
        var id = TestData.NewId("thu");
        var first = await budget.RecordBudgetFigureAsync(new RecordBudgetFigureRequest { Figure = TestData.Revenue(id, 2019, "2206300") });
        var same = await budget.RecordBudgetFigureAsync(new RecordBudgetFigureRequest { Figure = TestData.Revenue(id, 2019, "2206300") });
        var revised = await budget.RecordBudgetFigureAsync(new RecordBudgetFigureRequest { Figure = TestData.Revenue(id, 2019, "2206300.5") });
        var fetched = await budget.GetBudgetFigureAsync(new GetBudgetFigureRequest { FigureId = id });

        Assert.Equal((1, 1, 2), (first.Version, same.Version, revised.Version));
        Assert.Equal(revised, fetched);
        var events = await service.OutboxRowsMentioningAsync(id);
        Assert.Equal([2206300m, 2206300.5m], events.Select(e => Assert.Single(e.As<BudgetFiguresRecorded>().Figures).Amount));
    }

    [Fact]
    public async Task NegativeAmounts_AndFutureYears_AreInvalid_AndWriteNothing()
    {
        var id = TestData.NewId("thu");
        var negative = await FailsAsync(StatusCode.InvalidArgument, budget.RecordBudgetFigureAsync(new RecordBudgetFigureRequest { Figure = TestData.Revenue(id, 2019, "-5") }));
        var future = await FailsAsync(StatusCode.InvalidArgument,
            budget.RecordBudgetFigureAsync(new RecordBudgetFigureRequest { Figure = TestData.Revenue(id, DateTime.UtcNow.Year + 1, "5") }));

        Assert.Equal(["figure.amount"], negative);
        Assert.Equal(["figure.year_from", "figure.year_to"], future);
        Assert.Equal(0, await FigureRowsAsync(id));
    }

    [Fact]
    public async Task Import_IsIdempotent_OtherContentIsAlreadyExists_AndListFiltersAndPages()
    {
        var grant = TestData.NewId("dm");
        var revenue = TestData.NewId("thu");
        BudgetFigure[] figures = [TestData.Grant(grant, 2011, 2015, "10200"), TestData.Revenue(revenue, 2011, "494500")];

        var first = await ImportAsync(figures);
        var second = await ImportAsync(figures);
        var other = TestData.NewId("thu");
        var changed = TestData.Revenue(revenue, 2011, "494600");
        var conflict = await FailsAsync(StatusCode.AlreadyExists, () => ImportAsync([TestData.Revenue(other, 2012, "1"), changed]));
        var page = await budget.ListBudgetFiguresAsync(new ListBudgetFiguresRequest { Kind = BudgetFigureKind.ReformFunding, YearFrom = 2013, YearTo = 2013, PageSize = 500 });

        Assert.Equal((2L, 0L), (first.Inserted, first.Unchanged));
        Assert.Equal((0L, 2L), (second.Inserted, second.Unchanged));
        Assert.Equal(["records[1].amount"], conflict);
        Assert.Equal(0, await FigureRowsAsync(other));
        Assert.Contains(page.Figures, f => f.FigureId == grant);
        Assert.DoesNotContain(page.Figures, f => f.FigureId == revenue);
    }

    private async Task<ImportResponse> ImportAsync(IEnumerable<BudgetFigure> records)
    {
        using var call = budget.ImportBudgetFigures();
        foreach (var record in records)
        {
            await call.RequestStream.WriteAsync(record);
        }
        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
