using Cchc.Organisation.Api.Grpc;
using Cchc.Organisation.Api.Security;
using Cchc.Security;
using Cchc.Security.Authorization;
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

    [Fact]
    public void RuleTable_CoversEveryMethodOfTheOrganisationContract_WritesNeedWriteAndTheProvince_ReadsNeedRead()
    {
        var table = GrpcRuleTable.Build(OrganisationAccessRules.Configure);
        foreach (var method in new[] { UnitRegistryService.Descriptor, StaffingService.Descriptor }.SelectMany(d => d.Methods))
        {
            var rule = table.Find(GrpcRuleTable.PathOf(method));
            Assert.True(rule is not null, $"{method.FullName} has no rule");
            Assert.Equal(rule.IsWrite ? SecurityScopes.OrganisationWrite : SecurityScopes.OrganisationRead, rule.Scope);
            Assert.True(rule.IsWrite == (rule.Unit is UnitCheck.Province or UnitCheck.ByService), $"{method.FullName}: writes need the province, reads no unit");
            Assert.True(rule.IsWrite || rule.Unit == UnitCheck.None, $"{method.FullName}: reads check no unit");
        }
    }
}
