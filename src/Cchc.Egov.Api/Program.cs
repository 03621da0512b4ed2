using Cchc.Contracts;
using Cchc.Egov.Api.Data;
using Cchc.Egov.Api.Domain;
using Cchc.Egov.Api.Grpc;
using Cchc.Egov.Api.Security;
using Cchc.ServiceKit.Hosting;

return await Program.Definition.RunAsync(args);

/// <summary>
/// The e-government metrics service as an instance of the domain-service template (docs/architecture.md, "One template
/// for every domain service"). Public so tests host it (WebApplicationFactory&lt;Program&gt;) and migrate its database
/// through this same definition.
/// </summary>
public partial class Program : IDomainServiceProgram<EgovDbContext>
{
    public static DomainService<EgovDbContext> Definition { get; } = new()
    {
        Database = ResourceNames.EgovDb,
        // Facts name units: each is checked against the local copy of the organisation registry (ADR 0009).
        KeepsUnitReference = true,
        // Facts dated inside an approved period are refused unless corrected with the right and a reason (ADR 0029).
        LocksApprovedPeriods = true,
        // Re-publishes its current state when the reporting service rebuilds its read model (ADR 0040).
        Republish = typeof(EgovRepublisher),
        AccessRules = EgovAccessRules.Configure,
        GrpcServices = app =>
        {
            app.MapGrpcService<MetricGrpcService>();
            app.MapGrpcService<CapabilityGrpcService>();
        },
        // The gate every incoming fact's unit and day pass.
        Services = builder => builder.Services.AddScoped<IncomingFacts>(),
    };
}
