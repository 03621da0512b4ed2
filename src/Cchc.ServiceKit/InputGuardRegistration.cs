using System.Collections.ObjectModel;
using Cchc.ServiceKit;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the input guard into a gRPC service (in the DI namespace, like the other Add… registrations).</summary>
public static class InputGuardRegistration
{
    /// <summary>
    /// The input guard of docs/api-guide.md "Input rules" (docs/adr/0015-input-domain.md), in one call made after
    /// <c>AddDefaultGrpc</c>: <see cref="InputGuardInterceptor"/> placed just before <see cref="DomainExceptionInterceptor"/>
    /// — so inside the security interceptor (outermost: it audits the guard's refusals) and outside the domain-error
    /// translation, whatever order the lines run in — and request parsing that lets it refuse what Google.Protobuf cannot
    /// parse (<see cref="TolerantServiceMethodProvider{TService}"/> in place of grpc-dotnet's binder).
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
        services.PostConfigure<GrpcServiceOptions>(PlaceGuard);
        return services;
    }

    /// <summary>Puts the guard right before the domain-error translation (at the end when there is none), once.</summary>
    internal static void PlaceGuard(GrpcServiceOptions options)
    {
        Collection<InterceptorRegistration> interceptors = options.Interceptors;
        if (interceptors.Any(i => i.Type == typeof(InputGuardInterceptor)))
        {
            return;
        }
        var at = interceptors.Select((i, n) => (i.Type, n)).FirstOrDefault(x => x.Type == typeof(DomainExceptionInterceptor)) is { Type: not null } found
            ? found.n
            : interceptors.Count;
        var inner = interceptors.Skip(at).ToList();
        foreach (var registration in inner)
        {
            interceptors.Remove(registration);
        }
        options.Interceptors.Add<InputGuardInterceptor>();
        foreach (var registration in inner)
        {
            interceptors.Add(registration);
        }
    }
}
