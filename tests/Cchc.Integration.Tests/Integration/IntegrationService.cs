using Cchc.Integration.Api.Data;
using Cchc.Integration.Api.Grpc;

namespace Cchc.Integration.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class IntegrationServiceCollection : ICollectionFixture<IntegrationService>
{
    public const string Name = "integration-service";
}

/// <summary>
/// The integration adapter hosted in-process on a real, migrated PostgreSQL database (Cchc.Testing's domain-service
/// host). No procedures service behind it here: these tests cover what the adapter does on its own (authorisation of its
/// endpoint, refusals of whole calls, the message log); the inbound flow through to the procedures service and Appendix 3
/// is Cchc.EndToEnd.Tests' LgspScenarioTests. The usual caller reads the message log.
/// </summary>
public sealed class IntegrationService() : DomainServiceHost<Program, IntegrationDbContext>(new()
{
    DatabaseName = "integration_service_tests",
    DefaultCaller = DomainServiceHostOptions.ProvinceWide("integration.read"),
})
{
    public MessageLogService.MessageLogServiceClient Log => new(Channel);

    /// <summary>An HTTP client of the service whose requests carry <paramref name="token"/> (none when null).</summary>
    public HttpClient HttpFor(string? token) => new(new BearerTokenHandler(token, Factory.Server.CreateHandler())) { BaseAddress = Factory.Server.BaseAddress };
}
