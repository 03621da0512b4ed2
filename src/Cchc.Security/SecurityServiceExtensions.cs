using Cchc.Security.Audit;
using Cchc.Security.Audit.Grpc;
using Cchc.Security.Authorization;
using Cchc.Security.Grpc;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Cchc.Security;

/// <summary>Wires security into a gRPC service: authentication, its rule table, the interceptor, the audit log and its API.</summary>
public static class SecurityServiceExtensions
{
    /// <summary>
    /// Token validation (<see cref="SecurityAuthenticationExtensions.AddCchcAuthentication"/>), the service's rules (plus
    /// those of cchc.audit.v1.AuditService), <see cref="RequestSecurity"/> and the audit/idempotency store on
    /// <typeparamref name="TDbContext"/> (whose model must call AddAuditLog and, for writes, AddIdempotency).
    /// Then add the interceptor first: <c>AddDefaultGrpc(o =&gt; { o.AddCchcSecurity(); ... })</c>.
    /// </summary>
    public static IHostApplicationBuilder AddCchcGrpcSecurity<TDbContext>(this IHostApplicationBuilder builder, Action<GrpcRuleTableBuilder> rules)
        where TDbContext : DbContext
    {
        builder.AddCchcAuthentication();
        builder.Services.AddSingleton(GrpcRuleTable.Build(table =>
        {
            rules(table);
            table.Service(AuditService.Descriptor, audit => audit
                .Read(nameof(AuditService.AuditServiceBase.VerifyChain), SecurityScopes.AuditRead)
                .ReadForUnit<ListEntriesRequest>(nameof(AuditService.AuditServiceBase.ListEntries), SecurityScopes.AuditRead, r => r.Unit, "unit"));
        }));
        builder.Services.AddScoped<RequestSecurity>();
        builder.Services.AddScoped<ISecurityStore, SecurityStore<TDbContext>>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Adds the security interceptor; call before any other interceptor so it sees their statuses.</summary>
    public static GrpcServiceOptions AddCchcSecurity(this GrpcServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Interceptors.Add<SecurityInterceptor>();
        return options;
    }

    /// <summary>Authentication middleware (the interceptor reads its result) and the audit API.</summary>
    public static WebApplication UseCchcGrpcSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.MapGrpcService<AuditGrpcService>();
        return app;
    }
}
