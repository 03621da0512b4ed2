using Cchc.AppHost;
using Cchc.AppHost.Extensions;
using Cchc.AppHost.Infrastructure;
using Cchc.Contracts;

var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder.Configuration);
if (builder.Configuration["CCHC_RESOURCE_CONSOLE"] != "false")
{
    builder.Services.AddHostedService<ResourceConsole>();
}

var infrastructure = builder.AddSuiteInfrastructure(settings);

var identity = builder.AddSuiteIdentity<Projects.Cchc_Identity>(settings, infrastructure);

var procedures = builder.AddSuiteService<Projects.Cchc_Procedures_Api>(
    ResourceNames.ProceduresApi, ResourceNames.ProceduresMigrator, infrastructure.ProceduresDb, infrastructure)
    .WithTokenValidation(identity, settings);
var reporting = builder.AddSuiteService<Projects.Cchc_Reporting_Api>(
    ResourceNames.ReportingApi, ResourceNames.ReportingMigrator, infrastructure.ReportingDb, infrastructure)
    .WithTokenValidation(identity, settings);

var legal = builder.AddSuiteService<Projects.Cchc_Legal_Api>(
    ResourceNames.LegalApi, ResourceNames.LegalMigrator, infrastructure.LegalDb, infrastructure)
    .WithTokenValidation(identity, settings);

var organisation = builder.AddSuiteService<Projects.Cchc_Organisation_Api>(
    ResourceNames.OrganisationApi, ResourceNames.OrganisationMigrator, infrastructure.DatabaseNamed(ResourceNames.OrganisationDb), infrastructure)
    .WithTokenValidation(identity, settings);

var finance = builder.AddSuiteService<Projects.Cchc_Finance_Api>(
    ResourceNames.FinanceApi, ResourceNames.FinanceMigrator, infrastructure.DatabaseNamed(ResourceNames.FinanceDb), infrastructure)
    .WithTokenValidation(identity, settings);

builder.AddSuiteGateway<Projects.Cchc_Gateway>(settings, procedures, reporting, legal, organisation, finance, identity)
    .WithTokenValidation(identity, settings);

builder.Build().Run();
