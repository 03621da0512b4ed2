using Cchc.ServiceKit;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the input guard into a gRPC service (in the DI namespace, like the other Add… registrations).</summary>
public static class InputGuardRegistration
{
    /// <summary>
    /// The input guard's request parsing (docs/api-guide.md "Input rules", docs/adr/0015-input-domain.md), in one call
    /// made after <c>AddDefaultGrpc</c>: <see cref="TolerantServiceMethodProvider{TService}"/> in place of grpc-dotnet's
    /// binder, so that <see cref="InputGuardInterceptor"/> can refuse what Google.Protobuf cannot parse. The interceptor
    /// itself is placed by the domain-service template's one interceptor order (Cchc.ServiceKit.Hosting's
    /// DomainInterceptors: security, the guard, the domain-error translation).
    /// </summary>
    public static IServiceCollection AddCchcInputGuard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddGrpc();
        var binder = services.SingleOrDefault(d => d.ServiceType == typeof(IServiceMethodProvider<>)
            && d.ImplementationType is { Name: "BinderServiceMethodProvider`1" } type && type.Assembly == typeof(GrpcServiceOptions).Assembly);
        if (binder is not null)
        {
            services.Remove(binder);
        }
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(TolerantServiceMethodProvider<>)));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
