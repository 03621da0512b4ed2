using Cchc.Organisation.Api.Grpc;
using Cchc.Testing;
using Grpc.Core;

namespace Cchc.Organisation.Tests.Integration;

/// <summary>The organisation service checks tokens itself: organisation.read / organisation.write per RPC, unit "*" for every write.</summary>
[Collection(OrganisationServiceCollection.Name)]
public sealed class SecurityTests(OrganisationService service)
{
    private UnitRegistryService.UnitRegistryServiceClient RegistryAs(string? token) => new(service.ChannelFor(token));

    private static FoundUnitRequest Province(string code) => new()
    {
        ChangeId = "found-" + code, EffectiveOn = "2004-01-01",
        Unit = new UnitSpec { UnitCode = code, Name = "tỉnh " + code, Kind = UnitKind.Province },
    };

    private async Task AssertNotStoredAsync(string code) =>
        await RpcAssert.FailsAsync(StatusCode.NotFound, service.Registry.GetUnitAsync(new GetUnitRequest { UnitCode = code }));

    [Fact]
    public async Task NoToken_IsUnauthenticated_AndWritesNothing()
    {
        var code = "SEC" + Guid.NewGuid().ToString("N")[..8];
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, RegistryAs(null).FoundUnitAsync(Province(code)));
        await AssertNotStoredAsync(code);
    }

    [Fact]
    public async Task ADistrictToken_CannotWriteTheProvinceWideRegistry_NorImport()
    {
        var code = "SEC" + Guid.NewGuid().ToString("N")[..8];
        var district = RegistryAs(service.Issuer.CreateToken("tam-duong", ["organisation.read", "organisation.write"], ["UBND huyện Tam Đường"]));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, district.FoundUnitAsync(Province(code)));

        using var call = district.ImportChanges();
        await call.RequestStream.WriteAsync(new UnitChange { Found = Province(code) });
        await call.RequestStream.CompleteAsync();
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await call);
        await AssertNotStoredAsync(code);
    }

    [Fact]
    public async Task AReadOnlyToken_CanRead_ButNotWrite()
    {
        var code = "SEC" + Guid.NewGuid().ToString("N")[..8];
        var reader = RegistryAs(service.Issuer.CreateToken("reader", ["organisation.read"], ["*"]));
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await reader.FoundUnitAsync(Province(code)));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("organisation.write", ex.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(await reader.CountUnitsAsync(new CountUnitsRequest { AsOf = "2019-12-31" }));
        await AssertNotStoredAsync(code);
    }

    /// <summary>
    /// What the service enforces (its rule table, as the host registered it) is what the published contract declares for
    /// each RPC (option (cchc.security.v1.access) in organisation.proto, audit.proto), and the host serves no undeclared RPC.
    /// </summary>
    [Fact]
    public void EveryRpc_RequiresWhatTheContractDeclares_AndNoUndeclaredRpcIsServed()
    {
        var disagreements = AccessDeclarations.Disagreements(service.Services, UnitRegistryService.Descriptor, StaffingService.Descriptor);

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Contains("/cchc.organisation.v1.StaffingService/ImportStaffing", AccessDeclarations.ServedMethods(service.Services));
    }
}
