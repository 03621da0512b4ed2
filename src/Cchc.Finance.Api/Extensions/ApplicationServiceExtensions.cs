using Cchc.Contracts;
using Cchc.Finance.Api.Data;
using Cchc.Finance.Api.Domain;
using Cchc.Finance.Api.Security;
using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Finance.Api.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>
    /// Everything the public finance service needs besides the service defaults: its database (connection string
    /// "financedb") with a health check, messaging (connection string "messaging") with the outbox relay, gRPC with the
    /// rule table and the domain-error translation, and the one check of incoming units and days.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddFinanceDatabase();
        builder.Services.AddHealthChecks().AddDbContextCheck<FinanceDbContext>(ResourceNames.FinanceDb);
        // The local copy of the unit reference data: its own queue for UnitsChanged, the checker of write paths.
        builder.AddCchcMessaging(bus => bus.AddUnitReference<FinanceDbContext>());
        builder.Services.AddOutboxRelay<FinanceDbContext>();
        builder.AddCchcGrpcSecurity<FinanceDbContext>(FinanceAccessRules.Configure);
        builder.Services.AddDefaultGrpc(o =>
        {
            o.AddCchcSecurity(); // outermost: it audits the statuses the domain-error translation produces
            o.Interceptors.Add<DomainExceptionInterceptor>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IncomingFactCheck>();
        return builder;
    }

    /// <summary>The Npgsql DbContext, read from ConnectionStrings:financedb when first resolved.</summary>
    public static IHostApplicationBuilder AddFinanceDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContext<FinanceDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.FinanceDb)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.FinanceDb} is not configured.")));
        return builder;
    }
}
