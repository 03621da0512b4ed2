using Cchc.Egov.Api.Data;
using Cchc.Egov.Api.Extensions;
using Cchc.Egov.Api.Grpc;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.ServiceKit;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync<EgovDbContext>(b => b.AddEgovDatabase());
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCchcGrpcSecurity();
app.MapGrpcService<MetricGrpcService>();
app.MapGrpcService<CapabilityGrpcService>();
app.MapUnitReference();
app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the service with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
