using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Cchc.Security.Audit;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Code = Google.Rpc.Code;
using RequestInfo = Google.Rpc.RequestInfo;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Cchc.Security.Grpc;

/// <summary>
/// The service-side guard of every gRPC call, deny by default: open standard services (health, reflection) pass;
/// a method without a rule is PermissionDenied; no valid token is Unauthenticated; a missing scope or a foreign unit is
/// PermissionDenied. An admitted write runs in one transaction with its idempotency record (header
/// <see cref="RequestIdHeader"/>) and its audit entry; every refused write, and every call refused by security, is
/// audited too. Register it first (outermost), before interceptors that translate domain errors. It is also the safety net
/// of every call it guards: an unexpected exception (anything but an RpcException, or a cancellation by the caller)
/// is logged with its details and answered INTERNAL with a Vietnamese message and a correlation id (the trace id, also
/// in a google.rpc.RequestInfo) — never UNKNOWN, never a stack trace, SQL or type name.
/// </summary>
public sealed class SecurityInterceptor(GrpcRuleTable rules, RequestSecurity security, ISecurityStore store, ILogger<SecurityInterceptor> logger)
    : Interceptor
{
    /// <summary>The request-id header that makes a write idempotent (IETF draft "The Idempotency-Key HTTP Header Field").</summary>
    public const string RequestIdHeader = "idempotency-key";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (GrpcRuleTable.IsOpen(context.Method))
        {
            return await continuation(request, context);
        }
        var rule = rules.Find(context.Method);
        try
        {
            Admit(context, rule, request as IMessage);
            return rule!.IsWrite
                ? await WriteAsync(context, ToBytes(request), () => continuation(request, context), null)
                : await continuation(request, context);
        }
        catch (Exception ex) when (ShouldAudit(rule, ex))
        {
            await AuditRefusedAsync(context, ex);
            if (IsUnexpected(context, ex))
            {
                throw Internal(context, ex);
            }
            throw;
        }
        catch (Exception ex) when (IsUnexpected(context, ex))
        {
            throw Internal(context, ex);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (GrpcRuleTable.IsOpen(context.Method))
        {
            return await continuation(requestStream, context);
        }
        var rule = rules.Find(context.Method);
        try
        {
            Admit(context, rule, null);
            if (!rule!.IsWrite)
            {
                return await continuation(requestStream, context);
            }
            var hashing = new HashingStreamReader<TRequest>(requestStream);
            return await WriteAsync(context, null, () => continuation(hashing, context), hashing);
        }
        catch (Exception ex) when (ShouldAudit(rule, ex))
        {
            await AuditRefusedAsync(context, ex);
            if (IsUnexpected(context, ex))
            {
                throw Internal(context, ex);
            }
            throw;
        }
        catch (Exception ex) when (IsUnexpected(context, ex))
        {
            throw Internal(context, ex);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!GrpcRuleTable.IsOpen(context.Method))
        {
            var rule = rules.Find(context.Method);
            try
            {
                Admit(context, rule, request as IMessage);
                if (rule!.IsWrite)
                {
                    throw new RpcException(new Status(StatusCode.Unimplemented, "server-streaming writes are not supported by the security layer"));
                }
            }
            catch (Exception ex) when (ShouldAudit(rule, ex))
            {
                await AuditRefusedAsync(context, ex);
                throw;
            }
        }
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (IsUnexpected(context, ex))
        {
            throw Internal(context, ex);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!GrpcRuleTable.IsOpen(context.Method))
        {
            var rule = rules.Find(context.Method);
            try
            {
                Admit(context, rule, null);
                if (rule!.IsWrite)
                {
                    throw new RpcException(new Status(StatusCode.Unimplemented, "duplex writes are not supported by the security layer"));
                }
            }
            catch (Exception ex) when (ShouldAudit(rule, ex))
            {
                await AuditRefusedAsync(context, ex);
                throw;
            }
        }
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (IsUnexpected(context, ex))
        {
            throw Internal(context, ex);
        }
    }

    /// <summary>Rule, token, scope, request id and (when the request names it) unit; throws the refusal.</summary>
    private void Admit(ServerCallContext context, GrpcRule? rule, IMessage? request)
    {
        security.Rule = rule;
        security.Caller = Caller.From(context.GetHttpContext().User);
        var header = context.RequestHeaders.GetValue(RequestIdHeader);
        if (rule is null)
        {
            throw SecurityErrors.NoRule(context.Method);
        }
        if (request is not null)
        {
            security.TargetId = rule.TargetOf?.Invoke(request);
        }
        var caller = security.Caller ?? throw SecurityErrors.Unauthenticated();
        if (!caller.HasScope(rule.Scope))
        {
            throw SecurityErrors.MissingScope(caller.ClientId, rule.Scope);
        }
        if (header is not null)
        {
            if (header.Length is 0 or > 200 || header.Any(c => c is < '!' or > '~'))
            {
                throw SecurityErrors.RequestIdInvalid(RequestIdHeader);
            }
            security.RequestId = header;
        }
        switch (rule.Unit)
        {
            case UnitCheck.Province:
                security.EnsureProvince();
                break;
            case UnitCheck.FromRequest when request is not null:
                var unit = rule.UnitOf!(request);
                EnsureWellFormedUnit(unit, rule.UnitField);
                security.EnsureUnit(unit, rule.UnitField);
                break;
        }
    }

    private async Task<TResponse> WriteAsync<TResponse>(ServerCallContext context, byte[]? requestBytes, Func<Task<TResponse>> handler, IRequestHash? streamed)
    {
        var caller = security.Caller!;
        var requestId = security.RequestId;
        var ct = context.CancellationToken;
        await using var transaction = await store.BeginWriteAsync(ct);
        if (requestId is not null)
        {
            var stored = await store.LockRequestAsync(caller.ClientId, requestId, ct);
            if (stored is not null)
            {
                var hash = requestBytes is not null ? Hash(context.Method, requestBytes) : await streamed!.DrainAndHashAsync(context.Method, ct);
                if (stored.Operation != context.Method || !hash.AsSpan().SequenceEqual(stored.RequestHash))
                {
                    throw SecurityErrors.RequestIdReused(RequestIdHeader, requestId);
                }
                var replay = Parse<TResponse>(stored.Response);
                await store.AppendAsync(Record(context, AuditOutcome.Replayed, StatusCode.OK), CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                return replay;
            }
        }
        var response = await handler();
        if (requestId is not null)
        {
            var hash = requestBytes is not null ? Hash(context.Method, requestBytes) : streamed!.Hash(context.Method);
            await store.SaveRequestAsync(caller.ClientId, requestId, new StoredRequest(context.Method, hash, ToBytes(response)), CancellationToken.None);
        }
        await store.AppendAsync(Record(context, AuditOutcome.Accepted, StatusCode.OK), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return response;
    }

    /// <summary>
    /// The unit named by the request obeys the input domain's text rules before it is compared with the caller's units
    /// (the comparison normalises it, which a malformed text such as one holding U+FFFE would fail): INVALID_ARGUMENT
    /// naming the field otherwise, as the input guard would.
    /// </summary>
    private static void EnsureWellFormedUnit(string? unit, string field)
    {
        if (unit is null)
        {
            return;
        }
        var problem = unit.Length > InputDomain.MaxNameLength ? KitMessages.TooLong(InputDomain.MaxNameLength) : InputText.Problem(unit, multiLine: false);
        if (problem is not null)
        {
            throw DomainExceptionInterceptor.ToRpcException(DomainException.Invalid(field, problem));
        }
    }

    /// <summary>Whether <paramref name="ex"/> is a failure the service did not mean: not a status it chose, not the caller's cancellation.</summary>
    private static bool IsUnexpected(ServerCallContext context, Exception ex) =>
        ex is not RpcException && !(ex is OperationCanceledException or IOException && context.CancellationToken.IsCancellationRequested);

    /// <summary>INTERNAL with a Vietnamese message and the correlation id; the details go to the log (and the trace).</summary>
    private RpcException Internal(ServerCallContext context, Exception ex)
    {
        var correlationId = Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.GetHttpContext().TraceIdentifier;
        logger.LogError(ex, "Unexpected failure in {Method} (correlation id {CorrelationId})", context.Method, correlationId);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
        var status = new Google.Rpc.Status { Code = (int)Code.Internal, Message = KitMessages.Internal(correlationId) };
        status.Details.Add(Any.Pack(new RequestInfo { RequestId = correlationId }));
        return status.ToRpcException();
    }

    /// <summary>Writes are audited whatever refused them; reads only when security refused them.</summary>
    private static bool ShouldAudit(GrpcRule? rule, Exception ex) =>
        rule is { IsWrite: true } ||
        ex is RpcException { StatusCode: StatusCode.Unauthenticated or StatusCode.PermissionDenied };

    private async Task AuditRefusedAsync(ServerCallContext context, Exception ex)
    {
        var status = ex switch
        {
            RpcException rpc => rpc.StatusCode,
            OperationCanceledException => StatusCode.Cancelled,
            _ => StatusCode.Internal,
        };
        try
        {
            await store.AppendAsync(Record(context, AuditOutcome.Refused, status), CancellationToken.None);
        }
        catch (Exception auditError) when (auditError is not OutOfMemoryException)
        {
            // The refusal stands; the missing entry must be visible to operators.
            logger.LogError(auditError, "Could not audit a refused call to {Method} ({Status})", context.Method, status);
        }
    }

    private AuditRecord Record(ServerCallContext context, string outcome, StatusCode status) => new(
        security.Caller?.ClientId ?? Caller.Anonymous,
        security.Unit,
        context.Method,
        security.TargetId,
        security.RequestId ?? (Activity.Current is { } activity ? "trace:" + activity.TraceId.ToHexString() : null),
        outcome,
        status.ToString());

    private static byte[] ToBytes<T>(T message) =>
        message is IMessage m ? m.ToByteArray() : throw new InvalidOperationException($"{typeof(T)} is not a protobuf message.");

    private static T Parse<T>(byte[] bytes)
    {
        var message = (IMessage)Activator.CreateInstance(typeof(T))!;
        message.MergeFrom(bytes);
        return (T)message;
    }

    internal static byte[] Hash(string method, byte[] request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(method + "\n"));
        sha.AppendData(request);
        return sha.GetHashAndReset();
    }

    private interface IRequestHash
    {
        byte[] Hash(string method);

        Task<byte[]> DrainAndHashAsync(string method, CancellationToken ct);
    }

    /// <summary>Hashes each streamed message (length-prefixed) as the service reads it, so a streamed write can be idempotent too.</summary>
    private sealed class HashingStreamReader<T>(IAsyncStreamReader<T> inner) : IAsyncStreamReader<T>, IRequestHash
    {
        private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken))
            {
                return false;
            }
            var bytes = ToBytes(inner.Current);
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
            return true;
        }

        public byte[] Hash(string method)
        {
            var body = sha.GetHashAndReset();
            return SecurityInterceptor.Hash(method, body);
        }

        public async Task<byte[]> DrainAndHashAsync(string method, CancellationToken ct)
        {
            while (await MoveNext(ct))
            {
            }
            return Hash(method);
        }
    }
}
