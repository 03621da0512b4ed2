using Cchc.Organisation.Api.Data;
using Cchc.Organisation.Api.Grpc;
using Cchc.Testing;

namespace Cchc.Organisation.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class OrganisationServiceCollection : ICollectionFixture<OrganisationService>
{
    public const string Name = "organisation-service";
}

/// <summary>
/// The organisation service hosted in-process on a real, migrated PostgreSQL database (Cchc.Testing's domain-service
/// host), shared by the integration tests (each test uses its own ids). The broker is a closed port: events stay in the
/// outbox, where the tests read them. The tests' usual caller: the Department of Home Affairs' province-wide rights.
/// </summary>
public sealed class OrganisationService() : DomainServiceHost<Program, OrganisationDbContext>(new()
{
    DatabaseName = "organisation_service_tests",
    DefaultCaller = DomainServiceHostOptions.ProvinceWide("organisation.read", "organisation.write"),
})
{
    public UnitRegistryService.UnitRegistryServiceClient Registry => new(Channel);

    public StaffingService.StaffingServiceClient Staffing => new(Channel);
}
