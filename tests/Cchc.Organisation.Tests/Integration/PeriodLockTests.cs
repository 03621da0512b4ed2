using Cchc.Organisation.Api.Grpc;
using Cchc.Testing;
using Grpc.Core;
using StaffingMetric = Cchc.Organisation.Api.Grpc.StaffingMetric;
using UnitKind = Cchc.Organisation.Api.Grpc.UnitKind;

namespace Cchc.Organisation.Tests.Integration;

/// <summary>
/// The lock of approved periods in the organisation service (ADR 0029, 0035): registry changes by the day they take effect,
/// staffing figures by their period's end, staff records by their day. Inside an approved year the write is refused with
/// FAILED_PRECONDITION naming the field; an import with one such item is refused whole; a repeat passes.
/// </summary>
[Collection(OrganisationServiceCollection.Name)]
public sealed class PeriodLockTests(OrganisationService service) : IAsyncLifetime
{
    private const int Year = 2006;

    public Task InitializeAsync() => service.LockYearAsync(Year);

    public Task DisposeAsync() => service.ReopenYearAsync(Year);

    private static FoundUnitRequest Found(string changeId, string code, string on) => new()
    {
        ChangeId = changeId, EffectiveOn = on, Unit = new UnitSpec { UnitCode = code, Name = $"tỉnh thử nghiệm {code}", Kind = UnitKind.Province },
    };

    [Fact]
    public async Task RegistryChanges_AndStaffing_DatedInAnApprovedYear_AreRefused_AndChangeNothing()
    {
        var p = "L" + Guid.NewGuid().ToString("N")[..8];
        await service.Registry.FoundUnitAsync(Found($"{p}-found", $"{p}-S", "2005-01-01"));

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await service.Registry.FoundUnitAsync(Found($"{p}-found-2", $"{p}-S2", "2006-03-01")));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("effective_on: ngày 01/03/2006 thuộc kỳ báo cáo 2006 đã được phê duyệt", refused.Status.Detail, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(StatusCode.NotFound, service.Registry.GetUnitAsync(new GetUnitRequest { UnitCode = $"{p}-S2" }));
        Assert.Equal(["effective_on"], await RpcAssert.FailsAsync(StatusCode.FailedPrecondition,
            service.Registry.RenameUnitAsync(new RenameUnitRequest { ChangeId = $"{p}-rename", EffectiveOn = "2006-07-01", UnitCode = $"{p}-S", NewName = "tỉnh đổi tên" })));
        // The change already recorded, sent again, is a repeat: answered as before.
        Assert.True((await service.Registry.FoundUnitAsync(Found($"{p}-found", $"{p}-S", "2005-01-01"))).AlreadyRecorded);

        Assert.Equal(["to"], await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, service.Staffing.RecordFigureAsync(new StaffingFigure
        {
            UnitCode = $"{p}-S", Metric = StaffingMetric.CivilServantQuota, From = "2006-01-01", To = "2006-12-31", Value = 40,
        })));
        Assert.Equal(["on"], await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, service.Staffing.RecordStaffRecordAsync(new StaffRecord
        {
            RecordId = $"{p}-r1", UnitCode = $"{p}-S", Kind = StaffRecordKind.Streamlining, On = "2006-05-01",
        })));
        using (var import = service.Staffing.ImportStaffing())
        {
            await import.RequestStream.WriteAsync(new StaffingItem { Figure = new StaffingFigure { UnitCode = $"{p}-S", Metric = StaffingMetric.CivilServantQuota, From = "2005-01-01", To = "2005-12-31", Value = 38 } });
            await import.RequestStream.WriteAsync(new StaffingItem { Figure = new StaffingFigure { UnitCode = $"{p}-S", Metric = StaffingMetric.CivilServantQuota, From = "2006-01-01", To = "2006-12-31", Value = 40 } });
            await import.RequestStream.CompleteAsync();
            Assert.Equal(["records[1].figure.to"], await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, async () => await import));
        }
        Assert.Equal(0, (await service.Staffing.ListFiguresAsync(new ListFiguresRequest { UnitCode = $"{p}-S" })).TotalSize);
    }
}
