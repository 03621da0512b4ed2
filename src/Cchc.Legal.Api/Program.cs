using Cchc.Contracts;
using Cchc.Legal.Api.Data;
using Cchc.Legal.Api.Grpc;
using Cchc.Legal.Api.Security;
using Cchc.ServiceKit.Hosting;

return await Program.Definition.RunAsync(args);

/// <summary>
/// The legal documents service as an instance of the domain-service template (docs/architecture.md, "One template for
/// every domain service"). Public so tests host it (WebApplicationFactory&lt;Program&gt;) and migrate its database
/// through this same definition.
/// </summary>
public partial class Program : IDomainServiceProgram<LegalDbContext>
{
    public static DomainService<LegalDbContext> Definition { get; } = new()
    {
        Database = ResourceNames.LegalDb,
        // Facts dated inside an approved period are refused unless corrected with the right and a reason (ADR 0029).
        LocksApprovedPeriods = true,
        // Re-publishes its current state when the reporting service rebuilds its read model (ADR 0040).
        Republish = typeof(LegalRepublisher),
        AccessRules = LegalAccessRules.Configure,
        KeepsUnitReference = true,
        GrpcServices = app =>
        {
            app.MapGrpcService<DocumentGrpcService>();
            app.MapGrpcService<ReviewGrpcService>();
            app.MapGrpcService<CheckGrpcService>();
        },
    };
}
