using Cchc.Contracts;
using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.Procedures.Api.Data;
using Cchc.Procedures.Api.Grpc;
using Cchc.Procedures.Api.Security;
using Cchc.Security;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Procedures.Api.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>
    /// Everything the procedures service needs besides the service defaults: its database (connection string
    /// "proceduresdb") with a health check, messaging (connection string "messaging") with the outbox relay,
    /// security (tokens, rules, audit, idempotency) and gRPC with the domain-error translation.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddProceduresDatabase();
        builder.Services.AddHealthChecks().AddDbContextCheck<ProceduresDbContext>(ResourceNames.ProceduresDb);
        // The local copy of the unit reference data: its own queue for UnitsChanged, the checker of write paths.
        builder.AddCchcMessaging(bus => bus.AddUnitReference<ProceduresDbContext>());
        builder.Services.AddOutboxRelay<ProceduresDbContext>();
        builder.AddCchcGrpcSecurity<ProceduresDbContext>(ProceduresAccessRules.Configure);
        builder.Services.AddDefaultGrpc(o =>
        {
            o.AddCchcSecurity(); // outermost: it audits the statuses the domain-error translation produces
            o.Interceptors.Add<DomainExceptionInterceptor>();
        });
        builder.Services.AddCchcInputGuard(); // between the two: refuses input outside docs/api-guide.md "Input rules", audited
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>The Npgsql DbContext, read from ConnectionStrings:proceduresdb when first resolved.</summary>
    public static IHostApplicationBuilder AddProceduresDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContext<ProceduresDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.ProceduresDb)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.ProceduresDb} is not configured.")));
        return builder;
    }
}
