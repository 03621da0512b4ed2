using Cchc.Contracts.Events.Organisation;
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
/// domain-service host), shared by the integration tests (each test uses its own ids), with a real RabbitMQ: the
/// service's copy of the unit registry is filled through the broker in the reference-data tests
/// (<c>PublishAndWaitAsync</c>); the other tests write their units into the copy directly (<see cref="ReferenceUnits"/>).
/// Events stay in the outbox (relayed rows are only marked sent), where the tests read them. The tests' usual caller:
/// the Department of Information and Communications' province-wide rights.
/// </summary>
public sealed class EgovService() : DomainServiceHost<Program, EgovDbContext>(new()
{
    DatabaseName = "egov_service_tests",
    WithBroker = true,
    DefaultCaller = DomainServiceHostOptions.ProvinceWide("egov.read", "egov.write"),
})
{
    /// <summary>The prefix of the codes of the tree the fixture seeds ("EGOV:P-UBND" is the provincial committee).</summary>
    public const string TreePrefix = "EGOV:";

    public MetricService.MetricServiceClient Metrics => new(Channel);

    public CapabilityService.CapabilityServiceClient Capabilities => new(Channel);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The service takes units and their levels from its copy of the registry: seed the province's tree the tests name.
        await ReferenceUnits.TreeAsync(ConnectionString, TreePrefix,
            ("P", "tỉnh Lai Châu", UnitKind.Province, null), ("P-UBND", TestData.Province, UnitKind.PeoplesCommittee, "P"),
            ("D", "huyện Tam Đường", UnitKind.DistrictLevel, "P"), ("D-UBND", TestData.TamDuong, UnitKind.PeoplesCommittee, "D"),
            ("C", "xã Bản Giang", UnitKind.CommuneLevel, "D"), ("C-UBND", TestData.BanGiang, UnitKind.PeoplesCommittee, "C"));
    }

    /// <summary>A provincial agency of the test's own (a unique name), under the provincial committee since long ago.</summary>
    public async Task<string> NewAgencyAsync()
    {
        var unit = TestData.NewAgency();
        await ReferenceUnits.ApplyAsync(ConnectionString,
            [ReferenceUnits.History(ReferenceUnits.CodeOf(unit), 1, ReferenceUnits.Period(ReferenceUnits.LongAgo, null, unit, UnitKind.SpecialisedAgency, parent: TreePrefix + "P-UBND"))]);
        return unit;
    }
}
