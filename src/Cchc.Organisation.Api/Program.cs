using Cchc.Contracts;
using Cchc.Organisation.Api.Data;
using Cchc.Organisation.Api.Grpc;
using Cchc.Organisation.Api.Security;
using Cchc.ServiceKit.Hosting;

return await Program.Definition.RunAsync(args);

/// <summary>
/// The organisation & staffing service as an instance of the domain-service template (docs/architecture.md, "One
/// template for every domain service"). It is the unit registry, so it keeps no copy of it. Public so tests host it
/// (WebApplicationFactory&lt;Program&gt;) and migrate its database through this same definition.
/// </summary>
public partial class Program : IDomainServiceProgram<OrganisationDbContext>
{
    public static DomainService<OrganisationDbContext> Definition { get; } = new()
    {
        Database = ResourceNames.OrganisationDb,
        // Facts dated inside an approved period are refused unless corrected with the right and a reason (ADR 0029).
        LocksApprovedPeriods = true,
        // Re-publishes its current state when the reporting service rebuilds its read model (ADR 0040).
        Republish = typeof(OrganisationRepublisher),
        AccessRules = OrganisationAccessRules.Configure,
        GrpcServices = app =>
        {
            app.MapGrpcService<UnitRegistryGrpcService>();
            app.MapGrpcService<StaffingGrpcService>();
        },
    };
}
