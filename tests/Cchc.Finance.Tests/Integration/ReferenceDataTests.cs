using Cchc.Finance.Api.Grpc;
using Cchc.ReferenceData.Grpc;
using Grpc.Core;
using static Cchc.Testing.ReferenceUnits;
using static Cchc.Testing.RpcAssert;

namespace Cchc.Finance.Tests.Integration;

/// <summary>
/// The unit check on real PostgreSQL and RabbitMQ: the service's copy of the registry is filled only through the broker
/// (as the organisation service publishes UnitsChanged), and a status of a unit on a day it did not exist — not yet
/// founded, already merged, or not in the registry at all — is FAILED_PRECONDITION naming the unit and the day, with
/// nothing written; an import with one such record is refused whole.
/// </summary>
[Collection(FinanceServiceCollection.Name)]
public sealed class ReferenceDataTests(FinanceService service)
{
    private static readonly DateOnly Founded = new(2013, 1, 2);
    private static readonly DateOnly Merged = new(2020, 2, 1);
    private static readonly DateOnly Renamed = new(2016, 7, 1);

    private readonly AutonomyService.AutonomyServiceClient autonomy = service.Autonomy;

    private Task<long> StatusRowsAsync(string unit) =>
        service.ScalarAsync("SELECT count(*) FROM autonomy_statuses WHERE unit = @unit", ("unit", unit));

    private Task<long> OutboxRowsAsync(string unit) =>
        service.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE strpos(payload::text, @unit) > 0", ("unit", unit));

    /// <summary>A school founded 2013-01-02 and merged into another on 2020-02-01 (last day 2020-01-31), published through the broker.</summary>
    private async Task<string> ArrangeSchoolAsync()
    {
        var school = $"Trường Thử {Guid.NewGuid():N}"[..22];
        await service.PublishAndWaitAsync(Changed(History(CodeOf(school), NextRevision(),
            Period(Founded, Merged.AddDays(-1), school, Contracts.Events.Organisation.UnitKind.PublicServiceUnit, successors: ["SUCCESSOR"]))));
        return school;
    }

    [Fact]
    public async Task AStatus_IsRefusedBeforeTheUnitsFoundingAndAfterItsMerger_NamingUnitAndDay_AndWritesNothing()
    {
        var school = await ArrangeSchoolAsync();

        var early = await Assert.ThrowsAsync<RpcException>(async () =>
            await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(school, "2013-01-01") }));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("status.unit", early.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"\"{school}\" không tồn tại vào ngày 2013-01-01", early.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("từ 2013-01-02 đến 2020-01-31", early.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await StatusRowsAsync(school));
        Assert.Equal(0, await OutboxRowsAsync(school));

        await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(school, "2013-01-02") });
        Assert.Equal(["status.unit"], await FailsAsync(StatusCode.FailedPrecondition,
            autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(school, "2020-02-01", Api.Grpc.AutonomyLevel.Recurrent) })));
        Assert.Equal(1, await StatusRowsAsync(school));
        Assert.Equal(1, await OutboxRowsAsync(school));
    }

    [Fact]
    public async Task LeavingTheRegimes_IsAFactOfTheLastDayUnderThePreviousStatus_SoAMergedUnitLeavesOnItsMergerDay()
    {
        var school = await ArrangeSchoolAsync();
        await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(school, "2016-01-01") });
        // One day late: on 2020-02-01 the unit had already ended, so it cannot have been in a regime until then.
        Assert.Equal(["status.unit"], await FailsAsync(StatusCode.FailedPrecondition,
            autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.Leaves(school, "2020-02-02") })));
        var left = await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.Leaves(school, "2020-02-01") });
        Assert.Equal((AutonomyRegime.None, "2020-01-31"), (left.Current.Regime, left.Statuses[0].EffectiveTo));
    }

    [Fact]
    public async Task AnUnknownUnit_OrAnUnknownParent_IsRefused_NamingTheField()
    {
        var unknown = TestData.NewUnit("Đơn vị không đăng ký");
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.Agency(unknown, "2016-01-01") }));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("không có trong danh mục đơn vị", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await StatusRowsAsync(unknown));

        var unit = await service.NewUnitAsync();
        var status = TestData.ServiceUnit(unit, "2016-01-01");
        status.ParentUnit = "UBND huyện Không Có";
        Assert.Equal(["status.parent_unit"], await FailsAsync(StatusCode.FailedPrecondition, autonomy.RecordStatusAsync(new RecordStatusRequest { Status = status })));
        Assert.Equal(0, await StatusRowsAsync(unit));
    }

    [Fact]
    public async Task ARenamedUnit_IsAcceptedUnderItsOldNameBeforeTheRename_AndRefusedUnderItAfter()
    {
        var code = "FIN-RENAMED-" + Guid.NewGuid().ToString("N")[..8];
        var (before, after) = ($"Trung tâm Cũ {code}", $"Trung tâm Mới {code}");
        await service.PublishAndWaitAsync(Changed(History(code, NextRevision(),
            Period(Founded, Renamed.AddDays(-1), before, Contracts.Events.Organisation.UnitKind.PublicServiceUnit),
            Period(Renamed, null, after, Contracts.Events.Organisation.UnitKind.PublicServiceUnit))));

        await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(before, "2016-01-01") });
        await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(after, "2017-01-01", Api.Grpc.AutonomyLevel.Recurrent) });
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(before, "2017-01-01", Api.Grpc.AutonomyLevel.Recurrent) }));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains($"mang tên \"{after}\"", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportWithOneRecordOfAUnitNotExistingOnItsDay_IsRefusedWhole_NamingTheRecord()
    {
        var school = await ArrangeSchoolAsync();
        var others = new[] { await service.NewUnitAsync(), await service.NewUnitAsync() };
        AutonomyStatus[] records =
        [
            TestData.ServiceUnit(others[0], "2016-01-01"), TestData.ServiceUnit(school, "2016-01-01"), TestData.ServiceUnit(others[1], "2016-01-01"),
            TestData.ServiceUnit(school, "2020-03-01", Api.Grpc.AutonomyLevel.Recurrent), TestData.Agency(TestData.NewUnit("Không đăng ký"), "2016-01-01"),
        ];
        using (var call = autonomy.ImportStatuses())
        {
            foreach (var record in records)
            {
                await call.RequestStream.WriteAsync(record);
            }
            await call.RequestStream.CompleteAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
            Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
            Assert.Contains("records[3].unit", ex.Status.Detail, StringComparison.Ordinal);
            Assert.Contains("2020-03-01", ex.Status.Detail, StringComparison.Ordinal);
        }
        foreach (var unit in others.Append(school))
        {
            Assert.Equal(0, await StatusRowsAsync(unit));
        }

        using var accepted = autonomy.ImportStatuses();
        foreach (var record in records.Take(3))
        {
            await accepted.RequestStream.WriteAsync(record);
        }
        await accepted.RequestStream.CompleteAsync();
        Assert.Equal(3, (await accepted).Inserted);
    }

    [Fact]
    public async Task TheCopysStatus_ReportsTheRevisionApplied_ForTheLoader()
    {
        await ArrangeSchoolAsync();
        var status = await service.Reference.GetStatusAsync(new GetStatusRequest());
        Assert.True(status.Units >= 1);
        Assert.True(status.Revision > 1, $"revision {status.Revision}");
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await new UnitReference.UnitReferenceClient(
            service.ChannelFor(service.Issuer.CreateToken("finance-only", ["finance.read"], ["*"]))).GetStatusAsync(new GetStatusRequest()));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
