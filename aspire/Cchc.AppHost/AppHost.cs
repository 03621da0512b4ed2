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
// line here — its database (migrated by the service as it starts), broker and token validation come with it
// (AddDomainService).
IResourceBuilder<ProjectResource> Domain<TProject>(string name, string database) where TProject : IProjectMetadata, new() =>
    builder.AddDomainService<TProject>(name, database, infrastructure, identity, settings);
var procedures = Domain<Projects.Cchc_Procedures_Api>(ResourceNames.ProceduresApi, ResourceNames.ProceduresDb);
IResourceBuilder<ProjectResource>[] domainServices =
[
    procedures,
    Domain<Projects.Cchc_Legal_Api>(ResourceNames.LegalApi, ResourceNames.LegalDb),
    Domain<Projects.Cchc_Organisation_Api>(ResourceNames.OrganisationApi, ResourceNames.OrganisationDb),
    Domain<Projects.Cchc_Finance_Api>(ResourceNames.FinanceApi, ResourceNames.FinanceDb),
    Domain<Projects.Cchc_Egov_Api>(ResourceNames.EgovApi, ResourceNames.EgovDb),
    Domain<Projects.Cchc_Programme_Api>(ResourceNames.ProgrammeApi, ResourceNames.ProgrammeDb),
    // The LGSP/NGSP adapter (docs/integration.md); its peers are added below, once the reporting service exists.
    Domain<Projects.Cchc_Integration_Api>(ResourceNames.IntegrationApi, ResourceNames.IntegrationDb),
];

var reporting = builder.AddSuiteService<Projects.Cchc_Reporting_Api>(ResourceNames.ReportingApi, infrastructure.ReportingDb, infrastructure)
    .WithTokenValidation(identity, settings);

// The adapter writes dossiers and the catalogue to the procedures service, reads the report to send it, and talks to the
// national side: the simulator here (src/Cchc.NationalSimulator), the real endpoints by configuration elsewhere.
var national = builder.AddNationalSimulator<Projects.Cchc_NationalSimulator>(settings);
domainServices[^1].WithIntegrationPeers(procedures, reporting, national, settings);

// Started beside the backends; ready (the ready line) once every backend serves and the token service and the simulator
// are healthy (ADR 0048).
builder.AddSuiteGateway<Projects.Cchc_Gateway>(settings, backends: [.. domainServices, reporting], alsoReady: [identity, national])
    .WithTokenValidation(identity, settings);

builder.Build().Run();
