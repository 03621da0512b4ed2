using Cchc.Contracts;
using Cchc.Procedures.Api.Data;
using Cchc.Procedures.Api.Grpc;
using Cchc.Procedures.Api.Security;
using Cchc.ServiceKit.Hosting;

return await Program.Definition.RunAsync(args);

/// <summary>
/// The administrative procedures service as an instance of the domain-service template (docs/architecture.md, "One
/// template for every domain service"). Public so tests host it (WebApplicationFactory&lt;Program&gt;) and migrate its
/// database through this same definition.
/// </summary>
public partial class Program : IDomainServiceProgram<ProceduresDbContext>
{
    public static DomainService<ProceduresDbContext> Definition { get; } = new()
    {
        Database = ResourceNames.ProceduresDb,
        // Facts dated inside an approved period are refused unless corrected with the right and a reason (ADR 0029).
        LocksApprovedPeriods = true,
        // Re-publishes its current state when the reporting service rebuilds its read model (ADR 0040).
        Republish = typeof(ProceduresRepublisher),
        AccessRules = ProceduresAccessRules.Configure,
        KeepsUnitReference = true,
        GrpcServices = app =>
        {
            app.MapGrpcService<ProcedureCatalogGrpcService>();
            app.MapGrpcService<DossierGrpcService>();
            app.MapGrpcService<FeedbackGrpcService>();
        },
    };
}
