using Cchc.Legal.Api.Grpc;
using Cchc.Testing;
using Grpc.Core;

namespace Cchc.Legal.Tests.Integration;

/// <summary>The legal service checks the token itself: scope per RPC, the issuing/reviewing/checking unit of each write.</summary>
[Collection(LegalServiceCollection.Name)]
public sealed class LegalSecurityTests(LegalService service)
{
    private const string TamDuongCommittee = "UBND huyện Tam Đường";

    private DocumentService.DocumentServiceClient DocumentsAs(string? token) => new(service.ChannelFor(token));

    private string DistrictToken(params string[] scopes) =>
        service.Issuer.CreateToken("tam-duong", scopes.Length == 0 ? ["legal.read", "legal.write"] : scopes, [TamDuongCommittee]);

    private async Task AssertNotStoredAsync(string id)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await service.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = id }));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task NoToken_IsUnauthenticated_AndWritesNothing()
    {
        var id = TestData.NewId("SEC");
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await DocumentsAs(null).RegisterDocumentAsync(TestData.Register(id, TestData.Decision())));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task ADistrictRegisteringTheProvincesDocument_IsPermissionDenied_NamingTheUnit_AndWritesNothing()
    {
        var id = TestData.NewId("SEC");
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await DocumentsAs(DistrictToken()).RegisterDocumentAsync(TestData.Register(id, TestData.Decision())));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(TestData.ProvinceCommittee, ex.Status.Detail, StringComparison.Ordinal);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task AReadOnlyToken_CanRead_ButNotWrite()
    {
        var id = TestData.NewId("SEC");
        var reader = DocumentsAs(service.Issuer.CreateToken("reader", ["legal.read"], ["*"]));
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await reader.RegisterDocumentAsync(TestData.Register(id, TestData.Decision())));
        var list = await reader.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 1 });

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("legal.write", ex.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(list);
        await AssertNotStoredAsync(id);
    }

    [Fact]
    public async Task AnImportWithOneForeignRecord_IsRefusedWhole()
    {
        var own = TestData.NewId("SEC");
        var foreign = TestData.NewId("SEC");
        var foreignAttributes = TestData.Decision(number: 7);
        foreignAttributes.IssuerUnit = TamDuongCommittee;
        var provinceLegalDesk = service.Issuer.CreateToken("ubnd-tinh", ["legal.read", "legal.write"], [TestData.ProvinceCommittee]);
        using var call = DocumentsAs(provinceLegalDesk).ImportDocuments();
        await call.RequestStream.WriteAsync(new DocumentRecord { DocumentId = own, Attributes = TestData.Decision() });
        await call.RequestStream.WriteAsync(new DocumentRecord { DocumentId = foreign, Attributes = foreignAttributes });
        await call.RequestStream.CompleteAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(TamDuongCommittee, ex.Status.Detail, StringComparison.Ordinal);
        await AssertNotStoredAsync(own);
        await AssertNotStoredAsync(foreign);
    }

    /// <summary>
    /// What the service enforces (its rule table, as the host registered it) is what the published contract declares for
    /// each RPC (option (cchc.security.v1.access) in legal.proto, audit.proto), and the host serves no undeclared RPC.
    /// </summary>
    [Fact]
    public void EveryRpc_RequiresWhatTheContractDeclares_AndNoUndeclaredRpcIsServed()
    {
        var disagreements = AccessDeclarations.Disagreements(service.Services, DocumentService.Descriptor, ReviewService.Descriptor, CheckService.Descriptor);

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Contains("/cchc.legal.v1.DocumentService/RegisterDocument", AccessDeclarations.ServedMethods(service.Services));
    }
}
