using System.Net;
using System.Net.Http.Headers;
using Cchc.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Cchc.Gateway.Tests;

/// <summary>Token checks at the gateway: refused calls get the right status and never reach a service.</summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewaySecurityTests(GatewayFixture gateway)
{
    public static TheoryData<string> BadTokens => new() { "none", "expired", "foreign-key", "wrong-audience", "garbage" };

    private string? BadToken(string kind)
    {
        string[] scopes = ["procedures.read", "procedures.write"];
        return kind switch
        {
            "none" => null,
            "expired" => gateway.Issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { Expired = true }),
            "foreign-key" => gateway.Issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { ForeignKey = true }),
            "wrong-audience" => gateway.Issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { Audience = "another-api" }),
            _ => "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task GrpcCall_WithoutAValidToken_IsUnauthenticatedAsAGrpcStatus_AndNeverReachesTheService(string kind)
    {
        var path = UniqueMethod("cchc.procedures.v1.DossierService");
        using var channel = gateway.CreateChannel(BadToken(kind));

        var ex = await Assert.ThrowsAsync<RpcException>(() => GrpcCalls.CallAsync(channel, path, [1, 2, 3]));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("Bearer", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("mã truy cập", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, gateway.Procedures.Hits(path));
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ReportStatus_WithoutAValidToken_Is401WithABearerChallenge_AndNeverReachesReporting(string kind)
    {
        var path = $"/api/reports/status/{Guid.NewGuid():N}";
        using var http = gateway.CreateHttp(BadToken(kind));

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, gateway.Reporting.Hits(path));
    }

    [Fact]
    public async Task ValidToken_IsForwardedWithItsAuthorizationHeader_SoTheServiceChecksAgain()
    {
        var path = UniqueMethod("cchc.procedures.v1.ProcedureCatalogService");
        using var request = GrpcCalls.RawRequest(path, [0, 0, 0, 0, 0]);

        using var response = await gateway.H2c.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, gateway.Procedures.Hits(path));
        Assert.Equal("Bearer " + gateway.Token, response.Headers.GetValues(FakeBackend.AuthorizationHeader).Single());
    }

    [Fact]
    public async Task HealthReflectionAndReportPages_StayOpenWithoutAToken()
    {
        using var anonymousChannel = gateway.CreateChannel(null);
        using var anonymousHttp = gateway.CreateHttp(null);
        var page = $"/reports/appendices/{Guid.NewGuid():N}";
        var json = $"/api/reports/appendices/{Guid.NewGuid():N}";
        var keyFigures = $"/api/reports/key-figures/{Guid.NewGuid():N}";
        var indicators = $"/api/reports/indicators/{Guid.NewGuid():N}";
        var approvals = $"/api/reports/approvals/{Guid.NewGuid():N}";
        var completeness = $"/api/reports/completeness/{Guid.NewGuid():N}";

        var health = await new Health.HealthClient(anonymousChannel).CheckAsync(new HealthCheckRequest(), new Metadata { { "x-cchc-service", "procedures" } });
        var own = await new Health.HealthClient(anonymousChannel).CheckAsync(new HealthCheckRequest());
        using var pageResponse = await anonymousHttp.GetAsync(page);
        using var jsonResponse = await anonymousHttp.GetAsync(json);
        using var keyFiguresResponse = await anonymousHttp.GetAsync(keyFigures);
        using var indicatorsResponse = await anonymousHttp.GetAsync(indicators);
        using var approvalsResponse = await anonymousHttp.GetAsync(approvals);
        using var completenessResponse = await anonymousHttp.GetAsync(completeness);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, own.Status);
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Equal(1, gateway.Reporting.Hits(page));
        Assert.Equal(HttpStatusCode.OK, jsonResponse.StatusCode);
        Assert.Equal(1, gateway.Reporting.Hits(json));
        Assert.Equal(HttpStatusCode.OK, keyFiguresResponse.StatusCode);
        Assert.Equal(1, gateway.Reporting.Hits(keyFigures));
        Assert.Equal(HttpStatusCode.OK, indicatorsResponse.StatusCode);
        Assert.Equal(1, gateway.Reporting.Hits(indicators));
        // What units owe and have sent is published like its page (/reports/completeness).
        Assert.Equal(HttpStatusCode.OK, completenessResponse.StatusCode);
        Assert.Equal(1, gateway.Reporting.Hits(completeness));
        // Approvals are not the published report: without a token the gateway refuses them itself.
        Assert.Equal(HttpStatusCode.Unauthorized, approvalsResponse.StatusCode);
        Assert.Equal(0, gateway.Reporting.Hits(approvals));
    }

    [Fact]
    public async Task UnroutedPaths_StayNotFound_WithOrWithoutAToken()
    {
        using var anonymous = gateway.CreateHttp(null);
        using var response = await anonymous.GetAsync("/api/internal");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    internal static string UniqueMethod(string service) => $"/{service}/Probe{Guid.NewGuid():N}";
}

/// <summary>Raw gRPC calls to any path (the fake backends know no contract).</summary>
internal static class GrpcCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static async Task<byte[]> CallAsync(GrpcChannel channel, string path, byte[] message)
    {
        var slash = path.LastIndexOf('/');
        var method = new Method<byte[], byte[]>(MethodType.Unary, path[1..slash], path[(slash + 1)..], Bytes, Bytes);
        return await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(), message);
    }

    public static HttpRequestMessage RawRequest(string path, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(body),
            Version = new Version(2, 0),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        return request;
    }

    /// <summary>A gRPC frame: uncompressed flag, big-endian length, then the bytes.</summary>
    public static byte[] Frame(int length)
    {
        var frame = new byte[5 + length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)length);
        return frame;
    }
}
