using Cchc.Procedures.Api.Extensions;
using Cchc.Procedures.Api.Grpc;
using Cchc.ReferenceData;
using Cchc.Security;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCchcGrpcSecurity();
app.MapGrpcService<ProcedureCatalogGrpcService>();
app.MapGrpcService<DossierGrpcService>();
app.MapGrpcService<FeedbackGrpcService>();
app.MapUnitReference();
app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the service with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
