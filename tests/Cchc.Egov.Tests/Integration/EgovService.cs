using Cchc.Egov.Api.Data;
using Cchc.Egov.Api.Grpc;
using Cchc.Testing;

namespace Cchc.Egov.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class EgovServiceCollection : ICollectionFixture<EgovService>
{
    public const string Name = "egov-service";
}

/// <summary>
/// The e-government metrics service hosted in-process on a real, migrated PostgreSQL database (Cchc.Testing's
/// domain-service host), shared by the integration tests (each test uses its own ids). The broker is a closed port:
/// events stay in the outbox, where the tests read them. The tests' usual caller: the Department of Information and
/// Communications' province-wide rights.
/// </summary>
public sealed class EgovService() : DomainServiceHost<Program, EgovDbContext>(new()
{
    DatabaseName = "egov_service_tests",
    DefaultCaller = DomainServiceHostOptions.ProvinceWide("egov.read", "egov.write"),
})
{
    public MetricService.MetricServiceClient Metrics => new(Channel);

    public CapabilityService.CapabilityServiceClient Capabilities => new(Channel);
}
