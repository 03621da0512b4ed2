using System.Diagnostics;
using System.Security.Claims;
using Cchc.Security.Audit;
using Cchc.Security.Audit.Grpc;
using Cchc.Security.Authorization;
using Cchc.Security.Grpc;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using AuditEntry = Cchc.Security.Audit.AuditEntry;

namespace Cchc.Security.Tests;

/// <summary>
/// The security interceptor is the safety net of every call it guards: an unexpected exception is INTERNAL with a
/// Vietnamese message and a correlation id, never UNKNOWN or the exception's text; a refused write is audited whatever
/// the input held; a unit named by the request is checked as text before it is compared.
/// </summary>
public sealed class SafetyNetTests
{
    private const string ListEntries = "/cchc.audit.v1.AuditService/ListEntries";
    private const string VerifyChain = "/cchc.audit.v1.AuditService/VerifyChain";

    private static readonly GrpcRuleTable Rules = GrpcRuleTable.Build(t => t.Service(AuditService.Descriptor, s => s
        .WriteForUnit<ListEntriesRequest>(nameof(AuditService.AuditServiceBase.ListEntries), "audit.read", r => r.Unit, "unit", r => r.PageToken)
        .Read(nameof(AuditService.AuditServiceBase.VerifyChain), "audit.read")));

    private readonly RecordingStore store = new();

    private SecurityInterceptor Interceptor() => new(Rules, new RequestSecurity(), store, NullLogger<SecurityInterceptor>.Instance);

    [Fact]
    public async Task AnUnexpectedFailureOfARead_IsInternal_WithACorrelationId_AndNothingOfTheException()
    {
        using var activity = new Activity("test").Start();
        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor().UnaryServerHandler<VerifyChainRequest, VerifyChainResponse>(
            new VerifyChainRequest(), Call(VerifyChain), (_, _) => throw new InvalidOperationException("SELECT secret FROM clients; Npgsql.PostgresException 22003")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        var id = activity.TraceId.ToHexString();
        Assert.Equal($"Lỗi nội bộ của hệ thống; yêu cầu không được thực hiện. Mã tra cứu: {id}", ex.Status.Detail);
        Assert.Equal(id, ex.GetRpcStatus()?.GetDetail<RequestInfo>()?.RequestId);
        Assert.DoesNotContain("SELECT", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), ex.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(store.Records); // an accepted read is not audited, nor is its failure
    }

    [Fact]
    public async Task AnUnexpectedFailureOfAWrite_IsAuditedAsInternal_AndAnsweredInternal()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor().UnaryServerHandler<ListEntriesRequest, ListEntriesResponse>(
            new ListEntriesRequest { Unit = "UBND huyện Tam Đường", PageToken = "HS-1" }, Call(ListEntries), (_, _) => throw new TimeoutException("db")));

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        var record = Assert.Single(store.Records);
        Assert.Equal((AuditOutcome.Refused, nameof(StatusCode.Internal), "HS-1"), (record.Outcome, record.StatusCode, record.TargetId));
    }

    [Fact]
    public async Task AStatusTheServiceChose_PassesUnchanged()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor().UnaryServerHandler<VerifyChainRequest, VerifyChainResponse>(
            new VerifyChainRequest(), Call(VerifyChain), (_, _) => throw new RpcException(new global::Grpc.Core.Status(StatusCode.NotFound, "không tìm thấy"))));
        Assert.Equal((StatusCode.NotFound, "không tìm thấy"), (ex.StatusCode, ex.Status.Detail));
    }

    [Theory]
    [InlineData("UBND huyện \uFFFE")]
    [InlineData("UBND\0huyện")]
    [InlineData("UBND huyện\u001b")]
    public async Task AMalformedUnitInTheRequest_IsInvalidArgumentNamingItsField_AndTheRefusalIsAudited(string unit)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor().UnaryServerHandler<ListEntriesRequest, ListEntriesResponse>(
            new ListEntriesRequest { Unit = unit }, Call(ListEntries), (_, _) => throw new InvalidOperationException("the service must not run")));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["unit"], ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.Equal(nameof(StatusCode.InvalidArgument), Assert.Single(store.Records).StatusCode);
    }

    [Fact]
    public async Task ATenMegabyteUnit_IsRefusedAsTooLong_NotCompared()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Interceptor().UnaryServerHandler<ListEntriesRequest, ListEntriesResponse>(
            new ListEntriesRequest { Unit = new string('x', 10 * 1024 * 1024) }, Call(ListEntries), (_, _) => throw new InvalidOperationException()));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("dài tối đa 300 ký tự", ex.Status.Detail, StringComparison.Ordinal);
    }

    private static ServerCallContext Call(string method)
    {
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(SecurityScopes.ClientIdClaim, "test-client"), new Claim(SecurityScopes.ScopeClaim, "audit.read"), new Claim(SecurityScopes.UnitClaim, "*")], "test")),
        };
        return new FakeCallContext(method, http);
    }

    private sealed class FakeCallContext(string method, HttpContext http) : ServerCallContext
    {
        private readonly Dictionary<object, object> userState = new() { ["__HttpContext"] = http };

        protected override string MethodCore => method;

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:5000";

        protected override DateTime DeadlineCore => DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => CancellationToken.None;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override global::Grpc.Core.Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore => new(null, []);

        protected override IDictionary<object, object> UserStateCore => userState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }

    /// <summary>An audit store that keeps what it is given (its transactions do nothing).</summary>
    private sealed class RecordingStore : ISecurityStore
    {
        public List<AuditRecord> Records { get; } = [];

        public Task<IDbContextTransaction> BeginWriteAsync(CancellationToken ct) => Task.FromResult<IDbContextTransaction>(new NoTransaction());

        public Task<StoredRequest?> LockRequestAsync(string clientId, string requestId, CancellationToken ct) => Task.FromResult<StoredRequest?>(null);

        public Task SaveRequestAsync(string clientId, string requestId, StoredRequest request, CancellationToken ct) => Task.CompletedTask;

        public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct)
        {
            Records.Add(record);
            return Task.FromResult(new AuditEntry
            {
                ClientId = record.ClientId, Operation = record.Operation, Outcome = record.Outcome, StatusCode = record.StatusCode, PrevHash = "", Hash = "",
            });
        }

        public IAsyncEnumerable<AuditEntry> ReadChainAsync(CancellationToken ct) => AsyncEnumerable.Empty<AuditEntry>();

        public Task<IReadOnlyList<AuditEntry>> ListAsync(string? unit, DateTimeOffset? from, DateTimeOffset? to, long after, int limit, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<AuditEntry>>([]);
    }

    private sealed class NoTransaction : IDbContextTransaction
    {
        public Guid TransactionId { get; } = Guid.NewGuid();

        public void Commit()
        {
        }

        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Rollback()
        {
        }

        public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
