using Cchc.Legal.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.RpcAssert;

namespace Cchc.Legal.Tests.Integration;

/// <summary>
/// The lock of approved periods in the legal service (ADR 0029, 0035): documents by their signing day (what Appendix 2
/// counts), lifecycle events by their day, checks and findings by their day and their handling's day. Inside an approved
/// year the write is refused with FAILED_PRECONDITION naming the field; an import with one such document is refused whole.
/// </summary>
[Collection(LegalServiceCollection.Name)]
public sealed class PeriodLockTests(LegalService service) : IAsyncLifetime
{
    private const int Year = 2003;

    public Task InitializeAsync() => service.LockYearAsync(Year);

    public Task DisposeAsync() => service.ReopenYearAsync(Year);

    [Fact]
    public async Task Documents_Checks_AndImports_DatedInAnApprovedYear_AreRefused_AndChangeNothing()
    {
        var open = TestData.NewId("VB");
        await service.Documents.RegisterDocumentAsync(TestData.Register(open, TestData.Decision("2002-06-01", number: 7)));

        var locked = TestData.NewId("VB");
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await service.Documents.RegisterDocumentAsync(TestData.Register(locked, TestData.Decision("2003-03-01", number: 8))));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("attributes.signed_on: ngày 01/03/2003 thuộc kỳ báo cáo 2003 đã được phê duyệt", refused.Status.Detail, StringComparison.Ordinal);
        await FailsAsync(StatusCode.NotFound, service.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = locked }));

        using (var import = service.Documents.ImportDocuments())
        {
            await import.RequestStream.WriteAsync(new DocumentRecord { DocumentId = TestData.NewId("VB"), Attributes = TestData.Decision("2002-08-01", number: 9) });
            await import.RequestStream.WriteAsync(new DocumentRecord { DocumentId = locked, Attributes = TestData.Decision("2003-03-01", number: 8) });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(["records[1].attributes.signed_on"], await FailsAsync(StatusCode.FailedPrecondition, async () => await import));
        }
        Assert.Empty(await service.OutboxRowsMentioningAsync(locked));

        Assert.Equal(["event.effective_on"], await FailsAsync(StatusCode.FailedPrecondition,
            service.Documents.RecordLifecycleEventAsync(TestData.Event(open, LifecycleEventType.WhollyExpired, "2003-01-15"))));

        var check = new DocumentCheck
        {
            CheckId = TestData.NewId("KT"), DocumentId = open, CheckingUnit = "Sở Tư pháp", CheckedOn = "2002-09-01", Result = CheckResult.Lawful,
        };
        Assert.Equal(1, (await service.Checks.RecordCheckAsync(new RecordCheckRequest { Check = check })).Version);
        check.CheckedOn = "2003-02-01";
        Assert.Equal(["check.checked_on"], await FailsAsync(StatusCode.FailedPrecondition, service.Checks.RecordCheckAsync(new RecordCheckRequest { Check = check })));
        check.CheckedOn = "2002-09-01";
        Assert.Equal(1, (await service.Checks.GetCheckAsync(new GetCheckRequest { CheckId = check.CheckId })).Version);
        // The stored check sent again is a repeat, not a write: answered as before.
        Assert.Equal(1, (await service.Checks.RecordCheckAsync(new RecordCheckRequest { Check = check })).Version);
    }
}
