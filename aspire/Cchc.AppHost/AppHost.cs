using Cchc.AppHost;
using Cchc.AppHost.Extensions;
using Cchc.AppHost.Infrastructure;
using Cchc.Contracts;

var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder.Configuration);
if (builder.Configuration["CCHC_RESOURCE_CONSOLE"] != "false")
{
    ResourceConsole.AddResourceConsole(builder);
}

var infrastructure = builder.AddSuiteInfrastructure(settings);

var identity = builder.AddSuiteIdentity<Projects.Cchc_Identity>(settings, infrastructure);

// The domain services: each is an instance of the domain-service template (its Program.cs is its definition) and one
// line here — its migrator, database, broker and token validation come with it (AddDomainService).
IResourceBuilder<ProjectResource> Domain<TProject>(string name, string migrator, string database) where TProject : IProjectMetadata, new() =>
    builder.AddDomainService<TProject>(name, migrator, database, infrastructure, identity, settings);
var procedures = Domain<Projects.Cchc_Procedures_Api>(ResourceNames.ProceduresApi, ResourceNames.ProceduresMigrator, ResourceNames.ProceduresDb);
IResourceBuilder<ProjectResource>[] domainServices =
[
    procedures,
    Domain<Projects.Cchc_Legal_Api>(ResourceNames.LegalApi, ResourceNames.LegalMigrator, ResourceNames.LegalDb),
    Domain<Projects.Cchc_Organisation_Api>(ResourceNames.OrganisationApi, ResourceNames.OrganisationMigrator, ResourceNames.OrganisationDb),
    Domain<Projects.Cchc_Finance_Api>(ResourceNames.FinanceApi, ResourceNames.FinanceMigrator, ResourceNames.FinanceDb),
    Domain<Projects.Cchc_Egov_Api>(ResourceNames.EgovApi, ResourceNames.EgovMigrator, ResourceNames.EgovDb),
    Domain<Projects.Cchc_Programme_Api>(ResourceNames.ProgrammeApi, ResourceNames.ProgrammeMigrator, ResourceNames.ProgrammeDb),
    // The LGSP/NGSP adapter (docs/integration.md); its peers are added below, once the reporting service exists.
    Domain<Projects.Cchc_Integration_Api>(ResourceNames.IntegrationApi, ResourceNames.IntegrationMigrator, ResourceNames.IntegrationDb),
];

var reporting = builder.AddSuiteService<Projects.Cchc_Reporting_Api>(
    ResourceNames.ReportingApi, ResourceNames.ReportingMigrator, infrastructure.ReportingDb, infrastructure)
    .WithTokenValidation(identity, settings);

// The adapter writes dossiers and the catalogue to the procedures service, reads the report to send it, and talks to the
// national side: the simulator here (src/Cchc.NationalSimulator), the real endpoints by configuration elsewhere.
domainServices[^1].WithIntegrationPeers(procedures, reporting, builder.AddNationalSimulator<Projects.Cchc_NationalSimulator>(settings), settings);

builder.AddSuiteGateway<Projects.Cchc_Gateway>(settings, [.. domainServices, reporting, identity])
    .WithTokenValidation(identity, settings);

builder.Build().Run();
