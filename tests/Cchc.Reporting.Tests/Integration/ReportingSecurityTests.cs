using System.Net;
using Cchc.Reporting.Api.Grpc;
using Cchc.Security.Authorization;
using Cchc.Testing;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>The reporting service checks tokens itself: JSON and gRPC need reporting.read; the HTML pages stay open.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReportingSecurityTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly Method<GetAppendixRequest, Appendix> GetAppendix = new(
        MethodType.Unary, "cchc.reporting.v1.ReportingService", "GetAppendix",
        Marshallers.Create(r => r.ToByteArray(), GetAppendixRequest.Parser.ParseFrom),
        Marshallers.Create(r => r.ToByteArray(), Appendix.Parser.ParseFrom));

    private ReportingApp _app = null!;

    public async Task InitializeAsync() => _app = await ReportingApp.StartAsync(postgres, "security");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task StatusApi_WithoutAToken_Is401WithABearerChallenge_WithTheWrongScope_Is403_WithReportingRead_IsOk()
    {
        using var anonymous = _app.CreateClient(token: null);
        using var writer = _app.CreateClient(_app.Issuer.CreateToken("tam-duong", ["procedures.write"], ["UBND huyện Tam Đường"]));
        using var expired = _app.CreateClient(_app.Issuer.CreateToken("cchc-report-reader", ["reporting.read"], ["*"], new TestTokenIssuer.TokenOptions { Expired = true }));
        using var reader = _app.CreateClient();

        using var none = await anonymous.GetAsync("/api/reports/status");
        using var old = await expired.GetAsync("/api/reports/status");
        using var forbidden = await writer.GetAsync("/api/reports/status");
        using var ok = await reader.GetAsync("/api/reports/status");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("reporting.read", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task ThePublishedReport_PagesAndAppendixJson_IsOpenToRead()
    {
        using var anonymous = _app.CreateClient(token: null);
        using var page = await anonymous.GetAsync("/reports/");
        using var list = await anonymous.GetAsync("/api/reports/appendices");
        using var appendix = await anonymous.GetAsync("/api/reports/appendices/3?periods=2019");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, appendix.StatusCode);
    }

    [Fact]
    public async Task GrpcGetAppendix_WithoutAToken_IsUnauthenticated_WithoutTheScope_IsPermissionDenied_AndTheRefusalIsAudited()
    {
        using var anonymous = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = _app.CreateHandler(null) });
        using var writer = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = _app.CreateHandler(_app.Issuer.CreateToken("tam-duong", ["procedures.write"], ["UBND huyện Tam Đường"])),
        });
        var request = new GetAppendixRequest { Number = 3, Periods = { "2019" } };

        var none = await Assert.ThrowsAsync<RpcException>(async () => await anonymous.CreateCallInvoker().AsyncUnaryCall(GetAppendix, null, new CallOptions(), request));
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await writer.CreateCallInvoker().AsyncUnaryCall(GetAppendix, null, new CallOptions(), request));

        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("reporting.read", denied.Status.Detail, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(client_id || ':' || status_code, ',' ORDER BY sequence) FROM audit_entries WHERE operation = '/cchc.reporting.v1.ReportingService/GetAppendix'",
            connection);
        Assert.Equal("(anonymous):Unauthenticated,tam-duong:PermissionDenied", await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// What the service enforces (its rule table, as the host registered it) is what the published contract declares for
    /// each RPC (option (cchc.security.v1.access) in reporting.proto, audit.proto), and the host serves no undeclared RPC.
    /// </summary>
    [Fact]
    public void EveryRpc_RequiresWhatTheContractDeclares_AndNoUndeclaredRpcIsServed()
    {
        var disagreements = AccessDeclarations.Disagreements(_app.Services, ReportingService.Descriptor);
        var served = AccessDeclarations.ServedMethods(_app.Services);

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Contains("/cchc.reporting.v1.ReportingService/GetAppendix", served);
        Assert.Contains("/cchc.audit.v1.AuditService/ListEntries", served);
    }
}
