using Cchc.Contracts;
using Cchc.Procedures.Api.Grpc;
using Cchc.Security.Audit.Grpc;
using Cchc.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Cchc.EndToEnd.Tests;

/// <summary>Security through the whole suite: the gateway and the real services, each checking the token.</summary>
[Collection(SuiteCollection.Name)]
public sealed class SecurityEndToEndTests(SuiteFixture suite)
{
    private const string TamDuong = "UBND huyện Tam Đường";

    private static ReceiveDossierRequest Dossier(string id, string procedure, string unit) => new()
    {
        DossierId = id,
        ProcedureCode = procedure,
        ReceivingUnit = unit,
        UnitLevel = GovernmentLevel.District,
        Channel = DossierChannel.InPerson,
        ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2096-03-02T08:00:00+07:00")),
        DueAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2096-03-05T08:00:00+07:00")),
    };

    private async Task<string> ProcedureAsync()
    {
        var code = $"E2E-SEC-{Guid.NewGuid():N}"[..24];
        await new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel).CreateProcedureAsync(new CreateProcedureRequest
        {
            Code = code,
            Attributes = new ProcedureAttributes
            {
                Name = "Cấp giấy phép xây dựng", Field = "Xây dựng", Level = GovernmentLevel.District, ResolvingUnit = "UBND cấp huyện",
                ReceivingPlace = ReceivingPlace.DistrictOneStop, OnlineLevel = OnlineServiceLevel._3,
            },
            InForceFrom = "2095-01-01", // after every period the Appendix 3 scenario reports on (shared suite)
        });
        return code;
    }

    private async Task AssertNoDossierAsync(string id)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new DossierService.DossierServiceClient(suite.Channel).GetDossierAsync(new GetDossierRequest { DossierId = id }));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task ThroughTheGateway_NoToken_IsUnauthenticated_ForeignUnit_IsPermissionDenied_NothingIsWritten_AndTheChainVerifies()
    {
        var procedure = await ProcedureAsync();
        var anonymousId = $"E2E-{Guid.NewGuid():N}";
        var foreignId = $"E2E-{Guid.NewGuid():N}";
        using var anonymous = suite.ChannelFor(null);
        using var district = suite.ChannelFor(suite.Issuer.CreateToken("tam-duong", ["procedures.read", "procedures.write"], [TamDuong]));

        var none = await Assert.ThrowsAsync<RpcException>(async () =>
            await new DossierService.DossierServiceClient(anonymous).ReceiveDossierAsync(Dossier(anonymousId, procedure, TamDuong)));
        var foreign = await Assert.ThrowsAsync<RpcException>(async () =>
            await new DossierService.DossierServiceClient(district).ReceiveDossierAsync(Dossier(foreignId, procedure, "UBND huyện Sìn Hồ")));
        var own = await new DossierService.DossierServiceClient(district).ReceiveDossierAsync(Dossier($"E2E-{Guid.NewGuid():N}", procedure, TamDuong));

        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Contains("UBND huyện Sìn Hồ", foreign.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(TamDuong, own.Record.ReceivingUnit);
        await AssertNoDossierAsync(anonymousId);
        await AssertNoDossierAsync(foreignId);

        var audit = new AuditService.AuditServiceClient(suite.Channel);
        var header = SuiteFixture.ServiceHeader("procedures");
        var verification = await audit.VerifyChainAsync(new VerifyChainRequest(), header);
        var refused = await audit.ListEntriesAsync(new ListEntriesRequest { Unit = "UBND huyện Sìn Hồ", PageSize = 1000 }, header);
        Assert.True(verification.Ok, verification.Problem);
        Assert.Contains(refused.Entries, e => e.TargetId == foreignId && e.Outcome == "refused" && e.StatusCode == "PermissionDenied");
    }

    [Fact]
    public async Task ADirectCallToAServiceThatSkipsTheGateway_WithoutAToken_IsRefused()
    {
        using var direct = GrpcChannel.ForAddress(suite.ServiceGrpcAddress(ResourceNames.ProceduresApi));
        var id = $"E2E-{Guid.NewGuid():N}";

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new DossierService.DossierServiceClient(direct).ReceiveDossierAsync(Dossier(id, "ANY", TamDuong)));
        var read = await Assert.ThrowsAsync<RpcException>(async () =>
            await new ProcedureCatalogService.ProcedureCatalogServiceClient(direct).ListProceduresAsync(new ListProceduresRequest()));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, read.StatusCode);
        await AssertNoDossierAsync(id);
    }

    [Fact]
    public async Task AuditThroughTheGateway_NeedsAToken()
    {
        using var anonymous = suite.ChannelFor(null);
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new AuditService.AuditServiceClient(anonymous).VerifyChainAsync(new VerifyChainRequest(), SuiteFixture.ServiceHeader("procedures")));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }
}
