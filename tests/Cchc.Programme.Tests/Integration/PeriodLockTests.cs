using Cchc.Programme.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.RpcAssert;

namespace Cchc.Programme.Tests.Integration;

/// <summary>
/// The lock of approved periods in the programme service (ADR 0029, 0035): a record by its day (an inspection's day), a
/// reported period's end or a state's first day; a submitted value by its period's end. Inside an approved year the write
/// is refused with FAILED_PRECONDITION naming the field; an import with one such record is refused whole; a repeat passes.
/// </summary>
[Collection(ProgrammeServiceCollection.Name)]
public sealed class PeriodLockTests(ProgrammeService service) : IAsyncLifetime
{
    private const int Year = 2008;

    public Task InitializeAsync() => service.LockYearAsync(Year);

    public Task DisposeAsync() => service.ReopenYearAsync(Year);

    [Fact]
    public async Task RecordsAndValues_DatedInAnApprovedYear_AreRefused_AndChangeNothing()
    {
        var stored = TestData.NewKey();
        await service.Records.RecordProgrammeRecordAsync(new RecordProgrammeRecordRequest { Record = TestData.Inspection(stored, day: "2007-11-02") });

        var key = TestData.NewKey();
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await service.Records.RecordProgrammeRecordAsync(new RecordProgrammeRecordRequest { Record = TestData.Inspection(key, day: "2008-05-12") }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("record.inspection.day: ngày 12/05/2008 thuộc kỳ báo cáo 2008 đã được phê duyệt", refused.Status.Detail, StringComparison.Ordinal);
        // Moving a stored record into the approved year is refused the same way.
        Assert.Equal(["record.inspection.day"], await FailsAsync(StatusCode.FailedPrecondition,
            service.Records.RecordProgrammeRecordAsync(new RecordProgrammeRecordRequest { Record = TestData.Inspection(stored, day: "2008-01-10") })));
        Assert.Equal(["records[1].inspection.day"], await FailsAsync(StatusCode.FailedPrecondition, () => TestData.ImportAsync(
            service.Records.ImportProgrammeRecords(), TestData.Inspection(TestData.NewKey(), day: "2007-03-01"), TestData.Inspection(key, day: "2008-05-12"))));
        Assert.Empty(await service.OutboxRowsMentioningAsync(key));
        // The stored record sent again is a repeat: answered as before.
        Assert.Equal(1, (await service.Records.RecordProgrammeRecordAsync(new RecordProgrammeRecordRequest { Record = TestData.Inspection(stored, day: "2007-11-02") })).Revision);

        Assert.Equal(["value.period_to"], await FailsAsync(StatusCode.FailedPrecondition, service.Values.SubmitValueAsync(new SubmitValueRequest
        {
            Value = TestData.Value(TestData.HomeAffairs, "2008-01-01", "2008-12-31", ValueKind.Number, "90"),
        })));
        Assert.Equal(["records[0].period_to"], await FailsAsync(StatusCode.FailedPrecondition, () => TestData.ImportAsync(
            service.Values.ImportSubmittedValues(), TestData.Value(TestData.TamDuong, "2008-01-01", "2008-12-31", ValueKind.Number, "80"))));
    }
}
