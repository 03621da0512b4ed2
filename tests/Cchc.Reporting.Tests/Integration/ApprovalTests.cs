using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cchc.Contracts.Events.Procedures;
using Cchc.Contracts.Events.Reporting;
using Cchc.Reporting.Api.Approvals;
using Cchc.Reporting.Api.Grpc;
using Cchc.Reporting.Api.Procedures;
using Cchc.Testing;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// Approval of a period (docs/adr/0028): a snapshot of every cell with its hash and versions, the event for the domain
/// services, the audit; the report shows "đã phê duyệt" and the cells that changed since; withdrawal; corrections shown.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ApprovalTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly Method<ApprovePeriodRequest, PeriodApproval> Approve = Unary<ApprovePeriodRequest, PeriodApproval>(
        "ApprovePeriod", ApprovePeriodRequest.Parser, PeriodApproval.Parser);

    private static readonly Method<WithdrawPeriodApprovalRequest, PeriodApproval> Withdraw = Unary<WithdrawPeriodApprovalRequest, PeriodApproval>(
        "WithdrawPeriodApproval", WithdrawPeriodApprovalRequest.Parser, PeriodApproval.Parser);

    private static readonly Method<ListPeriodApprovalsRequest, ListPeriodApprovalsResponse> List = Unary<ListPeriodApprovalsRequest, ListPeriodApprovalsResponse>(
        "ListPeriodApprovals", ListPeriodApprovalsRequest.Parser, ListPeriodApprovalsResponse.Parser);

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name, MessageParser<TRequest> request, MessageParser<TResponse> response)
        where TRequest : IMessage<TRequest> where TResponse : IMessage<TResponse> =>
        new(MethodType.Unary, "cchc.reporting.v1.ReportingService", name,
            Marshallers.Create(r => r.ToByteArray(), request.ParseFrom), Marshallers.Create(r => r.ToByteArray(), response.ParseFrom));

    private ReportingApp _app = null!;
    private HttpClient _approver = null!;
    private HttpClient _reader = null!;

    public async Task InitializeAsync()
    {
        _app = await ReportingApp.StartAsync(postgres, "approvals");
        _approver = _app.CreateClient(_app.Issuer.CreateToken("cchc-approver", ["reporting.read", "reporting.approve"], ["*"]));
        _reader = _app.CreateClient();
        await FeedbackAsync("f-1", new DateTimeOffset(2005, 3, 1, 3, 0, 0, TimeSpan.Zero));
        await FeedbackAsync("f-2", new DateTimeOffset(2005, 6, 1, 3, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync()
    {
        _approver.Dispose();
        _reader.Dispose();
        await _app.DisposeAsync();
    }

    private Task FeedbackAsync(string id, DateTimeOffset receivedAt) =>
        _app.ConsumeAsync<FeedbackRecordedConsumer, FeedbackRecorded>(new()
        {
            Items = [new FeedbackState { FeedbackId = id, Version = 1, ReceivedAt = receivedAt }],
            OccurredAt = receivedAt,
        });

    private async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Approving_SnapshotsEveryCellWithItsHash_ShowsTheApproval_AndTheDiffOfWhatChangedSince()
    {
        using var approved = await _approver.PostAsJsonAsync("/api/reports/approvals", new { period = "2005" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approval = JsonDocument.Parse(await approved.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, approval.GetProperty("version").GetInt32());
        Assert.Equal("cchc-approver", approval.GetProperty("approvedBy").GetString());

        // The stored snapshot hashes to the content hash, and holds every value cell of every appendix.
        var v1 = (await JsonAsync(_reader, "/api/reports/approvals?period=2005&version=1")).GetProperty("versions")[0];
        var snapshot = v1.GetProperty("snapshot").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot))), v1.GetProperty("contentHash").GetString());
        var cells = ApprovalSnapshot.Cells(snapshot);
        Assert.Equal(2m, cells[(3, FeedbackIndicators.Received)]!.GetValue<decimal>());
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var appendices = scope.ServiceProvider.GetRequiredService<Cchc.Reporting.Api.Reports.AppendixCalculator>().Appendices;
            Assert.Equal(appendices.Sum(a => a.Rows.Count(r => !r.Heading)), cells.Count);
        }

        // Approved and unchanged: the report says so, with no diff.
        var report = await JsonAsync(_reader, "/api/reports/appendices/3?periods=2005,2006");
        var status = Assert.Single(report.GetProperty("approvals").EnumerateArray());
        Assert.Equal("2005", status.GetProperty("period").GetString());
        Assert.StartsWith("Đã phê duyệt ngày ", status.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("bởi cchc-approver (phiên bản 1)", status.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Empty(status.GetProperty("changes").EnumerateArray());

        // A fact arrives for the period (a correction, say): the snapshot stays, the report shows both values.
        await FeedbackAsync("f-3", new DateTimeOffset(2005, 9, 1, 3, 0, 0, TimeSpan.Zero));
        report = await JsonAsync(_reader, "/api/reports/appendices/3?periods=2005");
        var change = Assert.Single(report.GetProperty("approvals")[0].GetProperty("changes").EnumerateArray());
        Assert.Equal((FeedbackIndicators.Received, 2m, 3m),
            (change.GetProperty("indicator").GetString(), change.GetProperty("approved").GetDecimal(), change.GetProperty("current").GetDecimal()));
        var again = (await JsonAsync(_reader, "/api/reports/approvals?period=2005&version=1")).GetProperty("versions")[0];
        Assert.Equal(snapshot, again.GetProperty("snapshot").GetString());

        var page = await _reader.GetStringAsync("/reports/appendices/3?periods=2005");
        Assert.Contains("Đã phê duyệt ngày", page, StringComparison.Ordinal);
        Assert.Contains("Các ô có số liệu hiện tại khác số liệu đã phê duyệt", page, StringComparison.Ordinal);

        // The approval is audited and its event waits in the outbox for the domain services.
        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE operation = '{ReportApprovals.ApproveOperation}' AND client_id = 'cchc-approver'"));
        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type = '{typeof(PeriodApproved).FullName}' AND payload->>'version' = '1'"));
    }

    [Fact]
    public async Task ReApproval_MakesANewVersion_OldOnesStayReadable_WithdrawalEndsIt_AndTheSnapshotIsImmutable()
    {
        Assert.Equal(HttpStatusCode.OK, (await _approver.PostAsJsonAsync("/api/reports/approvals", new { period = "2006" })).StatusCode);
        await FeedbackAsync("g-1", new DateTimeOffset(2006, 2, 1, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, (await _approver.PostAsJsonAsync("/api/reports/approvals", new { period = "2006" })).StatusCode);

        var versions = (await JsonAsync(_reader, "/api/reports/approvals?period=2006")).GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.NotEqual(versions[0].GetProperty("contentHash").GetString(), versions[1].GetProperty("contentHash").GetString());
        var v1 = ApprovalSnapshot.Cells((await JsonAsync(_reader, "/api/reports/approvals?period=2006&version=1")).GetProperty("versions")[0].GetProperty("snapshot").GetString()!);
        var v2 = ApprovalSnapshot.Cells((await JsonAsync(_reader, "/api/reports/approvals?period=2006&version=2")).GetProperty("versions")[0].GetProperty("snapshot").GetString()!);
        Assert.Equal((0m, 1m), (v1[(3, FeedbackIndicators.Received)]!.GetValue<decimal>(), v2[(3, FeedbackIndicators.Received)]!.GetValue<decimal>()));

        using var withdrawn = await _approver.PostAsJsonAsync("/api/reports/approvals/withdraw", new { period = "2006", reason = "Số liệu PAKN cần rà soát lại" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var report = await JsonAsync(_reader, "/api/reports/appendices/3?periods=2006");
        Assert.False(report.TryGetProperty("approvals", out _));
        var after = (await JsonAsync(_reader, "/api/reports/approvals?period=2006")).GetProperty("versions")[1];
        Assert.Equal(("cchc-approver", "Số liệu PAKN cần rà soát lại"), (after.GetProperty("withdrawnBy").GetString(), after.GetProperty("withdrawalReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await _approver.PostAsJsonAsync("/api/reports/approvals/withdraw", new { period = "2006" })).StatusCode);
        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM audit_entries WHERE operation = '{ReportApprovals.WithdrawOperation}'"));
        Assert.Equal(1L, await ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type = '{typeof(PeriodApprovalWithdrawn).FullName}'"));

        // No one rewrites an approval: the table refuses it.
        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<long>("UPDATE report_approvals SET snapshot = '{}' WHERE version = 1 RETURNING 1"));
        Assert.Contains("immutable", error.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<long>("DELETE FROM report_approvals RETURNING 1"));
    }

    [Fact]
    public async Task OnlyTheApproveRight_Approves_AndABadPeriodIsRefusedInVietnamese()
    {
        using var reader = await _reader.PostAsJsonAsync("/api/reports/approvals", new { period = "2007" });
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        using var bad = await _approver.PostAsJsonAsync("/api/reports/approvals", new { period = "2007,2008" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("kỳ báo cáo", await bad.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM report_approvals WHERE from_day >= '2007-01-01'"));
    }

    [Fact]
    public async Task OverGrpc_ApproveListAndWithdraw_AreTheSame_AndAudited()
    {
        using var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            HttpHandler = _app.CreateHandler(_app.Issuer.CreateToken("cchc-approver", ["reporting.read", "reporting.approve"], ["*"])),
        });
        var client = channel.CreateCallInvoker();
        var approved = await client.AsyncUnaryCall(Approve, null, new CallOptions(), new ApprovePeriodRequest { Period = "2004" });
        Assert.Equal((1, "cchc-approver"), (approved.Version, approved.ApprovedBy));
        var listed = await client.AsyncUnaryCall(List, null, new CallOptions(), new ListPeriodApprovalsRequest { Period = "2004", Version = 1 });
        Assert.Equal(approved.ContentHash, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Assert.Single(listed.Approvals).Snapshot))));
        var withdrawn = await client.AsyncUnaryCall(Withdraw, null, new CallOptions(), new WithdrawPeriodApprovalRequest { Period = "2004", Reason = "thử" });
        Assert.NotEmpty(withdrawn.WithdrawnAt);
        var none = await Assert.ThrowsAsync<RpcException>(async () => await client.AsyncUnaryCall(Withdraw, null, new CallOptions(), new WithdrawPeriodApprovalRequest { Period = "2004" }));
        Assert.Equal(StatusCode.FailedPrecondition, none.StatusCode);
        var invalid = await Assert.ThrowsAsync<RpcException>(async () => await client.AsyncUnaryCall(Approve, null, new CallOptions(), new ApprovePeriodRequest { Period = "x" }));
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal("OK,OK,FailedPrecondition,InvalidArgument", await ScalarAsync<string>(
            "SELECT string_agg(status_code, ',' ORDER BY sequence) FROM audit_entries WHERE operation LIKE '/cchc.reporting.v1.ReportingService/%Period%' AND operation NOT LIKE '%List%'"));
    }

    [Fact]
    public async Task ACorrectionAcceptedByADomainService_IsShownWithTheApproval()
    {
        Assert.Equal(HttpStatusCode.OK, (await _approver.PostAsJsonAsync("/api/reports/approvals", new { period = "2003" })).StatusCode);
        await _app.ConsumeAsync<FactCorrectedConsumer, FactCorrected>(new()
        {
            CorrectionId = Guid.NewGuid(), Service = "egov", Operation = "/cchc.egov.v1.MetricService/SubmitMetric", FactDay = new DateOnly(2003, 12, 31),
            Period = "2003", ApprovalVersion = 1, Reason = "Sở TT&TT gửi lại số liệu chữ ký số", CorrectedBy = "egov-corrector", CorrectedAt = DateTimeOffset.UtcNow,
        });
        var report = await JsonAsync(_reader, "/api/reports/appendices/7?periods=2003");
        var correction = Assert.Single(report.GetProperty("approvals")[0].GetProperty("corrections").EnumerateArray());
        Assert.Equal(("egov", "Sở TT&TT gửi lại số liệu chữ ký số"), (correction.GetProperty("service").GetString(), correction.GetProperty("reason").GetString()));
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
