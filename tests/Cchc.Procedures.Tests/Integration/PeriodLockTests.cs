using Cchc.Contracts.Events.Reporting;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.RpcAssert;

namespace Cchc.Procedures.Tests.Integration;

/// <summary>
/// The lock of approved periods in the procedures service (ADR 0029, 0035): dossiers by the day received and the day
/// closed, feedback by the day of each step, catalogue versions by the day they take effect — a write dated in an approved
/// year is refused with FAILED_PRECONDITION naming the day's field and the approval, an import with one such record is
/// refused whole, and a correction with facts.correct and a reason is accepted, recorded and announced.
/// </summary>
[Collection(ProceduresServiceCollection.Name)]
public sealed class PeriodLockTests(ProceduresService service) : IAsyncLifetime
{
    private const int Year = 2003;
    private const string Reason = "Bộ phận Một cửa bổ sung hồ sơ năm 2003 bị sót";
    private static readonly DateTimeOffset InLockedYear = new(2003, 5, 2, 1, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset BeforeIt = new(2002, 12, 20, 1, 30, 0, TimeSpan.Zero);
    private readonly string procedure = TestData.NewId("TT");

    public async Task InitializeAsync()
    {
        await service.Catalog.CreateProcedureAsync(TestData.Create(procedure, "2001-01-01"));
        await service.LockYearAsync(Year);
    }

    public Task DisposeAsync() => service.ReopenYearAsync(Year);

    private static DossierRecord Record(string id, string procedureCode, DateTimeOffset received)
    {
        var record = TestData.Record(id, procedureCode);
        record.ReceivedAt = TestData.At(received);
        record.DueAt = TestData.At(received.AddDays(5));
        record.ClosedAt = TestData.At(received.AddDays(2));
        return record;
    }

    private static async Task<ImportDossiersResponse> ImportAsync(DossierService.DossierServiceClient client, Metadata? headers, params DossierRecord[] records)
    {
        using var call = client.ImportDossiers(headers);
        try
        {
            foreach (var record in records)
            {
                await call.RequestStream.WriteAsync(record);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The call already ended (the server refused a record): ResponseAsync carries its status.
        }
        return await call.ResponseAsync;
    }

    private async Task AssertAbsentAsync(string dossierId) =>
        await FailsAsync(StatusCode.NotFound, service.Dossiers.GetDossierAsync(new GetDossierRequest { DossierId = dossierId }));

    [Fact]
    public async Task EveryWritePath_DatedInAnApprovedYear_IsRefusedNamingTheApproval_AndChangesNothing()
    {
        var id = TestData.NewId("HS");
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await service.Dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure, InLockedYear)));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("received_at: ngày 02/05/2003 thuộc kỳ báo cáo 2003 đã được phê duyệt ngày 06/12/2026 bởi cchc-approver (phiên bản 1)",
            refused.Status.Detail, StringComparison.Ordinal);
        await AssertAbsentAsync(id);

        // An import with one record in the approved year is refused whole, naming that record; the other is not stored either.
        var open = Record(TestData.NewId("HS"), procedure, BeforeIt);
        var locked = Record(TestData.NewId("HS"), procedure, InLockedYear);
        Assert.Equal(["records[1].received_at"], await FailsAsync(StatusCode.FailedPrecondition, () => ImportAsync(service.Dossiers, null, open, locked)));
        await AssertAbsentAsync(open.DossierId);
        await AssertAbsentAsync(locked.DossierId);

        // Received before the year, closed in it: the closure is the fact dated in the approved year.
        var pending = TestData.NewId("HS");
        await service.Dossiers.ReceiveDossierAsync(TestData.Receive(pending, procedure, BeforeIt));
        Assert.Equal(["closed_at"], await FailsAsync(StatusCode.FailedPrecondition,
            service.Dossiers.ResolveDossierAsync(new CloseDossierRequest { DossierId = pending, ClosedAt = TestData.At(InLockedYear) })));
        Assert.Equal(DossierStatus.Received, (await service.Dossiers.GetDossierAsync(new GetDossierRequest { DossierId = pending })).Record.Status);

        var feedback = TestData.NewId("PAKN");
        Assert.Equal(["received_at"], await FailsAsync(StatusCode.FailedPrecondition, service.Feedback.ReceiveFeedbackAsync(new ReceiveFeedbackRequest
        {
            FeedbackId = feedback, Subject = "Thời hạn giải quyết", ReceivedAt = TestData.At(InLockedYear),
        })));
        var announced = TestData.NewId("TT");
        Assert.Equal(["in_force_from"], await FailsAsync(StatusCode.FailedPrecondition, service.Catalog.CreateProcedureAsync(TestData.Create(announced, "2003-07-01"))));
        Assert.Equal(["effective_from"], await FailsAsync(StatusCode.FailedPrecondition, service.Catalog.AmendProcedureAsync(TestData.Amend(procedure, "2003-07-01"))));
        Assert.Empty(await service.OutboxRowsMentioningAsync(locked.DossierId));
        Assert.Empty(await service.OutboxRowsMentioningAsync(feedback));
        Assert.Empty(await service.OutboxRowsMentioningAsync(announced));

        // The same writes outside the approved year go through; a stored dossier sent again is answered as before.
        await service.Dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure, BeforeIt));
        Assert.Equal(1, (await ImportAsync(service.Dossiers, null, open)).Inserted);
        Assert.Equal(1, (await service.Dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure, BeforeIt))).Version);
    }

    [Fact]
    public async Task ACorrection_WithTheRightAndAReason_IsAcceptedRecordedAndAnnounced_WithoutAReasonItIsInvalid()
    {
        var corrector = new DossierService.DossierServiceClient(service.ChannelFor(
            service.Issuer.CreateToken("cchc-corrector", ["procedures.read", "procedures.write", "facts.correct"], ["*"])));
        var locked = Record(TestData.NewId("HS"), procedure, InLockedYear);

        Assert.Equal(["x-cchc-correction-reason"], await FailsAsync(StatusCode.InvalidArgument, () => ImportAsync(corrector, null, locked)));
        await AssertAbsentAsync(locked.DossierId);

        var imported = await ImportAsync(corrector, new Metadata { { "x-cchc-correction-reason", Uri.EscapeDataString(Reason) } }, locked);
        Assert.Equal(1, imported.Inserted);
        Assert.Equal(1, await service.ScalarAsync(
            "SELECT count(*) FROM fact_corrections WHERE client_id = 'cchc-corrector' AND reason = @r AND period = '2003' AND approval_version = 1 AND fact_day = '2003-05-02'",
            ("r", Reason)));
        var correction = (await service.OutboxRowsMentioningAsync(Reason)).Single(r => r.MessageType == typeof(FactCorrected).FullName).As<FactCorrected>();
        Assert.Equal(("procedures", "/cchc.procedures.v1.DossierService/ImportDossiers", "cchc-corrector"),
            (correction.Service, correction.Operation, correction.CorrectedBy));
    }
}
