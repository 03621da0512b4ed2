using Cchc.Contracts.Events.Egov;
using Cchc.Egov.Api.Grpc;
using Grpc.Core;

namespace Cchc.Egov.Tests.Integration;

/// <summary>Metric submissions through the real gRPC service and database: idempotency, history, refusals that write nothing, import, paging.</summary>
[Collection(EgovServiceCollection.Name)]
public sealed class MetricServiceTests(EgovService service)
{
    private async Task AssertNotStoredAsync(MetricValue value)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.GetSubmissionAsync(TestData.Get(value)));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Resubmission_ReplacesTheValue_KeepsTheReplacedOneInHistory_AndPublishesEachChangeOnce()
    {
        var value = TestData.Value(TestData.NewSource(), await service.NewAgencyAsync(), Metric.AxisDocumentsReceived, 1_000);
        var first = await service.Metrics.SubmitMetricAsync(TestData.Submit(value));
        var repeated = await service.Metrics.SubmitMetricAsync(TestData.Submit(value));
        value.Value = 1_250;
        var replaced = await service.Metrics.SubmitMetricAsync(TestData.Submit(value));
        var stored = await service.Metrics.GetSubmissionAsync(TestData.Get(value));

        Assert.Equal((1, 1, 2), (first.Revision, repeated.Revision, replaced.Revision));
        Assert.Equal(1_250, stored.Current.Value);
        Assert.Equal([(1, 1_000L), (2, 1_250L)], stored.History.Select(h => (h.Revision, h.Value)));
        var events = (await service.OutboxRowsMentioningAsync(value.SourceSystem)).Select(r => r.As<MetricsSubmitted>()).ToList();
        Assert.Equal([(1, 1_000L), (2, 1_250L)], events.SelectMany(e => e.Submissions).Select(s => (s.Revision, s.Value)));
    }

    [Fact]
    public async Task ANegativeCount_APeriodNotOverYet_AndALevelTheRegistryContradicts_AreRefused_NamingTheirFields_AndWriteNothing()
    {
        var source = TestData.NewSource();
        var negative = TestData.Value(source, await service.NewAgencyAsync(), Metric.SignaturesPersonal, -1);
        // A period that is not over yet (the days are inside the input domain's horizon, so the read-back can look for it).
        var soon = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var future = TestData.Value(source, await service.NewAgencyAsync(), Metric.SignaturesPersonal, 5, "2019-01-01", soon);
        var wrongLevel = TestData.Value(source, TestData.TamDuong, Metric.SignaturesPersonal, 5, level: GovernmentLevel.Commune);

        var cases = new[]
        {
            (negative, "submission.value", StatusCode.InvalidArgument), (future, "submission.period_to", StatusCode.InvalidArgument),
            (wrongLevel, "submission.unit_level", StatusCode.FailedPrecondition),
        };
        foreach (var (value, field, code) in cases)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.SubmitMetricAsync(TestData.Submit(value)));
            TestData.AssertFails(ex, field, code);
            await AssertNotStoredAsync(value);
        }
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.SubmitMetricAsync(TestData.Submit(wrongLevel)));
        Assert.Contains("cấp huyện", wrong.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(await service.OutboxRowsMentioningAsync(source));
    }

    [Fact]
    public async Task ANumeratorAboveItsDenominator_IsAFailedPrecondition_EitherWay_AndWritesNothing()
    {
        var source = TestData.NewSource();
        var unit = await service.NewAgencyAsync();
        await service.Metrics.SubmitMetricAsync(TestData.Submit(TestData.Value(source, unit, Metric.CivilServants, 100)));
        var above = TestData.Value(source, unit, Metric.CivilServantsWithMailbox, 101);
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.SubmitMetricAsync(TestData.Submit(above)));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("submission.value", ex.Status.Detail, StringComparison.Ordinal);
        await AssertNotStoredAsync(above);

        await service.Metrics.SubmitMetricAsync(TestData.Submit(TestData.Value(source, unit, Metric.CivilServantsWithMailbox, 100)));
        var shrunk = TestData.Value(source, unit, Metric.CivilServants, 99);
        ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.SubmitMetricAsync(TestData.Submit(shrunk)));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(100, (await service.Metrics.GetSubmissionAsync(TestData.Get(shrunk))).Current.Value);
    }

    [Fact]
    public async Task AFlowPeriodOverlappingAnotherOfTheSameSeries_IsRefused_ButAStockMayBeReportedAtAnyDate()
    {
        var source = TestData.NewSource();
        var unit = await service.NewAgencyAsync();
        await service.Metrics.SubmitMetricAsync(TestData.Submit(TestData.Value(source, unit, Metric.AxisDocumentsSent, 10, "2019-01-01", "2019-03-31")));
        var overlapping = TestData.Value(source, unit, Metric.AxisDocumentsSent, 30, "2019-01-01", "2019-12-31");
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.SubmitMetricAsync(TestData.Submit(overlapping)));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        await AssertNotStoredAsync(overlapping);

        await service.Metrics.SubmitMetricAsync(TestData.Submit(TestData.Value(source, unit, Metric.OfficialMailboxes, 10, "2019-01-01", "2019-03-31")));
        await service.Metrics.SubmitMetricAsync(TestData.Submit(TestData.Value(source, unit, Metric.OfficialMailboxes, 12, "2019-01-01", "2019-12-31")));
    }

    [Fact]
    public async Task Import_IsAllOrNothing_ThenIdempotent()
    {
        var source = TestData.NewSource();
        var unit = await service.NewAgencyAsync();
        var good = TestData.Value(source, unit, Metric.SignaturesOrganisation, 7);
        var bad = TestData.Value(source, unit, Metric.SignaturesMobile, -3);
        using (var call = service.Metrics.ImportSubmissions())
        {
            await call.RequestStream.WriteAsync(good);
            await call.RequestStream.WriteAsync(bad);
            await call.RequestStream.CompleteAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
            TestData.AssertFails(ex, "records[1].value");
        }
        await AssertNotStoredAsync(good);

        bad.Value = 3;
        var first = await ImportAsync(good, bad);
        var second = await ImportAsync(good, bad);
        bad.Value = 4;
        var third = await ImportAsync(good, bad);

        Assert.Equal((2L, 0L, 0L), (first.Inserted, first.Replaced, first.Unchanged));
        Assert.Equal((0L, 0L, 2L), (second.Inserted, second.Replaced, second.Unchanged));
        Assert.Equal((0L, 1L, 1L), (third.Inserted, third.Replaced, third.Unchanged));
        Assert.Equal(2, (await service.Metrics.GetSubmissionAsync(TestData.Get(bad))).History.Count);
    }

    [Fact]
    public async Task List_PagesThroughEverySubmissionOfAFilter_Once()
    {
        var source = TestData.NewSource();
        var unit = await service.NewAgencyAsync();
        var records = Enumerable.Range(1, 5)
            .Select(m => TestData.Value(source, unit, Metric.AxisDocumentsReceived, m * 10, $"2019-{m:D2}-01", $"2019-{m:D2}-28")).ToArray();
        await ImportAsync(records);

        var seen = new List<long>();
        var token = string.Empty;
        do
        {
            var page = await service.Metrics.ListSubmissionsAsync(new ListSubmissionsRequest { SourceSystem = source, PageSize = 2, PageToken = token });
            Assert.Equal(5, page.TotalSize);
            seen.AddRange(page.Submissions.Select(s => s.Current.Value));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal([10L, 20L, 30L, 40L, 50L], seen.Order());

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.ListSubmissionsAsync(
            new ListSubmissionsRequest { SourceSystem = TestData.NewSource(), PageToken = "AAAAAAAAAAAAAA" }));
        TestData.AssertFails(ex, "page_token");
    }

    private async Task<ImportResponse> ImportAsync(params MetricValue[] records)
    {
        using var call = service.Metrics.ImportSubmissions();
        foreach (var record in records)
        {
            await call.RequestStream.WriteAsync(record);
        }
        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
