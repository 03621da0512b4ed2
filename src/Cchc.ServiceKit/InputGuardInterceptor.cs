using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Cchc.ServiceKit;

/// <summary>
/// The input guard: refuses, before the service sees it, every request that leaves the documented input domain by a
/// universal rule (<see cref="RequestInspector"/>: text, enums, numbers, instants) or that could not be parsed
/// (<see cref="TolerantRequestParsing"/>), with INVALID_ARGUMENT naming each field at fault in Vietnamese; strings
/// that pass are put in Unicode NFC. A client stream is checked record by record as the service reads it, the records
/// named "records[i]." and counted across the call (a stream of batches — messages whose only field is a repeated
/// <c>records</c> — counts the records inside the batches). Registered between the security interceptor (outside: it
/// audits the refusal) and the domain-error translation (inside) by the domain-service template's interceptor order; its
/// request parsing by <see cref="Microsoft.Extensions.DependencyInjection.InputGuardRegistration.AddCchcInputGuard"/>.
/// </summary>
public sealed class InputGuardInterceptor(TimeProvider clock) : Interceptor
{
    /// <summary>How stream records are named in refusals: "records[999].name".</summary>
    public const string RecordsName = "records";

    private readonly RequestInspector inspector = new(clock);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request, string.Empty, "request");
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new GuardedReader<TRequest>(requestStream, this), context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request, string.Empty, "request");
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new GuardedReader<TRequest>(requestStream, this), responseStream, context);

    /// <summary>Throws INVALID_ARGUMENT naming every field of <paramref name="message"/> outside the domain.</summary>
    private void Check(object? message, string prefix, string wholeName)
    {
        if (message is not IMessage m)
        {
            return;
        }
        if (TolerantRequestParsing.IsUnreadable(m))
        {
            throw Refusal([new FieldViolation(wholeName, KitMessages.Unreadable)]);
        }
        var violations = inspector.Inspect(m, prefix);
        if (violations.Count > 0)
        {
            throw Refusal(violations);
        }
    }

    private static RpcException Refusal(IReadOnlyList<FieldViolation> violations) =>
        DomainExceptionInterceptor.ToRpcException(DomainException.Invalid(violations));

    /// <summary>The single repeated message field named "records" of a batch message, if <paramref name="descriptor"/> is one.</summary>
    private static FieldDescriptor? BatchField(MessageDescriptor descriptor) =>
        descriptor.Fields.InDeclarationOrder() is [{ IsRepeated: true, IsMap: false, FieldType: FieldType.Message, Name: RecordsName } records]
            ? records
            : null;

    private sealed class GuardedReader<T>(IAsyncStreamReader<T> inner, InputGuardInterceptor guard) : IAsyncStreamReader<T>
    {
        private int records;

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken))
            {
                return false;
            }
            var current = inner.Current;
            if (current is IMessage message && BatchField(message.Descriptor) is { } batch && !TolerantRequestParsing.IsUnreadable(message))
            {
                var list = (System.Collections.IList)batch.Accessor.GetValue(message);
                foreach (var record in list)
                {
                    var name = $"{RecordsName}[{records}]";
                    guard.Check(record, name + ".", name);
                    records++;
                }
            }
            else
            {
                var name = $"{RecordsName}[{records}]";
                guard.Check(current, name + ".", name);
                records++;
            }
            return true;
        }
    }
}
