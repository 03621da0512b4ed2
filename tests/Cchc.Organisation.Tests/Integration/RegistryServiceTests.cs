using UnitsChanged = Cchc.Contracts.Events.Organisation.UnitsChanged;
using StaffingRecorded = Cchc.Contracts.Events.Organisation.StaffingRecorded;
using Cchc.Organisation.Api.Grpc;
using Cchc.Testing;
using Grpc.Core;
using C = Cchc.Contracts.Events.Organisation;
using StaffingMetric = Cchc.Organisation.Api.Grpc.StaffingMetric;
using UnitKind = Cchc.Organisation.Api.Grpc.UnitKind;

namespace Cchc.Organisation.Tests.Integration;

/// <summary>The registry through gRPC on a real database: writes with their outbox event, idempotency, refusals that write nothing, reads on a day.</summary>
[Collection(OrganisationServiceCollection.Name)]
public sealed class RegistryServiceTests(OrganisationService service)
{
    private static string NewPrefix() => "T" + Guid.NewGuid().ToString("N")[..8];

    private static FoundUnitRequest Found(string prefix, string code, string name, UnitKind kind, string parent, string on = "2004-01-01") => new()
    {
        ChangeId = $"{prefix}-found-{code}",
        EffectiveOn = on,
        Unit = new UnitSpec { UnitCode = $"{prefix}-{code}", Name = $"{name} {prefix}", Kind = kind, ParentCode = parent.Length == 0 ? "" : $"{prefix}-{parent}" },
    };

    /// <summary>A province with one district and two communes, each commune with its committee.</summary>
    private async Task<string> SeedAsync()
    {
        var p = NewPrefix();
        var registry = service.Registry;
        await registry.FoundUnitAsync(Found(p, "P", "tỉnh", UnitKind.Province, ""));
        await registry.FoundUnitAsync(Found(p, "D", "huyện", UnitKind.DistrictLevel, "P"));
        foreach (var c in new[] { "C1", "C2" })
        {
            await registry.FoundUnitAsync(Found(p, c, "xã " + c, UnitKind.CommuneLevel, "D"));
            await registry.FoundUnitAsync(Found(p, c + "-UBND", "UBND xã " + c, UnitKind.PeoplesCommittee, c));
        }
        return p;
    }

    [Fact]
    public async Task AMerger_IsStoredWithItsHistory_AndPublishedAsOneUnitsChangedWithEveryTouchedUnitsWholeHistory()
    {
        var p = await SeedAsync();
        var result = await service.Registry.MergeUnitsAsync(new MergeUnitsRequest
        {
            ChangeId = $"{p}-merge", EffectiveOn = "2020-02-01", SourceCodes = { $"{p}-C2" }, ExistingTargetCode = $"{p}-C1",
        });

        Assert.Contains($"{p}-C2", result.UnitCodes);
        Assert.Contains($"{p}-C2-UBND", result.UnitCodes);
        var merged = await service.Registry.GetUnitAsync(new GetUnitRequest { UnitCode = $"{p}-C2", AsOf = "2020-01-31" });
        Assert.Equal("2020-01-31", merged.Periods[^1].To);
        Assert.Equal([$"{p}-C1"], merged.Periods[^1].SuccessorCodes);
        Assert.Equal(ChangeKind.Merged, merged.EndedBy);
        Assert.NotNull(merged.OnDay);

        var events = (await service.OutboxRowsMentioningAsync($"{p}-merge")).Count;
        var rows = await service.OutboxRowsMentioningAsync($"{p}-C2-UBND");
        var last = rows[^1].As<UnitsChanged>();
        var history = Assert.Single(last.Units, u => u.UnitCode == $"{p}-C2-UBND");
        Assert.Equal(result.Revision, history.Revision);
        Assert.Equal([$"{p}-C1-UBND"], history.Periods[^1].SuccessorCodes);
        Assert.Equal(new DateOnly(2004, 1, 1), history.Periods[0].From);
        Assert.Equal(0, events); // the event carries histories, not the change id

        // Repeating the change writes nothing more.
        var again = await service.Registry.MergeUnitsAsync(new MergeUnitsRequest
        {
            ChangeId = $"{p}-merge", EffectiveOn = "2020-02-01", SourceCodes = { $"{p}-C2" }, ExistingTargetCode = $"{p}-C1",
        });
        Assert.True(again.AlreadyRecorded);
        Assert.Equal(rows.Count, (await service.OutboxRowsMentioningAsync($"{p}-C2-UBND")).Count);
    }

    [Fact]
    public async Task TheSameChangeIdWithOtherContent_IsAlreadyExists()
    {
        var p = await SeedAsync();
        await service.Registry.RenameUnitAsync(new RenameUnitRequest { ChangeId = $"{p}-r", EffectiveOn = "2010-01-01", UnitCode = $"{p}-C1", NewName = $"xã Mới {p}" });
        var fields = await RpcAssert.FailsAsync(StatusCode.AlreadyExists, service.Registry.RenameUnitAsync(
            new RenameUnitRequest { ChangeId = $"{p}-r", EffectiveOn = "2010-01-01", UnitCode = $"{p}-C1", NewName = $"xã Khác {p}" }));
        Assert.Equal(["change_id"], fields);
    }

    [Fact]
    public async Task BadInput_IsInvalidArgumentNamingTheFields_AndWritesNothing()
    {
        var p = NewPrefix();
        var fields = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, service.Registry.FoundUnitAsync(new FoundUnitRequest
        {
            ChangeId = $"{p}-bad", EffectiveOn = "2019-02-30",
            Unit = new UnitSpec { UnitCode = $"{p} X", Name = "", Kind = UnitKind.PublicServiceUnit, ParentCode = "" },
        }));
        Assert.Contains("effective_on", fields);
        Assert.Contains("unit.unit_code", fields);
        Assert.Contains("unit.name", fields);
        Assert.Contains("unit.sector", fields);
        Assert.Contains("unit.parent_code", fields);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM unit_changes WHERE change_id = @id", ("id", $"{p}-bad")));
    }

    [Fact]
    public async Task AnImportWithOneRefusedChange_WritesNothing_AndAValidOneIsIdempotent()
    {
        var p = NewPrefix();
        UnitChange F(string code, string name, UnitKind kind, string parent, string on = "2004-01-01") => new() { Found = Found(p, code, name, kind, parent, on) };
        var changes = new[]
        {
            F("P", "tỉnh", UnitKind.Province, ""), F("D", "huyện", UnitKind.DistrictLevel, "P"),
            F("C", "xã", UnitKind.CommuneLevel, "D"), F("Late", "xã muộn", UnitKind.CommuneLevel, "D", on: "2003-01-01"),
        };
        async Task<ImportChangesResponse> Import(IEnumerable<UnitChange> items)
        {
            using var call = service.Registry.ImportChanges();
            foreach (var change in items)
            {
                await call.RequestStream.WriteAsync(change);
            }
            await call.RequestStream.CompleteAsync();
            return await call;
        }

        var fields = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Import(changes));
        Assert.Equal(["records[3].found.unit.parent_code"], fields);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM units WHERE unit_code LIKE @p", ("p", p + "%")));

        var first = await Import(changes[..3]);
        var second = await Import(changes[..3]);
        Assert.Equal((3, 0, 3), (first.Applied, first.AlreadyRecorded, first.UnitsChanged));
        Assert.Equal((0, 3, 0), (second.Applied, second.AlreadyRecorded, second.UnitsChanged));
        Assert.Single(await service.OutboxRowsMentioningAsync($"{p}-C"));
    }

    [Fact]
    public async Task TheTreeAndTheCounts_AreThoseOfTheDayAsked()
    {
        var p = await SeedAsync();
        await service.Registry.AbolishLevelAsync(new AbolishLevelRequest
        {
            ChangeId = $"{p}-abolish", EffectiveOn = "2025-07-01", Level = UnitKind.DistrictLevel, NewParentCode = $"{p}-P",
        });

        var before = await service.Registry.GetTreeAsync(new GetTreeRequest { AsOf = "2019-12-31", RootCode = $"{p}-P" });
        var after = await service.Registry.GetTreeAsync(new GetTreeRequest { AsOf = "2026-01-01", RootCode = $"{p}-P" });

        var district = Assert.Single(before.Roots[0].Children);
        Assert.Equal(UnitKind.DistrictLevel, district.Kind);
        Assert.Equal(2, district.Children.Count);
        Assert.Equal(6, before.Units);
        // Only this province's district level ends: other tests' provinces (same database) keep theirs.
        Assert.All(after.Roots[0].Children, c => Assert.Equal(UnitKind.CommuneLevel, c.Kind));
        Assert.Equal([$"{p}-C1", $"{p}-C2"], after.Roots[0].Children.Select(c => c.UnitCode));

        var list = await service.Registry.ListUnitsAsync(new ListUnitsRequest { AsOf = "2019-12-31", ParentCode = $"{p}-D", PageSize = 1 });
        Assert.Equal(2, list.TotalSize);
        var next = await service.Registry.ListUnitsAsync(new ListUnitsRequest { AsOf = "2019-12-31", ParentCode = $"{p}-D", PageSize = 1, PageToken = list.NextPageToken });
        Assert.NotEqual(list.Units[0].UnitCode, next.Units[0].UnitCode);
        Assert.Equal(string.Empty, next.NextPageToken);
        Assert.Equal(0, (await service.Registry.ListUnitsAsync(new ListUnitsRequest { AsOf = "2026-01-01", ParentCode = $"{p}-D" })).TotalSize);

        var status = await service.Registry.GetRegistryStatusAsync(new GetRegistryStatusRequest());
        Assert.True(status.Units >= 6);
        Assert.True(status.Revision >= 1);
    }

    [Fact]
    public async Task Staffing_FiguresAndIndividualRecords_NeverBothForTheSameUnitMetricAndPeriod_AndOnlyForLiveUnits()
    {
        var p = await SeedAsync();
        var unit = $"{p}-C1-UBND";
        await service.Staffing.RecordFigureAsync(new StaffingFigure
        {
            UnitCode = unit, Metric = StaffingMetric.Streamlined, From = "2019-01-01", To = "2019-12-31", Value = 3,
        });
        var fields = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, service.Staffing.RecordStaffRecordAsync(new StaffRecord
        {
            RecordId = $"{p}-tg-1", UnitCode = unit, Kind = StaffRecordKind.Streamlining, On = "2019-05-01",
        }));
        Assert.Equal(["kind"], fields);

        // Another year takes individual records, then refuses a figure for it.
        await service.Staffing.RecordStaffRecordAsync(new StaffRecord { RecordId = $"{p}-tg-2", UnitCode = unit, Kind = StaffRecordKind.Streamlining, On = "2018-05-01" });
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, service.Staffing.RecordFigureAsync(new StaffingFigure
        {
            UnitCode = unit, Metric = StaffingMetric.Streamlined, From = "2018-01-01", To = "2018-12-31", Value = 9,
        }));
        // Not for a unit that did not exist yet.
        var notLive = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, service.Staffing.RecordFigureAsync(new StaffingFigure
        {
            UnitCode = unit, Metric = StaffingMetric.CivilServantQuota, From = "2003-01-01", To = "2003-12-31", Value = 9,
        }));
        Assert.Equal(["unit_code"], notLive);

        var facts = (await service.OutboxRowsMentioningAsync(unit)).Where(r => r.MessageType.Contains(nameof(StaffingRecorded), StringComparison.Ordinal))
            .SelectMany(r => r.As<StaffingRecorded>().Facts).ToList();
        Assert.Equal(2, facts.Count);
        Assert.Contains(facts, f => f is { Individual: true, Value: 1, Metric: C.StaffingMetric.Streamlined } && f.From == new DateOnly(2018, 5, 1));
        Assert.Contains(facts, f => f is { Individual: false, Value: 3 });

        // A changed value replaces the figure with a higher revision.
        await service.Staffing.RecordFigureAsync(new StaffingFigure { UnitCode = unit, Metric = StaffingMetric.Streamlined, From = "2019-01-01", To = "2019-12-31", Value = 4 });
        var latest = (await service.OutboxRowsMentioningAsync(unit)).Where(r => r.MessageType.Contains(nameof(StaffingRecorded), StringComparison.Ordinal))
            .SelectMany(r => r.As<StaffingRecorded>().Facts).Where(f => !f.Individual).MaxBy(f => f.Revision)!;
        Assert.Equal((4L, 2L), (latest.Value, latest.Revision));
    }
}
