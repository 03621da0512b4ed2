using Cchc.Contracts;
using Cchc.Egov.Api.Data;
using Cchc.Egov.Api.Domain;
using Cchc.Egov.Api.Security;
using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Egov.Api.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>
    /// Everything the e-government metrics service needs besides the service defaults: its database (connection string
    /// "egovdb") with a health check, messaging (connection string "messaging") with the outbox relay, gRPC with the
    /// security rules and the domain-error translation, and the gate every incoming fact's unit and day pass.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddEgovDatabase();
        builder.Services.AddHealthChecks().AddDbContextCheck<EgovDbContext>(ResourceNames.EgovDb);
        // The local copy of the unit reference data: its own queue for UnitsChanged, the checker of write paths.
        builder.AddCchcMessaging(bus => bus.AddUnitReference<EgovDbContext>());
        builder.Services.AddOutboxRelay<EgovDbContext>();
        builder.AddCchcGrpcSecurity<EgovDbContext>(EgovAccessRules.Configure);
        builder.Services.AddDefaultGrpc(o =>
        {
            o.AddCchcSecurity(); // outermost: it audits the statuses the domain-error translation produces
            o.Interceptors.Add<DomainExceptionInterceptor>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IncomingFacts>();
        return builder;
    }

    /// <summary>The Npgsql DbContext, read from ConnectionStrings:egovdb when first resolved.</summary>
    public static IHostApplicationBuilder AddEgovDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContext<EgovDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.EgovDb)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.EgovDb} is not configured.")));
        return builder;
    }
}
