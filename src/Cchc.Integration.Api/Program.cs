using Cchc.Contracts;
using Cchc.Integration.Api;
using Cchc.Integration.Api.Data;
using Cchc.Integration.Api.Grpc;
using Cchc.Integration.Api.Inbound;
using Cchc.Integration.Api.Security;
using Cchc.ServiceKit.Hosting;

return await Program.Definition.RunAsync(args);

/// <summary>
/// The LGSP/NGSP integration adapter as an instance of the domain-service template (docs/architecture.md, "One template
/// for every domain service"; docs/integration.md). Public so tests host it and migrate its database through this same
/// definition.
/// </summary>
public partial class Program : IDomainServiceProgram<IntegrationDbContext>
{
    public static DomainService<IntegrationDbContext> Definition { get; } = new()
    {
        Database = ResourceNames.IntegrationDb,
        AccessRules = IntegrationAccessRules.Configure,
        GrpcServices = app =>
        {
            app.MapGrpcService<MessageLogGrpcService>();
            app.MapGrpcService<DeadLetterGrpcService>();
            app.MapGrpcService<ReportSubmissionGrpcService>();
            app.MapGrpcService<CatalogueSyncGrpcService>();
        },
        // The mapping, the exchange machinery (tokens, resilient clients, message log) and the procedures service's client.
        Services = IntegrationServices.Add,
        // The one-stop-shop systems' format, as the LGSP forwards it (authorised by its own scope).
        HttpEndpoints = DvcqgEndpoint.Map,
    };
}
