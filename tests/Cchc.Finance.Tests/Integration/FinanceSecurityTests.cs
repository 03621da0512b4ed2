using Cchc.Finance.Api.Grpc;
using Cchc.Testing;
using Grpc.Core;

namespace Cchc.Finance.Tests.Integration;

/// <summary>The finance service checks the token itself: scope per RPC, the unit of each status, unit "*" for province-wide facts.</summary>
[Collection(FinanceServiceCollection.Name)]
public sealed class FinanceSecurityTests(FinanceService service)
{
    private const string TamDuong = "UBND huyện Tam Đường";

    private AutonomyService.AutonomyServiceClient AutonomyAs(string? token) => new(service.ChannelFor(token));

    private BudgetService.BudgetServiceClient BudgetAs(string? token) => new(service.ChannelFor(token));

    private string DistrictToken(params string[] scopes) =>
        service.Issuer.CreateToken("tam-duong", scopes.Length == 0 ? ["finance.read", "finance.write"] : scopes, [TamDuong]);

    private Task<long> RowsAsync(string unit) => service.ScalarAsync("SELECT count(*) FROM autonomy_statuses WHERE unit = @u", ("u", unit));

    [Fact]
    public async Task NoToken_IsUnauthenticated_AndWritesNothing()
    {
        var unit = await service.NewUnitAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await AutonomyAs(null).RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2016-01-01") }));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal(0, await RowsAsync(unit));
    }

    [Fact]
    public async Task ADistrict_MayRecordItsOwnStatus_ButNotAnotherUnits()
    {
        var other = await service.NewUnitAsync();
        var own = await AutonomyAs(DistrictToken()).RecordStatusAsync(new RecordStatusRequest { Status = TestData.Agency(TamDuong, "2015-01-01") });
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await AutonomyAs(DistrictToken()).RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(other, "2016-01-01") }));

        Assert.Equal(TamDuong, own.Unit);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(other, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync(other));
    }

    [Fact]
    public async Task AnImportWithOneForeignRecord_IsRefusedWhole()
    {
        var foreign = await service.NewUnitAsync();
        using var call = AutonomyAs(DistrictToken()).ImportStatuses();
        await call.RequestStream.WriteAsync(TestData.Leaves(TamDuong, "2015-06-01"));
        await call.RequestStream.WriteAsync(TestData.ServiceUnit(foreign, "2016-01-01"));
        await call.RequestStream.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal(0, await RowsAsync(foreign));
    }

    [Fact]
    public async Task BudgetFigures_AreProvinceWide_ADistrictMayReadButNotWriteThem()
    {
        var id = TestData.NewId("thu");
        var record = await Assert.ThrowsAsync<RpcException>(async () =>
            await BudgetAs(DistrictToken()).RecordBudgetFigureAsync(new RecordBudgetFigureRequest { Figure = TestData.Revenue(id, 2019, "1") }));
        using var call = BudgetAs(DistrictToken()).ImportBudgetFigures();
        await call.RequestStream.WriteAsync(TestData.Revenue(id, 2019, "1"));
        await call.RequestStream.CompleteAsync();
        var import = await Assert.ThrowsAsync<RpcException>(async () => await call);
        var list = await BudgetAs(DistrictToken("finance.read")).ListBudgetFiguresAsync(new ListBudgetFiguresRequest());

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (record.StatusCode, import.StatusCode));
        Assert.NotNull(list);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM budget_figures WHERE figure_id = @id", ("id", id)));
    }

    [Fact]
    public async Task AReadOnlyToken_CanRead_ButNotWrite()
    {
        var unit = await service.NewUnitAsync();
        var reader = AutonomyAs(service.Issuer.CreateToken("reader", ["finance.read"], ["*"]));
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await reader.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2016-01-01") }));
        var list = await reader.ListUnitsAsync(new ListUnitsRequest { PageSize = 1 });

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("finance.write", ex.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(list);
    }

    /// <summary>
    /// What the service enforces (its rule table, as the host registered it) is what the published contract declares for
    /// each RPC (option (cchc.security.v1.access) in finance.proto, audit.proto), and the host serves no undeclared RPC.
    /// </summary>
    [Fact]
    public void EveryRpc_RequiresWhatTheContractDeclares_AndNoUndeclaredRpcIsServed()
    {
        var disagreements = AccessDeclarations.Disagreements(service.Services, AutonomyService.Descriptor, BudgetService.Descriptor);

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Contains("/cchc.finance.v1.BudgetService/RecordBudgetFigure", AccessDeclarations.ServedMethods(service.Services));
    }
}
