using Cchc.Contracts;

namespace Cchc.Kubernetes.Tests;

/// <summary>The suite's resources as the AppHost names them (src/Cchc.Contracts/ResourceNames.cs).</summary>
public static class Suite
{
    /// <summary>Each service with a database: its resource, its migrator, its database, whether it uses the broker.</summary>
    public static readonly IReadOnlyList<(string Service, string Migrator, string Database, bool Messaging)> DatabaseServices =
    [
        (ResourceNames.ProceduresApi, ResourceNames.ProceduresMigrator, ResourceNames.ProceduresDb, true),
        (ResourceNames.LegalApi, ResourceNames.LegalMigrator, ResourceNames.LegalDb, true),
        (ResourceNames.OrganisationApi, ResourceNames.OrganisationMigrator, ResourceNames.OrganisationDb, true),
        (ResourceNames.FinanceApi, ResourceNames.FinanceMigrator, ResourceNames.FinanceDb, true),
        (ResourceNames.EgovApi, ResourceNames.EgovMigrator, ResourceNames.EgovDb, true),
        (ResourceNames.ProgrammeApi, ResourceNames.ProgrammeMigrator, ResourceNames.ProgrammeDb, true),
        (ResourceNames.IntegrationApi, ResourceNames.IntegrationMigrator, ResourceNames.IntegrationDb, true),
        (ResourceNames.ReportingApi, ResourceNames.ReportingMigrator, ResourceNames.ReportingDb, true),
        (ResourceNames.Identity, ResourceNames.IdentityMigrator, ResourceNames.IdentityDb, false),
    ];

    public static IEnumerable<string> Databases => DatabaseServices.Select(s => s.Database);

    /// <summary>Every process of the suite that runs as a Deployment.</summary>
    public static IEnumerable<string> Deployments => DatabaseServices.Select(s => s.Service).Append(ResourceNames.Gateway);

    /// <summary>The token validators (AppHost: WithTokenValidation): the gateway and every service but the token service.</summary>
    public static IEnumerable<string> TokenValidators =>
        DatabaseServices.Where(s => s.Service != ResourceNames.Identity).Select(s => s.Service).Append(ResourceNames.Gateway);

    public static TheoryData<string, string> OverlaysAndServices()
    {
        var data = new TheoryData<string, string>();
        foreach (var overlay in new[] { Overlays.Dev, Overlays.Prod })
        {
            foreach (var service in DatabaseServices)
            {
                data.Add(overlay, service.Service);
            }
        }
        return data;
    }
}
