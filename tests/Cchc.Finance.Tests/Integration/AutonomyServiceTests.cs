using Cchc.Contracts.Events.Finance;
using Cchc.Finance.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.RpcAssert;
using AutonomyLevel = Cchc.Finance.Api.Grpc.AutonomyLevel;
using AutonomyRegime = Cchc.Finance.Api.Grpc.AutonomyRegime;
using ParentKind = Cchc.Finance.Api.Grpc.ParentKind;

namespace Cchc.Finance.Tests.Integration;

/// <summary>The autonomy statuses over gRPC against a real PostgreSQL: writes, refusals that write nothing, paging, import, events.</summary>
[Collection(FinanceServiceCollection.Name)]
public sealed class AutonomyServiceTests(FinanceService service)
{
    private readonly AutonomyService.AutonomyServiceClient autonomy = service.Autonomy;

    private Task<long> StatusRowsAsync(string unit) =>
        service.ScalarAsync("SELECT count(*) FROM autonomy_statuses WHERE unit = @unit", ("unit", unit));

    [Fact]
    public async Task RecordStatuses_EachEndsThePrevious_GetShowsTheOneInForce_AndEachWriteIsOneEvent()
    {
        var unit = await service.NewUnitAsync("Trung tâm Y tế");
        await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2016-01-01") });
        var again = await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2016-01-01") });
        await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2018-01-01", AutonomyLevel.Recurrent) });

        var in2017 = await autonomy.GetUnitAutonomyAsync(new GetUnitAutonomyRequest { Unit = unit, AsOf = "2017-12-31" });
        var in2018 = await autonomy.GetUnitAutonomyAsync(new GetUnitAutonomyRequest { Unit = unit, AsOf = "2018-01-01" });
        var in2015 = await autonomy.GetUnitAutonomyAsync(new GetUnitAutonomyRequest { Unit = unit, AsOf = "2015-06-01" });

        Assert.Equal(1, again.Version);
        Assert.Equal((AutonomyLevel.PartlyRecurrent, "2017-12-31"), (in2017.Current.Level, in2017.Statuses[0].EffectiveTo));
        Assert.Equal((AutonomyLevel.Recurrent, "", 2), (in2018.Current.Level, in2018.Current.EffectiveTo, in2018.Version));
        Assert.Null(in2015.Current);
        var events = await service.OutboxRowsMentioningAsync(unit);
        Assert.Equal(2, events.Count);
        var latest = Assert.Single(events[^1].As<AutonomyStatusesRecorded>().Units);
        Assert.Equal(2, latest.Version);
        Assert.Equal([new DateOnly(2017, 12, 31), null], latest.Statuses.Select(s => s.EffectiveTo));
    }

    [Fact]
    public async Task AnOverlappingStatus_IsRefused_NamingTheField_AndWritesNothing()
    {
        var unit = await service.NewUnitAsync("Trung tâm Văn hóa");
        await autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2018-01-01") });

        var overlap = await FailsAsync(StatusCode.FailedPrecondition,
            autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2017-01-01", AutonomyLevel.Recurrent) }));
        var sameDay = await FailsAsync(StatusCode.AlreadyExists,
            autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, "2018-01-01", AutonomyLevel.Recurrent) }));

        Assert.Equal(["status.effective_from"], overlap);
        Assert.Equal(["status.effective_from"], sameDay);
        Assert.Equal(1, await StatusRowsAsync(unit));
    }

    [Fact]
    public async Task AFutureDay_AndAMissingUnit_AreInvalid_AndWriteNothing()
    {
        var unit = await service.NewUnitAsync("Ban quản lý");
        var future = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var futureFields = await FailsAsync(StatusCode.InvalidArgument, autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit(unit, future) }));
        var missing = await FailsAsync(StatusCode.InvalidArgument, autonomy.RecordStatusAsync(new RecordStatusRequest { Status = TestData.ServiceUnit("", "2016-01-01") }));

        Assert.Equal(["status.effective_from"], futureFields);
        Assert.Contains("status.unit", missing);
        Assert.Equal(0, await StatusRowsAsync(unit));
    }

    [Fact]
    public async Task Import_AppliesEachUnitsStatusesInDayOrder_IsIdempotent_AndARefusedImportWritesNothing()
    {
        var a = await service.NewUnitAsync("Trường");
        var b = await service.NewUnitAsync("Trường");
        AutonomyStatus[] records =
        [
            TestData.Leaves(a, "2019-01-01"),
            TestData.ServiceUnit(a, "2016-01-01", AutonomyLevel.StateFunded),
            TestData.ServiceUnit(b, "2017-01-01", AutonomyLevel.Recurrent, ParentKind.ProvincialAgency),
        ];

        var first = await ImportAsync(records);
        var second = await ImportAsync(records);
        var c = await service.NewUnitAsync("Trường");
        var refused = await FailsAsync(StatusCode.FailedPrecondition, () => ImportAsync(
            [TestData.ServiceUnit(c, "2016-01-01"), TestData.ServiceUnit(a, "2018-01-01", AutonomyLevel.Recurrent)]));

        Assert.Equal((3L, 3L, 0L), (first.Records, first.Inserted, first.Unchanged));
        Assert.Equal((3L, 0L, 3L), (second.Records, second.Inserted, second.Unchanged));
        Assert.Equal(["records[1].effective_from"], refused);
        Assert.Equal(0, await StatusRowsAsync(c));
        var unitA = await autonomy.GetUnitAutonomyAsync(new GetUnitAutonomyRequest { Unit = a, AsOf = "2019-06-01" });
        Assert.Equal([AutonomyRegime.PublicServiceUnit, AutonomyRegime.None], unitA.Statuses.Select(s => s.Regime));
        Assert.Equal(AutonomyRegime.None, unitA.Current.Regime);
        Assert.Single(await service.OutboxRowsMentioningAsync(b));
    }

    [Fact]
    public async Task ListUnits_FiltersByTheStatusOnADay_AndPagesWithoutGapsOrRepeats()
    {
        var prefix = "Đơn vị trang " + Guid.NewGuid().ToString("N")[..6];
        var units = Enumerable.Range(0, 5).Select(i => $"{prefix} {i}").ToList();
        await Cchc.Testing.ReferenceUnits.SeedAsync(service.ConnectionString, units);
        await ImportAsync(units.Select(u => TestData.ServiceUnit(u, "2016-01-01", AutonomyLevel.RecurrentAndInvestment, ParentKind.ProvincialCommittee))
            .Append(TestData.ServiceUnit(units[0], "2017-01-01", AutonomyLevel.StateFunded, ParentKind.ProvincialCommittee)).ToArray());

        var seen = new List<string>();
        string token = "";
        do
        {
            var page = await autonomy.ListUnitsAsync(new ListUnitsRequest
            {
                PageSize = 2, PageToken = token, StatusOn = "2017-06-01", Level = AutonomyLevel.RecurrentAndInvestment, ParentKind = ParentKind.ProvincialCommittee,
            });
            seen.AddRange(page.Units.Select(u => u.Unit).Where(u => u.StartsWith(prefix, StringComparison.Ordinal)));
            Assert.All(page.Units, u => Assert.Equal(AutonomyLevel.RecurrentAndInvestment, u.Current.Level));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(units.Skip(1), seen.Order(StringComparer.Ordinal));
        await FailsAsync(StatusCode.InvalidArgument, autonomy.ListUnitsAsync(new ListUnitsRequest { PageToken = "nonsense" }));
    }

    [Fact]
    public async Task DeclaringUnreportedCells_IsIdempotent_AndRefusesAFutureYear()
    {
        var year = 2000 + Random.Shared.Next(0, 10);
        var request = new DeclareUnreportedBreakdownsRequest();
        request.Items.Add(new UnreportedBreakdown { Year = year, ParentKind = ParentKind.ProvincialAgency, Level = AutonomyLevel.StateFunded, SourceDocument = TestData.Source });

        var first = await autonomy.DeclareUnreportedBreakdownsAsync(request);
        var second = await autonomy.DeclareUnreportedBreakdownsAsync(request);
        request.Items[0].Year = DateTime.UtcNow.Year + 1;
        var future = await FailsAsync(StatusCode.InvalidArgument, autonomy.DeclareUnreportedBreakdownsAsync(request));

        Assert.Equal(0, second.Inserted);
        Assert.Equal(1, first.Inserted + first.Unchanged);
        Assert.Equal(["items[0].year"], future);
    }

    private async Task<ImportResponse> ImportAsync(IEnumerable<AutonomyStatus> records)
    {
        using var call = autonomy.ImportStatuses();
        foreach (var record in records)
        {
            await call.RequestStream.WriteAsync(record);
        }
        await call.RequestStream.CompleteAsync();
        return await call;
    }
}
