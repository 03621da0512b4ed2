using CapabilityStatesRecorded = Cchc.Contracts.Events.Egov.CapabilityStatesRecorded;
using Cchc.Egov.Api.Grpc;
using Grpc.Core;

namespace Cchc.Egov.Tests.Integration;

/// <summary>Dated capability states: the state on a day, corrections, ISO 9001's version and date, refusals that write nothing.</summary>
[Collection(EgovServiceCollection.Name)]
public sealed class CapabilityServiceTests(EgovService service)
{
    [Fact]
    public async Task TheStateOnADay_IsTheLatestStartedByThen_AndACorrectionRaisesTheRevision()
    {
        var unit = await service.NewAgencyAsync();
        await service.Capabilities.RecordCapabilityStateAsync(new() { State = TestData.State(unit, Capability.DocumentManagement, "2015-03-01", inUse: false) });
        await service.Capabilities.RecordCapabilityStateAsync(new() { State = TestData.State(unit, Capability.DocumentManagement, "2019-03-01") });
        var repeated = await service.Capabilities.RecordCapabilityStateAsync(new() { State = TestData.State(unit, Capability.DocumentManagement, "2019-03-01") });
        var corrected = TestData.State(unit, Capability.DocumentManagement, "2019-03-01");
        corrected.Note = "đính chính";
        var correction = await service.Capabilities.RecordCapabilityStateAsync(new() { State = corrected });

        async Task<bool?> InUseOn(string day) => (await service.Capabilities.ListCapabilityStatesAsync(
            new ListCapabilityStatesRequest { Unit = unit, AsOf = day })).States.SingleOrDefault()?.State.InUse;

        Assert.Null(await InUseOn("2014-12-31"));
        Assert.False(await InUseOn("2018-12-31"));
        Assert.True(await InUseOn("2019-03-01"));
        Assert.Equal((1, 2), (repeated.Revision, correction.Revision));
        var events = (await service.OutboxRowsMentioningAsync(unit)).Select(r => r.As<CapabilityStatesRecorded>()).SelectMany(e => e.States).ToList();
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public async Task Iso9001InUse_NeedsItsVersionAndCertificateDate_AndOtherCapabilitiesHaveNeither()
    {
        var unit = await service.NewAgencyAsync();
        var cases = new[]
        {
            (TestData.State(unit, Capability.Iso9001, "2019-06-14"), "state.iso_version"),
            (TestData.State(unit, Capability.Iso9001, "2019-06-14", iso: IsoVersion._2015), "state.certificate_date"),
            (TestData.State(unit, Capability.Iso9001, "2015-06-14", iso: IsoVersion._2015, certificate: "2015-06-14"), "state.certificate_date"),
            (TestData.State(unit, Capability.Lan, "2019-06-14", iso: IsoVersion._2008), "state.iso_version"),
            (TestData.State(unit, Capability.Lan, "2099-01-01"), "state.effective_from"),
        };
        foreach (var (state, field) in cases)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Capabilities.RecordCapabilityStateAsync(new() { State = state }));
            TestData.AssertFails(ex, field);
        }
        var wrongLevel = await Assert.ThrowsAsync<RpcException>(async () => await service.Capabilities.RecordCapabilityStateAsync(
            new() { State = TestData.State(TestData.TamDuong, Capability.Lan, "2019-01-01", level: GovernmentLevel.Province) }));
        TestData.AssertFails(wrongLevel, "state.unit_level", StatusCode.FailedPrecondition);
        Assert.Empty((await service.Capabilities.ListCapabilityStatesAsync(new ListCapabilityStatesRequest { Unit = unit })).States);

        var iso = await service.Capabilities.RecordCapabilityStateAsync(new()
        {
            State = TestData.State(unit, Capability.Iso9001, "2019-06-14", iso: IsoVersion._2015, certificate: "2019-06-10"),
        });
        Assert.Equal((IsoVersion._2015, "2019-06-10"), (iso.State.IsoVersion, iso.State.CertificateDate));
    }

    [Fact]
    public async Task Import_IsAllOrNothing_AndIdempotent()
    {
        var unit = await service.NewAgencyAsync();
        using (var call = service.Capabilities.ImportCapabilityStates())
        {
            await call.RequestStream.WriteAsync(TestData.State(unit, Capability.WebPortal, "2014-12-01"));
            await call.RequestStream.WriteAsync(TestData.State(unit, Capability.WebPortal, "2014-12-01"));
            await call.RequestStream.CompleteAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
            TestData.AssertFails(ex, "records[1].effective_from");
        }
        Assert.Empty((await service.Capabilities.ListCapabilityStatesAsync(new ListCapabilityStatesRequest { Unit = unit })).States);

        for (var run = 0; run < 2; run++)
        {
            using var call = service.Capabilities.ImportCapabilityStates();
            await call.RequestStream.WriteAsync(TestData.State(unit, Capability.WebPortal, "2014-12-01"));
            await call.RequestStream.WriteAsync(TestData.State(unit, Capability.Lan, "2014-12-01"));
            await call.RequestStream.CompleteAsync();
            var result = await call;
            Assert.Equal(run == 0 ? (2L, 0L) : (0L, 2L), (result.Inserted, result.Unchanged));
        }
    }
}
