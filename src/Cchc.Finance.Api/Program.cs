using Cchc.Contracts;
using Cchc.Finance.Api.Data;
using Cchc.Finance.Api.Domain;
using Cchc.Finance.Api.Grpc;
using Cchc.Finance.Api.Security;
using Cchc.ServiceKit.Hosting;

return await Program.Definition.RunAsync(args);

/// <summary>
/// The public finance service as an instance of the domain-service template (docs/architecture.md, "One template for
/// every domain service"). Public so tests host it (WebApplicationFactory&lt;Program&gt;) and migrate its database
/// through this same definition.
/// </summary>
public partial class Program : IDomainServiceProgram<FinanceDbContext>
{
    public static DomainService<FinanceDbContext> Definition { get; } = new()
    {
        Database = ResourceNames.FinanceDb,
        // Facts name units: each is checked against the local copy of the organisation registry (ADR 0009).
        KeepsUnitReference = true,
        // Facts dated inside an approved period are refused unless corrected with the right and a reason (ADR 0029).
        LocksApprovedPeriods = true,
        // Re-publishes its current state when the reporting service rebuilds its read model (ADR 0040).
        Republish = typeof(FinanceRepublisher),
        AccessRules = FinanceAccessRules.Configure,
        GrpcServices = app =>
        {
            app.MapGrpcService<AutonomyGrpcService>();
            app.MapGrpcService<BudgetGrpcService>();
        },
        // The one check of every incoming fact's unit and day.
        Services = builder => builder.Services.AddScoped<IncomingFactCheck>(),
    };
}
