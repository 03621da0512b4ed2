using Cchc.Finance.Api.Grpc;
using Cchc.Finance.Api.Security;
using Cchc.Security;
using Cchc.Security.Authorization;
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

    [Fact]
    public void RuleTable_CoversEveryMethodOfTheFinanceContract_WritesNeedWriteAndAUnit_ReadsNeedRead()
    {
        var table = GrpcRuleTable.Build(FinanceAccessRules.Configure);
        var descriptors = new[] { AutonomyService.Descriptor, BudgetService.Descriptor };

        // Every method of the contract, nothing else (the template adds the rules of the unit reference data's status).
        Assert.Equal(descriptors.Sum(d => d.Methods.Count), table.Rules.Count);
        foreach (var method in descriptors.SelectMany(d => d.Methods))
        {
            var rule = table.Find(GrpcRuleTable.PathOf(method));
            Assert.True(rule is not null, $"{method.FullName} has no rule");
            Assert.Equal(rule.IsWrite ? SecurityScopes.FinanceWrite : SecurityScopes.FinanceRead, rule.Scope);
            Assert.True(rule.IsWrite == (rule.Unit != UnitCheck.None), $"{method.FullName}: writes check a unit, reads do not");
        }
    }
}
