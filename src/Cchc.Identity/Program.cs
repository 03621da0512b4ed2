using Cchc.Identity.Extensions;

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync();
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServer();

var app = builder.Build();
// On one machine the AppHost has the service migrate and register its clients here, before it serves (ADR 0047).
if (await MigrateCommand.MigrateAtStartAsync(app) is var failed and not 0)
{
    return failed;
}
// Behind the gateway: the public host and scheme (X-Forwarded-Host/-Proto, sent by YARP) make the discovery document
// name the public endpoints; called directly, it names the internal ones. Trusted from loopback proxies only, unless
// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (a cluster, where the gateway is another pod).
app.UseForwardedHeaders();
app.UseAuthentication();
app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the service with WebApplicationFactory&lt;Program&gt;.</summary>
public partial class Program;
