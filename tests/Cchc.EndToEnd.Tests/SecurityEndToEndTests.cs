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
        ReceivedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2024-03-02T08:00:00+07:00")),
        DueAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2024-03-05T08:00:00+07:00")),
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
            InForceFrom = "2024-01-01", // after every period the Appendix 3 scenario reports on (2017–2019; shared suite)
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
        using var district = suite.ChannelFor(await suite.TokenForAsync("tam-duong"));

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

        using var auditor = suite.ChannelFor(await suite.TokenForAsync("cchc-auditor"));
        var audit = new AuditService.AuditServiceClient(auditor);
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

    private static readonly string[] WriterScopes = ["procedures.read", "procedures.write"];

    public static TheoryData<string> WrongTokens => new() { "expired", "signed by another key", "another audience" };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task ATokenWrongInOneWay_IsUnauthenticatedAtTheGateway_AndWritesNothing(string wrong)
    {
        var procedure = await ProcedureAsync();
        var options = wrong switch
        {
            "expired" => new TestTokenIssuer.TokenOptions { Expired = true },
            "signed by another key" => new TestTokenIssuer.TokenOptions { ForeignKey = true },
            _ => new TestTokenIssuer.TokenOptions { Audience = "another-api" },
        };
        using var channel = suite.ChannelFor(suite.TokenSignedByTheRealKey("cchc-demo-loader", WriterScopes, ["*"], options));
        var id = $"E2E-{Guid.NewGuid():N}";

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new DossierService.DossierServiceClient(channel).ReceiveDossierAsync(Dossier(id, procedure, TamDuong)));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        await AssertNoDossierAsync(id);
    }

    [Fact]
    public async Task TheSameClaimsSignedByTheRealKey_AreAccepted_SoTheRefusalsAboveAreAboutTheOneWrongThing()
    {
        var procedure = await ProcedureAsync();
        using var channel = suite.ChannelFor(suite.TokenSignedByTheRealKey("cchc-demo-loader", WriterScopes, ["*"], new TestTokenIssuer.TokenOptions()));
        var id = $"E2E-{Guid.NewGuid():N}";

        var dossier = await new DossierService.DossierServiceClient(channel).ReceiveDossierAsync(Dossier(id, procedure, TamDuong));

        Assert.Equal(id, dossier.Record.DossierId);
    }

    [Fact]
    public async Task AReadOnlyTokenOnAWrite_IsPermissionDenied_AndWritesNothing()
    {
        var procedure = await ProcedureAsync();
        using var reader = suite.ChannelFor(await suite.TokenForAsync("cchc-report-reader"));
        var id = $"E2E-{Guid.NewGuid():N}";

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new DossierService.DossierServiceClient(reader).ReceiveDossierAsync(Dossier(id, procedure, TamDuong)));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("procedures.write", ex.Status.Detail, StringComparison.Ordinal);
        await AssertNoDossierAsync(id);
    }

    [Fact]
    public async Task AReplayedRequestId_ReturnsTheFirstResult_AndWithOtherContentIsRefused()
    {
        var procedure = await ProcedureAsync();
        using var district = suite.ChannelFor(await suite.TokenForAsync("tam-duong"));
        var client = new DossierService.DossierServiceClient(district);
        var key = new Metadata { { "idempotency-key", $"e2e-{Guid.NewGuid():N}" } };
        var first = Dossier($"E2E-{Guid.NewGuid():N}", procedure, TamDuong);
        var other = Dossier($"E2E-{Guid.NewGuid():N}", procedure, TamDuong);

        var accepted = await client.ReceiveDossierAsync(first, key);
        var replayed = await client.ReceiveDossierAsync(first, key);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.ReceiveDossierAsync(other, key));

        Assert.Equal(accepted, replayed);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        await AssertNoDossierAsync(other.DossierId);
    }

    [Fact]
    public async Task AnOversizedMessage_IsResourceExhaustedAtTheGateway_AndWritesNothing()
    {
        var procedure = await ProcedureAsync();
        var id = $"E2E-{Guid.NewGuid():N}";
        var oversized = Dossier(id, procedure, TamDuong);
        oversized.ReceivingUnit = TamDuong + new string(' ', 17 * 1024 * 1024); // over the gateway's 16 MiB per message
        using var channel = GrpcChannel.ForAddress(suite.GrpcAddress, new GrpcChannelOptions
        {
            MaxSendMessageSize = null,
            HttpHandler = new BearerTokenHandler(suite.Token, new SocketsHttpHandler()),
        });

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new DossierService.DossierServiceClient(channel).ReceiveDossierAsync(oversized));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        await AssertNoDossierAsync(id);
    }

    [Fact]
    public async Task ABurstOverTheClientsQuota_IsResourceExhausted_WhileOtherClientsAreServed()
    {
        using var throttled = suite.ChannelFor(await suite.TokenForAsync(SuiteFixture.ThrottledClient));
        var client = new ProcedureCatalogService.ProcedureCatalogServiceClient(throttled);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, SuiteFixture.ThrottledClientBurst + 10).Select(async _ =>
        {
            try
            {
                await client.ListProceduresAsync(new ListProceduresRequest { PageSize = 1 });
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));
        var others = await new ProcedureCatalogService.ProcedureCatalogServiceClient(suite.Channel).ListProceduresAsync(new ListProceduresRequest { PageSize = 1 });

        Assert.True(outcomes.Count(o => o == StatusCode.OK) <= SuiteFixture.ThrottledClientBurst, string.Join(",", outcomes));
        Assert.True(outcomes.Count(o => o == StatusCode.ResourceExhausted) >= 10, string.Join(",", outcomes));
        Assert.DoesNotContain(outcomes, o => o is not (StatusCode.OK or StatusCode.ResourceExhausted));
        Assert.NotNull(others);
    }
}
