using Cchc.Legal.Api.Data;
using Cchc.Legal.Api.Extensions;
using Cchc.Legal.Api.Grpc;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.ServiceKit;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync<LegalDbContext>(b => b.AddLegalDatabase());
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseCchcGrpcSecurity();
app.MapGrpcService<DocumentGrpcService>();
app.MapGrpcService<ReviewGrpcService>();
app.MapGrpcService<CheckGrpcService>();
app.MapUnitReference();
app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the service with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
