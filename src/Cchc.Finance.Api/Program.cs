using Cchc.Finance.Api.Data;
using Cchc.Finance.Api.Extensions;
using Cchc.Finance.Api.Grpc;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.ServiceKit;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync<FinanceDbContext>(b => b.AddFinanceDatabase());
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCchcGrpcSecurity();
app.MapGrpcService<AutonomyGrpcService>();
app.MapGrpcService<BudgetGrpcService>();
app.MapUnitReference();
app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the service with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
