using Cchc.Security;
using Grpc.AspNetCore.Server;

namespace Cchc.ServiceKit.Hosting;

/// <summary>
/// The gRPC interceptors of every domain service, in their one order. The first added is the outermost: it sees the
/// call first and the status it ends with last.
/// </summary>
public static class DomainInterceptors
{
    /// <summary>Adds them, outermost first. <see cref="DomainService{TDbContext}"/> is the only caller.</summary>
    public static void Add(GrpcServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // 1. Security, outermost: authenticates the caller, applies the service's rule table (scope, unit) and audits
        //    every write with the status the call ends with. Outermost so that the refusals of every interceptor inside
        //    it and of the handler are audited, and so that nothing else runs for a caller it refuses.
        options.AddCchcSecurity();

        // 2. Input guard (docs/api-guide.md "Input rules", docs/adr/0015-input-domain.md): the one shared check of every
        //    request's text, days, instants and numbers, and of requests Google.Protobuf could not parse. Inside
        //    security, so that its refusals are audited and a caller security refuses never reaches it; outside the
        //    domain-error translation, so the translation sees only input inside the domain. (Its request parsing is
        //    registered by DomainService with AddCchcInputGuard.)
        options.Interceptors.Add<InputGuardInterceptor>();

        // 3. Domain-error translation: a DomainException from anything inside becomes the status the contract promises
        //    (INVALID_ARGUMENT, FAILED_PRECONDITION, ALREADY_EXISTS…, with google.rpc.BadRequest naming the fields in
        //    Vietnamese), as do the input guard's refusals of a stream's records, read inside the handler.
        options.Interceptors.Add<DomainExceptionInterceptor>();
    }
}
