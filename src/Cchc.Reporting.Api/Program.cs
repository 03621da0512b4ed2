using Cchc.Reporting.Api.Reports.Http;
using Cchc.Reporting.Api.Extensions;
using Cchc.Reporting.Api.Reports.Grpc;
using Cchc.Reporting.Api.Reports.Pages;
using Cchc.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

if (args is ["migrate"])
{
    await app.MigrateDatabaseAsync();
    return;
}

app.UseCchcGrpcSecurity();
app.MapGrpcService<ReportingGrpcService>();
app.MapReportApi();
app.MapReportPages();
app.MapDefaultEndpoints();

app.Run();
