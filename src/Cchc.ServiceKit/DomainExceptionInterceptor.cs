using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Cchc.ServiceKit;

/// <summary>
/// Turns a <see cref="DomainException"/> into the RpcException the contract promises: the status code of its
/// kind, its message, and a google.rpc.BadRequest carrying the field violations.
/// </summary>
public sealed class DomainExceptionInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (DomainException ex)
        {
            throw ToRpcException(ex);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (DomainException ex)
        {
            throw ToRpcException(ex);
        }
    }

    public static RpcException ToRpcException(DomainException ex)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)(ex.Kind switch
            {
                ErrorKind.InvalidArgument => Code.InvalidArgument,
                ErrorKind.NotFound => Code.NotFound,
                ErrorKind.AlreadyExists => Code.AlreadyExists,
                ErrorKind.FailedPrecondition => Code.FailedPrecondition,
                ErrorKind.Aborted => Code.Aborted,
                _ => Code.Internal,
            }),
            Message = ex.Message,
        };
        if (ex.Violations.Count > 0)
        {
            var details = new BadRequest();
            details.FieldViolations.AddRange(ex.Violations.Select(v =>
                new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
            status.Details.Add(Any.Pack(details));
        }
        return status.ToRpcException();
    }
}
