using Cchc.Programme.Api.Grpc;
using Grpc.Core;

namespace Cchc.Programme.Tests.Integration;

/// <summary>The programme service checks the token itself: scope per RPC, the unit of each write, the province for obligations.</summary>
[Collection(ProgrammeServiceCollection.Name)]
public sealed class ProgrammeSecurityTests(ProgrammeService service)
{
    [Fact]
    public async Task ADistrictSubmittingForADepartment_IsPermissionDenied_ButMaySubmitItsOwn()
    {
        var district = new SubmittedValueService.SubmittedValueServiceClient(service.ChannelFor(
            service.Issuer.CreateToken("tam-duong", ["programme.read", "programme.write"], [TestData.TamDuong])));

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await district.SubmitValueAsync(new SubmitValueRequest { Value = TestData.Value(TestData.HomeAffairs, "2008-01-01", "2008-12-31", ValueKind.Number, "90") }));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(TestData.HomeAffairs, ex.Status.Detail, StringComparison.Ordinal);

        var own = await district.SubmitValueAsync(new SubmitValueRequest { Value = TestData.Value(TestData.TamDuong, "2008-01-01", "2008-03-31", ValueKind.Number, "90") });
        Assert.Equal(1, own.Revision);
    }

    [Fact]
    public async Task OnlyTheProvince_SetsWhatUnitsOwe()
    {
        var district = new ObligationService.ObligationServiceClient(service.ChannelFor(
            service.Issuer.CreateToken("tam-duong", ["programme.read", "programme.write"], [TestData.TamDuong])));
        var unit = "UBND huyện " + TestData.NewKey();
        var owed = new Obligation { Unit = unit, Indicator = "procedures.published_in_full", PeriodFrom = "2008-01-01", PeriodTo = "2008-12-31", DueOn = "2009-01-15" };

        var ex = await Assert.ThrowsAsync<RpcException>(() => TestData.ImportAsync(district.ImportObligations(), owed));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal(0, (await service.Obligations.ListObligationsAsync(new ListObligationsRequest { Unit = unit })).TotalSize);
    }

    [Fact]
    public async Task AReadOnlyToken_CanRead_ButNotWrite()
    {
        var reader = new ProgrammeRecordService.ProgrammeRecordServiceClient(service.ChannelFor(service.Issuer.CreateToken("reader", ["programme.read"], ["*"])));
        var record = TestData.Inspection(TestData.NewKey());

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await reader.RecordProgrammeRecordAsync(new RecordProgrammeRecordRequest { Record = record }));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("programme.write", ex.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(await reader.ListProgrammeRecordsAsync(new ListProgrammeRecordsRequest { PageSize = 1 }));
        Assert.Empty(await service.OutboxRowsMentioningAsync(record.Key));
    }

    /// <summary>What the service enforces is what programme.proto declares for each RPC, and no undeclared RPC is served.</summary>
    [Fact]
    public void EveryRpc_RequiresWhatTheContractDeclares_AndNoUndeclaredRpcIsServed()
    {
        var disagreements = AccessDeclarations.Disagreements(service.Services, ProgrammeRecordService.Descriptor, SubmittedValueService.Descriptor, ObligationService.Descriptor);

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Contains("/cchc.programme.v1.SubmittedValueService/SubmitValue", AccessDeclarations.ServedMethods(service.Services));
    }
}
