using Cchc.Reporting.Api.Approvals;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Extensions;
using Cchc.Reporting.Api.Programme;
using Cchc.Reporting.Api.Rebuild;
using Cchc.Reporting.Api.Reports.Export;
using Cchc.Reporting.Api.Reports.Grpc;
using Cchc.Reporting.Api.Reports.Http;
using Cchc.Reporting.Api.Reports.Pages;
using Cchc.Reporting.Api.Reports.Scope;
using Cchc.Reporting.Api.Reports.Validation;
using Cchc.Security;
using Cchc.ServiceKit;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync<ReportingDbContext>(b => b.AddReportingDatabase());
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
// On one machine the AppHost has the service migrate here, before anything in it starts (Database:MigrateAtStart, ADR 0047).
await MigrateCommand.MigrateAtStartAsync<ReportingDbContext>(app);
await BrokerWait.WaitAtStartAsync(app); // Messaging:WaitForBrokerAtStart (ADR 0048)
app.UseErrorResponses(); // first: no exception reaches the developer exception page the Development environment adds
app.UseCchcGrpcSecurity();
app.MapGrpcService<ReportingGrpcService>();
app.MapReportApi();
app.MapApprovalApi();
app.MapRebuildApi(); // rebuilding the read model from the domain services (Rebuild/, ADR 0040)
app.MapReportPages();
app.MapKeyFiguresPage(); // the body's key figures and the trend charts (Reports/Pages/KeyFiguresPage.cs)
app.MapDrillDownApi(); // scope and drill-down (Reports/Scope, ADRs 0037-0038)
app.MapDrillDownPages();
app.MapCompleteness(); // what units owe and have sent (Programme/Completeness.cs)
app.MapValidationApi();
app.MapCheckPages();
app.MapExportApi();
app.MapGet("/", () => Results.Redirect("/reports")).ExcludeFromDescription(); // the root leads to the report
app.MapOpenApi(); // /openapi/v1.json: the REST read side
app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the service with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
