using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Grpc.Core.Status;

namespace Cchc.Cli.Tests.Import;

/// <summary>
/// DossierService.ImportDossierBatches as the service behaves, in memory: all or nothing per call, the first bad record
/// refuses the call with a google.rpc.BadRequest naming "records[i].field"; ids starting with "BAD" have a bad due_at,
/// ids starting with "ODD" are refused without naming a record; ids starting with "LOCK" are dated in an approved period
/// (FAILED_PRECONDITION naming records[i].received_at, as the period lock answers, ADR 0035); records already held count
/// as unchanged.
/// </summary>
internal sealed class FakeDossierImports : CallInvoker
{
    private readonly Lock _lock = new();

    public HashSet<string> Stored { get; } = new(StringComparer.Ordinal);

    public int Calls { get; private set; }

    /// <summary>The period lock's refusal as the procedures service words it (PeriodLockMessages.Locked).</summary>
    public const string LockedMessage =
        "ngày 05/03/2019 thuộc kỳ báo cáo 2019 đã được phê duyệt ngày 06/12/2026 bởi cchc-approver (phiên bản 1); cần quyền điều chỉnh (facts.correct) và lý do";

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        if (method.FullName != "/cchc.procedures.v1.DossierService/ImportDossierBatches")
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));
        }
        var writer = new Writer<TRequest>();
        var response = writer.Completed.Task.ContinueWith(_ => (TResponse)(object)Import(writer.Messages.Cast<DossierRecordBatch>().SelectMany(b => b.Records).ToList()),
            options.CancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return new AsyncClientStreamingCall<TRequest, TResponse>(writer, response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    private ImportDossiersResponse Import(List<DossierRecord> records)
    {
        lock (_lock)
        {
            Calls++;
            for (var i = 0; i < records.Count; i++)
            {
                if (records[i].DossierId.StartsWith("BAD", StringComparison.Ordinal))
                {
                    var status = new Google.Rpc.Status
                    {
                        Code = (int)Code.InvalidArgument,
                        Message = $"records[{i}].due_at: hạn trả kết quả phải sau ngày tiếp nhận",
                        Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = $"records[{i}].due_at", Description = "hạn trả kết quả phải sau ngày tiếp nhận" } } }) },
                    };
                    throw status.ToRpcException();
                }
                if (records[i].DossierId.StartsWith("LOCK", StringComparison.Ordinal))
                {
                    var status = new Google.Rpc.Status
                    {
                        Code = (int)Code.FailedPrecondition,
                        Message = $"records[{i}].received_at: {LockedMessage}",
                        Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = $"records[{i}].received_at", Description = LockedMessage } } }) },
                    };
                    throw status.ToRpcException();
                }
                if (records[i].DossierId.StartsWith("ODD", StringComparison.Ordinal))
                {
                    throw new RpcException(new Status(StatusCode.FailedPrecondition, "không nhận được lô này"));
                }
            }
            var inserted = records.Count(r => Stored.Add(r.DossierId));
            return new ImportDossiersResponse { Records = records.Count, Inserted = inserted, Unchanged = records.Count - inserted };
        }
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));

    private sealed class Writer<T> : IClientStreamWriter<T>
    {
        public List<T> Messages { get; } = [];

        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(T message)
        {
            Messages.Add(message);
            return Task.CompletedTask;
        }

        public Task WriteAsync(T message, CancellationToken cancellationToken) => WriteAsync(message);

        public Task CompleteAsync()
        {
            Completed.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
