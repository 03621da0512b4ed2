using Cchc.Contracts.Events.Egov;
using Cchc.Contracts.Events.Reporting;
using Cchc.Egov.Api.Grpc;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;

namespace Cchc.Egov.Tests.Integration;

/// <summary>
/// The template's lock of approved periods on a real service (docs/adr/0029): the reporting service's PeriodApproved arrives
/// through the broker into period_locks; a write dated inside the period is refused with FAILED_PRECONDITION naming the
/// approval and changes nothing; a correction with facts.correct and a reason is accepted, recorded and announced; without
/// a reason it is INVALID_ARGUMENT; a withdrawal opens the period again, and a late withdrawal of an older version does not.
/// </summary>
[Collection(EgovServiceCollection.Name)]
public sealed class PeriodLockTests(EgovService service)
{
    private const string Reason = "Sở TT&TT gửi lại số liệu chữ ký số năm 2005 sau rà soát";

    private async Task ApproveAsync(int year, int version)
    {
        await service.PublishAsync(new PeriodApproved
        {
            Period = year.ToString(System.Globalization.CultureInfo.InvariantCulture), From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31),
            Version = version, ApprovedAt = new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero), ApprovedBy = "cchc-approver", ContentHash = new string('a', 64),
        });
        await Eventually.AssertAsync(async () => await service.ScalarAsync(
            "SELECT count(*) FROM period_locks WHERE from_day = @from AND version = @v AND withdrawn_at IS NULL", ("from", new DateOnly(year, 1, 1)), ("v", version)) == 1,
            TimeSpan.FromSeconds(30), $"the approval of {year} (version {version}) is kept");
    }

    private async Task WithdrawAsync(int year, int version)
    {
        var id = MassTransit.NewId.NextGuid();
        await service.PublishAsync(new PeriodApprovalWithdrawn
        {
            Period = year.ToString(System.Globalization.CultureInfo.InvariantCulture), From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31),
            Version = version, WithdrawnAt = DateTimeOffset.UtcNow, WithdrawnBy = "cchc-approver",
        }, id);
        await Eventually.AssertAsync(async () => await service.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", id)) == 1,
            TimeSpan.FromSeconds(30), $"the withdrawal {id} is handled");
    }

    private MetricService.MetricServiceClient MetricsAs(params string[] scopes) =>
        new(service.ChannelFor(service.Issuer.CreateToken("so-tttt", scopes, ["*"])));

    private static Metadata ReasonHeader(string reason) => new() { { PeriodLock<Cchc.Egov.Api.Data.EgovDbContext>.ReasonHeader, Uri.EscapeDataString(reason) } };

    [Fact]
    public async Task AWriteDatedInAnApprovedPeriod_IsRefusedNamingTheApproval_ACorrectionNeedsTheRightAndAReason_AndIsFlagged()
    {
        await ApproveAsync(2005, 1);
        var value = TestData.Value(TestData.NewSource(), await service.NewAgencyAsync(), Metric.SignaturesPersonal, 40, "2005-01-01", "2005-12-31");

        // Ordinary write: FAILED_PRECONDITION on the fact's day, naming the approval; nothing stored, nothing published.
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.SubmitMetricAsync(TestData.Submit(value)));
        TestData.AssertFails(refused, "submission.period_to", StatusCode.FailedPrecondition);
        Assert.Contains("kỳ báo cáo 2005 đã được phê duyệt ngày 06/12/2026 bởi cchc-approver", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("cần quyền điều chỉnh", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.GetSubmissionAsync(TestData.Get(value)))).StatusCode);
        Assert.Empty(await service.OutboxRowsMentioningAsync(value.SourceSystem));

        // The correction right without a reason: INVALID_ARGUMENT naming the header; still nothing.
        var corrector = MetricsAs("egov.read", "egov.write", "facts.correct");
        var noReason = await Assert.ThrowsAsync<RpcException>(async () => await corrector.SubmitMetricAsync(TestData.Submit(value)));
        TestData.AssertFails(noReason, PeriodLock<Cchc.Egov.Api.Data.EgovDbContext>.ReasonHeader);
        Assert.Contains("cần lý do điều chỉnh", noReason.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM fact_corrections WHERE client_id = 'so-tttt' AND reason = @r", ("r", Reason)));

        // With the right and the reason: accepted, recorded with its reason, announced beside the facts' event.
        var corrected = await corrector.SubmitMetricAsync(TestData.Submit(value), ReasonHeader(Reason));
        Assert.Equal(40, corrected.Current.Value);
        Assert.Equal(1, await service.ScalarAsync(
            "SELECT count(*) FROM fact_corrections WHERE client_id = 'so-tttt' AND reason = @r AND period = '2005' AND approval_version = 1 AND fact_day = '2005-12-31'",
            ("r", Reason)));
        var announced = (await service.OutboxRowsMentioningAsync(Reason)).Where(r => r.MessageType == typeof(FactCorrected).FullName).Select(r => r.As<FactCorrected>()).Single();
        Assert.Equal(("egov", "/cchc.egov.v1.MetricService/SubmitMetric", "so-tttt", 1), (announced.Service, announced.Operation, announced.CorrectedBy, announced.ApprovalVersion));
        Assert.Single(await service.OutboxRowsMentioningAsync(value.SourceSystem), r => r.MessageType == typeof(MetricsSubmitted).FullName);
        Assert.Equal(1, await service.ScalarAsync(
            "SELECT count(*) FROM audit_entries WHERE client_id = 'so-tttt' AND operation = '/cchc.egov.v1.MetricService/SubmitMetric' AND status_code = 'OK'"));

        // A repeat of what is stored changes nothing, so it is not refused (a demo reloaded over approved years).
        var repeated = await service.Metrics.SubmitMetricAsync(TestData.Submit(value));
        Assert.Equal(corrected.Revision, repeated.Revision);
    }

    [Fact]
    public async Task AWithdrawalOpensThePeriod_ButALateWithdrawalOfAnOlderVersionDoesNot()
    {
        await ApproveAsync(2006, 1);
        await ApproveAsync(2006, 2);
        await WithdrawAsync(2006, 1); // arrives late: version 2 is in force
        var value = TestData.Value(TestData.NewSource(), await service.NewAgencyAsync(), Metric.SignaturesPersonal, 7, "2006-01-01", "2006-12-31");
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.SubmitMetricAsync(TestData.Submit(value)));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("(phiên bản 2)", refused.Status.Detail, StringComparison.Ordinal);

        await WithdrawAsync(2006, 2);
        var accepted = await service.Metrics.SubmitMetricAsync(TestData.Submit(value));
        Assert.Equal(7, accepted.Current.Value);
        // Opened by the withdrawal, the write is an ordinary one: no correction is recorded.
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM fact_corrections WHERE fact_day BETWEEN '2006-01-01' AND '2006-12-31'"));
    }
}
