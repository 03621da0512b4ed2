using Cchc.Egov.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.ReferenceUnits;
using UnitKind = Cchc.Contracts.Events.Organisation.UnitKind;

namespace Cchc.Egov.Tests.Integration;

/// <summary>
/// The unit check on real PostgreSQL and RabbitMQ: the service's copy of the registry is filled only through the broker,
/// a submission or capability state of a unit on a day it did not exist is FAILED_PRECONDITION naming the unit and the
/// day with nothing written, an import with one such record is refused whole, and a unit's level is the registry's on
/// the fact's day — whatever its name says.
/// </summary>
[Collection(EgovServiceCollection.Name)]
public sealed class ReferenceDataTests(EgovService service)
{
    private static readonly DateOnly Founded = new(2013, 1, 1);
    private static readonly DateOnly Renamed = new(2013, 12, 27);
    private static readonly DateOnly Merged = new(2020, 2, 1);

    private sealed record Tree(string Town, string City, string Commune, string Centre);

    /// <summary>
    /// Published through the broker: a district founded 2013-01-01 as a town ("thị xã"), renamed a city on 2013-12-27,
    /// its committee renamed with it; a commune under it merged away on 2020-02-01; and a centre of a provincial department
    /// named like a district's committee.
    /// </summary>
    private async Task<Tree> ArrangeAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var tree = new Tree($"UBND thị xã Thử {id}", $"UBND thành phố Thử {id}", $"UBND xã Thử {id}", $"UBND huyện Giả {id}");
        var (d, c, s) = ($"EGOV-D-{id}", $"EGOV-C-{id}", $"EGOV-S-{id}");
        await service.PublishAndWaitAsync(Changed(
            History(d, NextRevision(), Period(Founded, Renamed.AddDays(-1), $"thị xã Thử {id}", UnitKind.DistrictLevel, parent: EgovService.TreePrefix + "P"),
                Period(Renamed, null, $"thành phố Thử {id}", UnitKind.DistrictLevel, parent: EgovService.TreePrefix + "P")),
            History(d + "-UBND", NextRevision(), Period(Founded, Renamed.AddDays(-1), tree.Town, UnitKind.PeoplesCommittee, parent: d),
                Period(Renamed, null, tree.City, UnitKind.PeoplesCommittee, parent: d)),
            History(c, NextRevision(), Period(Founded, Merged.AddDays(-1), $"xã Thử {id}", UnitKind.CommuneLevel, parent: d)),
            History(c + "-UBND", NextRevision(), Period(Founded, Merged.AddDays(-1), tree.Commune, UnitKind.PeoplesCommittee, parent: c)),
            History(s, NextRevision(), Period(LongAgo, null, $"Sở Thử {id}", UnitKind.SpecialisedAgency, parent: EgovService.TreePrefix + "P-UBND")),
            History(s + "-TT", NextRevision(), Period(LongAgo, null, tree.Centre, UnitKind.PublicServiceUnit, parent: s))));
        return tree;
    }

    private async Task<long> StoredAsync(string unit) =>
        await service.ScalarAsync("SELECT count(*) FROM metric_submissions WHERE unit = @u", ("u", unit))
        + await service.ScalarAsync("SELECT count(*) FROM capability_states WHERE unit = @u", ("u", unit));

    [Fact]
    public async Task ASubmission_IsRefusedForAPeriodEndingBeforeTheUnitsFoundingOrAfterItsMerger_AndWritesNothing()
    {
        var tree = await ArrangeAsync();
        var source = TestData.NewSource();
        foreach (var (unit, from, to) in new[] { (tree.Town, "2012-01-01", "2012-12-31"), (tree.Commune, "2020-01-01", "2020-02-29") })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Metrics.SubmitMetricAsync(TestData.Submit(
                TestData.Value(source, unit, Metric.AxisDocumentsReceived, 5, from, to, level: GovernmentLevel.Unspecified))));
            TestData.AssertFails(ex, "submission.unit", StatusCode.FailedPrecondition);
            Assert.Contains($"\"{unit}\" không tồn tại vào ngày {to}", ex.Status.Detail, StringComparison.Ordinal);
            Assert.Equal(0, await StoredAsync(unit));
        }
        Assert.Empty(await service.OutboxRowsMentioningAsync(source));

        // A period ending on the merged commune's last day is its own fact.
        var last = await service.Metrics.SubmitMetricAsync(TestData.Submit(
            TestData.Value(source, tree.Commune, Metric.AxisDocumentsReceived, 5, "2020-01-01", "2020-01-31", level: GovernmentLevel.Unspecified)));
        Assert.Equal(GovernmentLevel.Commune, last.Current.UnitLevel);
    }

    [Fact]
    public async Task TheLevel_IsTheRegistrys_OnTheFactsDay_AndARenamedUnitIsKnownByItsOldNameBeforeTheRename()
    {
        var tree = await ArrangeAsync();
        var source = TestData.NewSource();
        var town = await service.Metrics.SubmitMetricAsync(TestData.Submit(
            TestData.Value(source, tree.Town, Metric.OfficialMailboxes, 10, "2013-01-01", "2013-12-26", level: GovernmentLevel.Unspecified)));
        var city = await service.Capabilities.RecordCapabilityStateAsync(new()
        {
            State = TestData.State(tree.City, Capability.WebPortal, "2014-01-01", level: GovernmentLevel.District),
        });
        var centre = await service.Capabilities.RecordCapabilityStateAsync(new()
        {
            State = TestData.State(tree.Centre, Capability.Lan, "2014-01-01", level: GovernmentLevel.Unspecified),
        });
        Assert.Equal((GovernmentLevel.District, GovernmentLevel.District, GovernmentLevel.Province),
            (town.Current.UnitLevel, city.State.UnitLevel, centre.State.UnitLevel));
        var events = (await service.OutboxRowsMentioningAsync(tree.Centre)).Select(r => r.As<Contracts.Events.Egov.CapabilityStatesRecorded>()).ToList();
        Assert.Equal(Contracts.Events.Procedures.GovernmentLevel.Province, Assert.Single(Assert.Single(events).States).UnitLevel);

        // Its name says "huyện", the registry says a provincial department's centre.
        var claimed = await Assert.ThrowsAsync<RpcException>(async () => await service.Capabilities.RecordCapabilityStateAsync(new()
        {
            State = TestData.State(tree.Centre, Capability.WebPortal, "2014-01-01", level: GovernmentLevel.District),
        }));
        TestData.AssertFails(claimed, "state.unit_level", StatusCode.FailedPrecondition);
        Assert.Contains("cấp tỉnh", claimed.Status.Detail, StringComparison.Ordinal);
        // The old name after the rename: refused, saying the unit's name that day.
        var renamed = await Assert.ThrowsAsync<RpcException>(async () => await service.Capabilities.RecordCapabilityStateAsync(new()
        {
            State = TestData.State(tree.Town, Capability.Lan, "2014-01-01", level: GovernmentLevel.Unspecified),
        }));
        TestData.AssertFails(renamed, "state.unit", StatusCode.FailedPrecondition);
        Assert.Contains($"mang tên \"{tree.City}\"", renamed.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImportWithOneStateOfAUnitNotExistingOnItsDay_IsRefusedWhole_NamingTheRecord()
    {
        var tree = await ArrangeAsync();
        CapabilityStateRecord[] records =
        [
            TestData.State(tree.City, Capability.Lan, "2019-01-01", level: GovernmentLevel.Unspecified),
            TestData.State(tree.Commune, Capability.OneStopShopSoftware, "2019-05-02", level: GovernmentLevel.Unspecified),
            TestData.State(tree.Commune, Capability.Iso9001, "2020-02-01", level: GovernmentLevel.Unspecified, iso: IsoVersion._2015, certificate: "2020-01-15"),
            TestData.State(tree.Centre, Capability.Lan, "2019-01-01", level: GovernmentLevel.Unspecified),
        ];
        using (var call = service.Capabilities.ImportCapabilityStates())
        {
            foreach (var record in records)
            {
                await call.RequestStream.WriteAsync(record);
            }
            await call.RequestStream.CompleteAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
            TestData.AssertFails(ex, "records[2].unit", StatusCode.FailedPrecondition);
            Assert.Contains("2020-02-01", ex.Status.Detail, StringComparison.Ordinal);
        }
        foreach (var unit in new[] { tree.City, tree.Commune, tree.Centre })
        {
            Assert.Equal(0, await StoredAsync(unit));
        }

        using var accepted = service.Capabilities.ImportCapabilityStates();
        foreach (var record in records.Where((_, i) => i != 2))
        {
            await accepted.RequestStream.WriteAsync(record);
        }
        await accepted.RequestStream.CompleteAsync();
        Assert.Equal(3, (await accepted).Inserted);
        var stored = await service.Capabilities.ListCapabilityStatesAsync(new ListCapabilityStatesRequest { Unit = tree.Commune });
        Assert.Equal(GovernmentLevel.Commune, Assert.Single(stored.States).State.UnitLevel);
    }

    [Fact]
    public async Task AnImportOfSubmissions_WithAnUnknownUnit_IsRefusedWhole()
    {
        var source = TestData.NewSource();
        var known = await service.NewAgencyAsync();
        using var call = service.Metrics.ImportSubmissions();
        await call.RequestStream.WriteAsync(TestData.Value(source, known, Metric.SignaturesPersonal, 3));
        await call.RequestStream.WriteAsync(TestData.Value(source, TestData.NewAgency(), Metric.SignaturesPersonal, 4));
        await call.RequestStream.CompleteAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
        TestData.AssertFails(ex, "records[1].unit", StatusCode.FailedPrecondition);
        Assert.Contains("không có trong danh mục đơn vị", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(known));
    }
}
