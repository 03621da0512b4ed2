using Cchc.Legal.Api.Security;
using Cchc.Security;
using Cchc.Contracts;
using Cchc.Legal.Api.Data;
using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Legal.Api.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>
    /// Everything the legal documents service needs besides the service defaults: its database (connection string
    /// "legaldb") with a health check, messaging (connection string "messaging") with the outbox relay, and gRPC
    /// with the domain-error translation.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddLegalDatabase();
        builder.Services.AddHealthChecks().AddDbContextCheck<LegalDbContext>(ResourceNames.LegalDb);
        // The local copy of the unit reference data: its own queue for UnitsChanged, the checker of write paths.
        builder.AddCchcMessaging(bus => bus.AddUnitReference<LegalDbContext>());
        builder.Services.AddOutboxRelay<LegalDbContext>();
        builder.AddCchcGrpcSecurity<LegalDbContext>(LegalAccessRules.Configure);
        builder.Services.AddDefaultGrpc(o =>
        {
            o.AddCchcSecurity(); // outermost: it audits the statuses the domain-error translation produces
            o.Interceptors.Add<DomainExceptionInterceptor>();
        });
        builder.Services.AddCchcInputGuard(); // between the two: refuses input outside docs/api-guide.md "Input rules", audited
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>The Npgsql DbContext, read from ConnectionStrings:legaldb when first resolved.</summary>
    public static IHostApplicationBuilder AddLegalDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContext<LegalDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.LegalDb)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.LegalDb} is not configured.")));
        return builder;
    }
}
