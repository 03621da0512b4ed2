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
/// host), shared by the integration tests (each test uses its own ids). The broker is a closed port: events stay in the
/// outbox, where the tests read them. The tests' usual caller: the Department of Finance's province-wide rights.
/// </summary>
public sealed class FinanceService() : DomainServiceHost<Program, FinanceDbContext>(new()
{
    DatabaseName = "finance_service_tests",
    DefaultCaller = DomainServiceHostOptions.ProvinceWide("finance.read", "finance.write"),
})
{
    public AutonomyService.AutonomyServiceClient Autonomy => new(Channel);

    public BudgetService.BudgetServiceClient Budget => new(Channel);
}
