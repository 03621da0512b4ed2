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

var procedures = builder.AddSuiteService<Projects.Cchc_Procedures_Api>(
    ResourceNames.ProceduresApi, ResourceNames.ProceduresMigrator, infrastructure.ProceduresDb, infrastructure);
var reporting = builder.AddSuiteService<Projects.Cchc_Reporting_Api>(
    ResourceNames.ReportingApi, ResourceNames.ReportingMigrator, infrastructure.ReportingDb, infrastructure);

var legal = builder.AddSuiteService<Projects.Cchc_Legal_Api>(
    ResourceNames.LegalApi, ResourceNames.LegalMigrator, infrastructure.LegalDb, infrastructure);

builder.AddSuiteGateway<Projects.Cchc_Gateway>(settings, procedures, reporting, legal);

builder.Build().Run();
