using Cchc.Contracts;
using Cchc.Programme.Api.Data;
using Cchc.Programme.Api.Grpc;
using Cchc.Programme.Api.Security;
using Cchc.ServiceKit.Hosting;

return await Program.Definition.RunAsync(args);

/// <summary>
/// The reform programme service as an instance of the domain-service template (docs/architecture.md, "One template for
/// every domain service"; docs/adr/0026-programme-service.md). Public so tests host it and migrate its database through
/// this same definition.
/// </summary>
public partial class Program : IDomainServiceProgram<ProgrammeDbContext>
{
    public static DomainService<ProgrammeDbContext> Definition { get; } = new()
    {
        Database = ResourceNames.ProgrammeDb,
        // Facts dated inside an approved period are refused unless corrected with the right and a reason (ADR 0029).
        LocksApprovedPeriods = true,
        // Re-publishes its current state when the reporting service rebuilds its read model (ADR 0040).
        Republish = typeof(ProgrammeRepublisher),
        AccessRules = ProgrammeAccessRules.Configure,
        GrpcServices = app =>
        {
            app.MapGrpcService<ProgrammeRecordGrpcService>();
            app.MapGrpcService<SubmittedValueGrpcService>();
            app.MapGrpcService<ObligationGrpcService>();
        },
    };
}
