using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;

namespace Cchc.Gateway.Tests;

/// <summary>A gateway terminating TLS with a self-signed certificate made by the test (PEM files, Gateway:Tls).</summary>
public sealed class TlsGatewayFixture() : GatewayFixture(Certificate.Settings, tls: true)
{
    internal static readonly TestCertificate Certificate = TestCertificate.Create();

    protected override HttpMessageHandler CreateInnerHandler() => new SocketsHttpHandler
    {
        // Trust exactly the certificate the gateway was configured with (as a department system pins the province's CA).
        SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == Certificate.Thumbprint },
    };
}

internal sealed record TestCertificate(string Directory, string Thumbprint)
{
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gateway:Tls:CertificatePath"] = Path.Combine(Directory, "gateway.crt"),
        ["Gateway:Tls:KeyPath"] = Path.Combine(Directory, "gateway.key"),
    };

    public static TestCertificate Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cchc-tls-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "gateway.crt"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "gateway.key"), key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(directory, certificate.GetCertHashString());
    }
}

[Collection(GatewayCollection.Name)] // one gateway starting at a time: their ports are picked before they bind
public sealed class GatewayTlsTests(TlsGatewayFixture gateway) : IClassFixture<TlsGatewayFixture>
{
    [Fact]
    public async Task OverTls_HealthAnswers_ApiCallsWithATokenAreForwarded_AndWithoutOneAreUnauthenticated()
    {
        var path = GatewaySecurityTests.UniqueMethod("cchc.procedures.v1.DossierService");
        using var anonymous = gateway.CreateChannel(null);

        var health = await new Health.HealthClient(gateway.Channel).CheckAsync(new HealthCheckRequest());
        using var forwarded = await gateway.H2c.SendAsync(GrpcCalls.RawRequest(path, GrpcCalls.Frame(3)));
        var refused = await Assert.ThrowsAsync<RpcException>(() => GrpcCalls.CallAsync(anonymous, path, [1]));
        using var report = await gateway.Http.GetAsync($"/api/reports/status");

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Equal(1, gateway.Procedures.Hits(path));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("https", gateway.GrpcAddress.Scheme);
    }

    [Fact]
    public async Task PlaintextToATlsListener_Fails_AndAClientThatDoesNotTrustTheCertificate_Fails()
    {
        using var plaintext = new HttpClient { DefaultRequestVersion = new Version(2, 0), DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var untrusting = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => plaintext.GetAsync(new Uri($"http://127.0.0.1:{gateway.GrpcPort}/grpc.health.v1.Health/Check")));
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(new Uri(gateway.HttpAddress, "/health")));
    }
}
