using Cchc.Organisation.Api.Data;
using Cchc.Organisation.Api.Extensions;
using Cchc.Organisation.Api.Grpc;
using Cchc.Security;
using Cchc.ServiceKit;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync<OrganisationDbContext>(b => b.AddOrganisationDatabase());
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCchcGrpcSecurity();
app.MapGrpcService<UnitRegistryGrpcService>();
app.MapGrpcService<StaffingGrpcService>();
app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the service with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
