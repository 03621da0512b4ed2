using System.Net;
using System.Net.Http.Headers;
using Cchc.Gateway.Routing;
using Grpc.Core;
using Grpc.Health.V1;

namespace Cchc.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class GatewayRoutingTests(GatewayFixture gateway) : IAsyncLifetime
{
    private static readonly HealthCheckResponse.Types.ServingStatus Serving = HealthCheckResponse.Types.ServingStatus.Serving;
    private static readonly HealthCheckResponse.Types.ServingStatus NotServing = HealthCheckResponse.Types.ServingStatus.NotServing;

    public Task InitializeAsync()
    {
        gateway.Procedures.SetServing(true);
        gateway.Reporting.SetServing(true);
        gateway.Legal.SetServing(true);
        gateway.Finance.SetServing(true);
        gateway.Organisation.SetServing(true);
        gateway.Egov.SetServing(true);
        gateway.Integration.SetServing(true);
        gateway.Programme.SetServing(true);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => InitializeAsync();

    [Theory]
    [InlineData("/cchc.procedures.v1.DossierService/ImportDossiers", "procedures")]
    [InlineData("/cchc.procedures.v1.ProcedureCatalogService/ListProcedures", "procedures")]
    [InlineData("/cchc.reporting.v1.ReportingService/GetAppendix", "reporting")]
    [InlineData("/cchc.legal.v1.DocumentService/ImportDocuments", "legal")]
    [InlineData("/cchc.legal.v1.ReviewService/GetSystematisationPeriod", "legal")]
    [InlineData("/cchc.finance.v1.AutonomyService/ImportStatuses", "finance")]
    [InlineData("/cchc.finance.v1.BudgetService/ListBudgetFigures", "finance")]
    [InlineData("/cchc.organisation.v1.UnitRegistryService/GetTree", "organisation")]
    [InlineData("/cchc.organisation.v1.StaffingService/ImportStaffing", "organisation")]
    [InlineData("/cchc.egov.v1.MetricService/ImportSubmissions", "egov")]
    [InlineData("/cchc.egov.v1.CapabilityService/ListCapabilityStates", "egov")]
    [InlineData("/cchc.programme.v1.SubmittedValueService/SubmitValue", "programme")]
    public async Task ServicePackageCalls_OnTheGrpcPort_AreForwardedOverH2cToTheirService(string path, string expectedBackend)
    {
        using var response = await gateway.H2c.SendAsync(GrpcRequest(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedBackend, Backend(response));
        // The backend saw HTTP/2: the h2c hop to the service works (HTTP/1.1 would be refused by a gRPC endpoint).
        Assert.EndsWith("HTTP/2", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(GatewayFixture.BackendKeys), MemberType = typeof(GatewayFixture))]
    public async Task HealthWithServiceHeader_IsAnsweredByThatService(string service)
    {
        var other = service == "procedures" ? gateway.Reporting : gateway.Procedures;
        other.SetServing(false);

        var reply = await new Health.HealthClient(gateway.Channel).CheckAsync(
            new HealthCheckRequest(), new Metadata { { GatewayRoutes.ServiceHeader, service } });

        Assert.Equal(Serving, reply.Status);
    }

    [Fact]
    public async Task HealthWithServiceHeader_ReportsThatServiceNotServing()
    {
        gateway.Procedures.SetServing(false);

        var health = new Health.HealthClient(gateway.Channel);
        var procedures = await health.CheckAsync(new HealthCheckRequest(), new Metadata { { GatewayRoutes.ServiceHeader, "procedures" } });
        var reporting = await health.CheckAsync(new HealthCheckRequest(), new Metadata { { GatewayRoutes.ServiceHeader, "reporting" } });

        Assert.Equal(NotServing, procedures.Status);
        Assert.Equal(Serving, reporting.Status);
    }

    [Fact]
    public async Task GatewayHealth_WithoutHeader_IsServingOnlyWhileEveryServiceIs()
    {
        var health = new Health.HealthClient(gateway.Channel);
        Assert.Equal(Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

        gateway.Reporting.SetServing(false);
        Assert.Equal(NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        using (var http = await gateway.Http.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, http.StatusCode);
        }

        gateway.Reporting.SetServing(true);
        Assert.Equal(Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }

    [Theory]
    [InlineData("/api/reports/status")]
    [InlineData("/api/reports/appendices/3?periods=2019")]
    [InlineData("/reports/appendices/3")]
    public async Task ReportRoutes_OnTheHttpPort_AreForwardedToReporting(string path)
    {
        using var response = await gateway.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("reporting", Backend(response));
    }

    [Fact]
    public async Task AServicesOwnEmptyRefusal_PassesThroughUnchanged()
    {
        using var response = await gateway.Http.GetAsync(FakeBackend.ForbiddenPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("reporting", Backend(response));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/connect/token")]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks")]
    public async Task TokenServiceRoutes_OnTheHttpPort_AreForwardedToIdentity(string path)
    {
        using var post = await gateway.Http.PostAsync(path, new FormUrlEncodedContent([new("grant_type", "client_credentials")]));
        using var get = await gateway.Http.GetAsync(path);

        Assert.Equal("identity", Backend(post));
        Assert.Equal("identity", Backend(get));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/api/procedures")]
    [InlineData("/api/reportsX")]
    [InlineData("/grpc.health.v1.Health/Check")]
    [InlineData("/cchc.procedures.v1.DossierService/ImportDossiers")]
    public async Task AnythingElse_OnTheHttpPort_IsNotFound(string path)
    {
        using var get = await gateway.Http.GetAsync(path);
        using var post = await gateway.Http.PostAsync(path, new ByteArrayContent([0, 0, 0, 0, 0]));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(Backend(get));
    }

    [Fact]
    public async Task HealthOnTheHttpPort_IsTheGatewaysOwn_NotABackends()
    {
        using var health = await gateway.Http.GetAsync("/health");
        using var alive = await gateway.Http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Null(Backend(health));
        Assert.Null(Backend(alive));
    }

    [Theory]
    [InlineData("/api/reports/status")]
    [InlineData("/reports/appendices/3")]
    [InlineData("/health")]
    [InlineData("/cchc.secret.v1.AdminService/DropEverything")]
    [InlineData("/connect/token")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task NonGrpcRoutesAndUnknownServices_OnTheGrpcPort_AreNotFound(string path)
    {
        using var get = await gateway.H2c.GetAsync(path);
        using var post = await gateway.H2c.SendAsync(GrpcRequest(path));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        // A gRPC call gets what a gRPC server answers for a method it does not have: UNIMPLEMENTED, trailers-only.
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(((int)StatusCode.Unimplemented).ToString(System.Globalization.CultureInfo.InvariantCulture),
            post.Headers.GetValues("grpc-status").Single());
        Assert.Null(Backend(post));
    }

    private static HttpRequestMessage GrpcRequest(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
            Version = new Version(2, 0),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        return request;
    }

    private static string? Backend(HttpResponseMessage response) =>
        response.Headers.TryGetValues(FakeBackend.BackendHeader, out var values) ? values.Single() : null;
}
