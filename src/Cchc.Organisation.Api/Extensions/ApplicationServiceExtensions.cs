using Cchc.Contracts;
using Cchc.Messaging;
using Cchc.Organisation.Api.Data;
using Cchc.Organisation.Api.Security;
using Cchc.Security;
using Cchc.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Organisation.Api.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>
    /// Everything the organisation service needs besides the service defaults: its database (connection string
    /// "organisationdb") with a health check, messaging with the outbox relay, security and gRPC with the
    /// domain-error translation.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddOrganisationDatabase();
        builder.Services.AddHealthChecks().AddDbContextCheck<OrganisationDbContext>(ResourceNames.OrganisationDb);
        builder.AddCchcMessaging();
        builder.Services.AddOutboxRelay<OrganisationDbContext>();
        builder.AddCchcGrpcSecurity<OrganisationDbContext>(OrganisationAccessRules.Configure);
        builder.Services.AddDefaultGrpc(o =>
        {
            o.AddCchcSecurity(); // outermost: it audits the statuses the domain-error translation produces
            o.Interceptors.Add<DomainExceptionInterceptor>();
        });
        builder.Services.AddCchcInputGuard(); // between the two: refuses input outside docs/api-guide.md "Input rules", audited
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>The Npgsql DbContext, read from ConnectionStrings:organisationdb when first resolved.</summary>
    public static IHostApplicationBuilder AddOrganisationDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContext<OrganisationDbContext>((services, options) =>
            options.UseNpgsql(services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.OrganisationDb)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.OrganisationDb} is not configured.")));
        return builder;
    }
}
