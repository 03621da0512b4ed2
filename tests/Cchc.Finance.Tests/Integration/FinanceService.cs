using Cchc.Finance.Api.Data;
using Cchc.Finance.Api.Grpc;
using Cchc.Testing;

namespace Cchc.Finance.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class FinanceServiceCollection : ICollectionFixture<FinanceService>
{
    public const string Name = "finance-service";
}

/// <summary>
/// The public finance service hosted in-process on a real, migrated PostgreSQL database (Cchc.Testing's domain-service
/// host), shared by the integration tests (each test uses its own ids), with a real RabbitMQ: the service's copy of the
/// unit registry is filled through the broker in the reference-data tests (<c>PublishAndWaitAsync</c>); the other tests
/// write their units into the copy directly (<see cref="ReferenceUnits"/>). Events stay in the outbox (relayed rows are
/// only marked sent), where the tests read them. The tests' usual caller: the Department of Finance's province-wide rights.
/// </summary>
public sealed class FinanceService() : DomainServiceHost<Program, FinanceDbContext>(new()
{
    DatabaseName = "finance_service_tests",
    WithBroker = true,
    KnownUnits = FinanceService.KnownUnits,
    DefaultCaller = DomainServiceHostOptions.ProvinceWide("finance.read", "finance.write"),
})
{
    /// <summary>Units the tests name besides their own (parents of service units), known to the copy since long ago.</summary>
    public static readonly IReadOnlyList<string> KnownUnits = ["UBND huyện Tam Đường", "UBND tỉnh Lai Châu", "Sở Y tế"];

    public AutonomyService.AutonomyServiceClient Autonomy => new(Channel);

    public BudgetService.BudgetServiceClient Budget => new(Channel);

    /// <summary>A unit of the test's own (a unique name), written into the service's copy as existing since long ago.</summary>
    public async Task<string> NewUnitAsync(string prefix = "Đơn vị kiểm thử")
    {
        var unit = TestData.NewUnit(prefix);
        await ReferenceUnits.SeedAsync(ConnectionString, [unit]);
        return unit;
    }
}
