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

        // 2. Domain-error translation: a DomainException from anything inside becomes the status the contract promises
        //    (INVALID_ARGUMENT, FAILED_PRECONDITION, ALREADY_EXISTS…, with google.rpc.BadRequest naming the fields in
        //    Vietnamese). Inside security, so that the translated status, not an internal error, is what gets audited.
        options.Interceptors.Add<DomainExceptionInterceptor>();

        // 3. Input guard (slot, issue 12 item 4): the one shared check of every request's text, days, instants and
        //    numbers goes here, innermost. It throws DomainException like a handler's validation does, so (2) translates
        //    its refusals and (1) audits them; a caller that security refuses never reaches it.
    }
}
