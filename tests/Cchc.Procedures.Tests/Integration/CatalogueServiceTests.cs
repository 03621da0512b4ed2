using Cchc.Contracts.Events.Procedures;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using static Cchc.Testing.RpcAssert;
using GovernmentLevel = Cchc.Procedures.Api.Grpc.GovernmentLevel;

namespace Cchc.Procedures.Tests.Integration;

[Collection(ProceduresServiceCollection.Name)]
public sealed class CatalogueServiceTests(ProceduresService service)
{
    private readonly ProcedureCatalogService.ProcedureCatalogServiceClient catalog = service.Catalog;

    [Fact]
    public async Task CreateProcedure_ThenGet_ReturnsVersionOne_AndWritesOneEventWithTheSnapshot()
    {
        var code = TestData.NewId("TT");

        var created = await catalog.CreateProcedureAsync(TestData.Create(code, "2018-01-01"));
        var fetched = await catalog.GetProcedureAsync(new GetProcedureRequest { Code = code });

        Assert.Equal(1, created.Version);
        Assert.Equal("2018-01-01", created.EffectiveFrom);
        Assert.Equal("", created.AbolishedOn);
        Assert.Equal(created, fetched);
        Assert.Equal(TestData.Attributes(), fetched.Attributes);
        Assert.Equal("1234/QĐ-UBND", fetched.Publication.DecisionNumber);

        var row = Assert.Single(await service.OutboxRowsMentioningAsync(code));
        Assert.Equal(typeof(ProcedureVersionsRecorded).FullName, row.MessageType);
        var version = Assert.Single(row.As<ProcedureVersionsRecorded>().Versions);
        Assert.Equal((code, 1, new DateOnly(2018, 1, 1), new DateOnly(2018, 1, 1)), (version.Code, version.Version, version.EffectiveFrom, version.InForceFrom));
        Assert.Equal(Cchc.Contracts.Events.Procedures.GovernmentLevel.Commune, version.Level);
        Assert.Equal(Cchc.Contracts.Events.Procedures.OnlineServiceLevel.Level3, version.OnlineLevel);
        Assert.True(version.InterAgencyBetweenLevels);
        Assert.Equal(new DateOnly(2017, 12, 20), version.DecisionDate);
        Assert.Null(version.AbolishedOn);
    }

    [Fact]
    public async Task CreateProcedure_SameContentTwice_ReturnsTheExistingProcedureAndWritesOneEvent()
    {
        var code = TestData.NewId("TT");
        var first = await catalog.CreateProcedureAsync(TestData.Create(code));

        var second = await catalog.CreateProcedureAsync(TestData.Create(code));

        Assert.Equal(first, second);
        Assert.Single(await service.OutboxRowsMentioningAsync(code));
    }

    [Fact]
    public async Task CreateProcedure_SameCodeOtherContent_IsAlreadyExistsNamingTheFieldAndChangesNothing()
    {
        var code = TestData.NewId("TT");
        await catalog.CreateProcedureAsync(TestData.Create(code));
        var other = TestData.Create(code);
        other.Attributes.FourOnTheSpot = true;

        var fields = await FailsAsync(StatusCode.AlreadyExists, catalog.CreateProcedureAsync(other));

        Assert.Equal(["attributes.four_on_the_spot"], fields);
        Assert.Single((await catalog.GetProcedureHistoryAsync(new GetProcedureHistoryRequest { Code = code })).Versions);
        Assert.Single(await service.OutboxRowsMentioningAsync(code));
    }

    [Fact]
    public async Task CreateProcedure_InvalidRequest_IsInvalidArgumentNamingTheFieldsAndWritesNothing()
    {
        var code = TestData.NewId("TT");
        var request = TestData.Create(code, "2019-02-29");
        request.Attributes.ResolvingUnit = "";

        var fields = await FailsAsync(StatusCode.InvalidArgument, catalog.CreateProcedureAsync(request));

        Assert.Equal(["attributes.resolving_unit", "in_force_from"], fields);
        await FailsAsync(StatusCode.NotFound, catalog.GetProcedureAsync(new GetProcedureRequest { Code = code }));
        Assert.Empty(await service.OutboxRowsMentioningAsync(code));
    }

    [Fact]
    public async Task AmendProcedure_RecordsVersionTwo_AndGetAsOfReturnsTheVersionInEffectThatDay()
    {
        var code = TestData.NewId("TT");
        await catalog.CreateProcedureAsync(TestData.Create(code, "2018-01-01"));

        var amended = await catalog.AmendProcedureAsync(TestData.Amend(code, "2019-06-01", "Tên sau sửa đổi"));

        Assert.Equal((2, "2019-06-01", "2018-01-01"), (amended.Version, amended.EffectiveFrom, amended.InForceFrom));
        Assert.Equal(1, (await GetAsOf(code, "2019-05-31")).Version);
        Assert.Equal(2, (await GetAsOf(code, "2019-06-01")).Version);
        Assert.Equal("Tên sau sửa đổi", (await catalog.GetProcedureAsync(new GetProcedureRequest { Code = code })).Attributes.Name);
        Assert.Equal(["as_of"], await FailsAsync(StatusCode.NotFound, () => GetAsOf(code, "2017-12-31")));

        var events = await service.OutboxRowsMentioningAsync(code);
        Assert.Equal(2, events.Count);
        var second = Assert.Single(events[1].As<ProcedureVersionsRecorded>().Versions);
        Assert.Equal((2, new DateOnly(2019, 6, 1), "Tên sau sửa đổi"), (second.Version, second.EffectiveFrom, second.Name));
    }

    [Fact]
    public async Task AmendProcedure_EffectiveBeforeTheCurrentVersion_FailsPreconditionAndWritesNothing()
    {
        var code = TestData.NewId("TT");
        await catalog.CreateProcedureAsync(TestData.Create(code, "2018-01-01"));
        await catalog.AmendProcedureAsync(TestData.Amend(code, "2019-06-01"));

        var fields = await FailsAsync(StatusCode.FailedPrecondition, catalog.AmendProcedureAsync(TestData.Amend(code, "2019-01-01", "Khác")));

        Assert.Equal(["effective_from"], fields);
        Assert.Equal(2, (await catalog.GetProcedureHistoryAsync(new GetProcedureHistoryRequest { Code = code })).Versions.Count);
        Assert.Equal(2, (await service.OutboxRowsMentioningAsync(code)).Count);
    }

    [Fact]
    public async Task AmendProcedure_UnknownCode_IsNotFound()
    {
        var fields = await FailsAsync(StatusCode.NotFound, catalog.AmendProcedureAsync(TestData.Amend(TestData.NewId("TT"), "2019-01-01")));
        Assert.Equal(["code"], fields);
    }

    [Fact]
    public async Task AbolishProcedure_RecordsTheAbolition_ThenAmendingItFailsPrecondition()
    {
        var code = TestData.NewId("TT");
        await catalog.CreateProcedureAsync(TestData.Create(code, "2018-01-01"));
        await catalog.AmendProcedureAsync(TestData.Amend(code, "2019-06-01"));

        var abolished = await catalog.AbolishProcedureAsync(new AbolishProcedureRequest
        {
            Code = code,
            AbolishedOn = "2020-01-01",
            Publication = new Publication { DecisionNumber = "7/QĐ-UBND", DecisionDate = "2019-12-20" },
        });
        var fields = await FailsAsync(StatusCode.FailedPrecondition, catalog.AmendProcedureAsync(TestData.Amend(code, "2020-06-01")));
        var history = await catalog.GetProcedureHistoryAsync(new GetProcedureHistoryRequest { Code = code });

        Assert.Equal((3, "2020-01-01", "2020-01-01"), (abolished.Version, abolished.AbolishedOn, abolished.EffectiveFrom));
        Assert.Equal(["code"], fields);
        Assert.Equal([1, 2, 3], history.Versions.Select(v => v.Version));
        Assert.Equal(["2018-01-01", "2019-06-01", "2020-01-01"], history.Versions.Select(v => v.EffectiveFrom));
        var events = await service.OutboxRowsMentioningAsync(code);
        Assert.Equal(3, events.Count);
        var abolition = Assert.Single(events[2].As<ProcedureVersionsRecorded>().Versions);
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1), "7/QĐ-UBND"), (abolition.EffectiveFrom, abolition.AbolishedOn!.Value, abolition.DecisionNumber));
    }

    [Fact]
    public async Task AbolishProcedure_BeforeItEntersIntoForce_FailsPreconditionAndWritesNothing()
    {
        var code = TestData.NewId("TT");
        await catalog.CreateProcedureAsync(TestData.Create(code, "2018-01-01"));

        var fields = await FailsAsync(StatusCode.FailedPrecondition,
            catalog.AbolishProcedureAsync(new AbolishProcedureRequest { Code = code, AbolishedOn = "2017-06-30" }));

        Assert.Equal(["abolished_on"], fields);
        Assert.Equal("", (await catalog.GetProcedureAsync(new GetProcedureRequest { Code = code })).AbolishedOn);
        Assert.Single(await service.OutboxRowsMentioningAsync(code));
    }

    [Fact]
    public async Task ListProcedures_ShowsTheProceduresInForceOnTheDay_FilteredAndPaged()
    {
        var field = TestData.NewId("Lĩnh vực");
        async Task Create(string name, GovernmentLevel level, string inForceFrom, string? abolishedOn = null)
        {
            var request = TestData.Create(TestData.NewId("TT"), inForceFrom);
            (request.Attributes.Name, request.Attributes.Field, request.Attributes.Level) = (name, field, level);
            await catalog.CreateProcedureAsync(request);
            if (abolishedOn is not null)
            {
                await catalog.AbolishProcedureAsync(new AbolishProcedureRequest { Code = request.Code, AbolishedOn = abolishedOn });
            }
        }
        await Create("Cấp Giấy phép xây dựng", GovernmentLevel.District, "2015-01-01");
        await Create("Cấp lại giấy phép xây dựng", GovernmentLevel.District, "2016-01-01");
        await Create("Đăng ký kết hôn", GovernmentLevel.Commune, "2015-01-01");
        await Create("Đăng ký khai tử", GovernmentLevel.Commune, "2015-01-01");
        await Create("Chứng thực bản sao", GovernmentLevel.Commune, "2015-01-01");
        await Create("Đã bãi bỏ", GovernmentLevel.Commune, "2015-01-01", abolishedOn: "2019-01-01");
        await Create("Chưa có hiệu lực", GovernmentLevel.Commune, "2021-01-01");

        var inForce = await ListAll(new ListProceduresRequest { Field = field, InForceOn = "2019-06-01", PageSize = 2 });
        var communes = await catalog.ListProceduresAsync(new ListProceduresRequest { Field = field, InForceOn = "2019-06-01", Level = GovernmentLevel.Commune });
        var permits = await catalog.ListProceduresAsync(new ListProceduresRequest { Field = field, InForceOn = "2019-06-01", NameContains = "GIẤY PHÉP" });
        var before = await catalog.ListProceduresAsync(new ListProceduresRequest { Field = field, InForceOn = "2018-12-31" });

        Assert.Equal(5, inForce.Count);
        Assert.Equal(inForce.Select(p => p.Code).Order(StringComparer.Ordinal), inForce.Select(p => p.Code));
        Assert.DoesNotContain(inForce, p => p.Attributes.Name is "Đã bãi bỏ" or "Chưa có hiệu lực");
        Assert.Equal(3, communes.TotalSize);
        Assert.All(communes.Procedures, p => Assert.Equal(GovernmentLevel.Commune, p.Attributes.Level));
        Assert.Equal(["Cấp Giấy phép xây dựng", "Cấp lại giấy phép xây dựng"], permits.Procedures.Select(p => p.Attributes.Name).Order());
        Assert.Equal(6, before.TotalSize);
    }

    [Fact]
    public async Task ListProcedures_ShowsEachProcedureAsItsVersionInEffectThatDay()
    {
        var field = TestData.NewId("Lĩnh vực");
        var request = TestData.Create(TestData.NewId("TT"), "2018-01-01");
        request.Attributes.Field = field;
        await catalog.CreateProcedureAsync(request);
        var amendment = TestData.Amend(request.Code, "2019-06-01", "Tên mới");
        amendment.Attributes.Field = field;
        await catalog.AmendProcedureAsync(amendment);

        var early = Assert.Single((await catalog.ListProceduresAsync(new ListProceduresRequest { Field = field, InForceOn = "2019-05-31" })).Procedures);
        var late = Assert.Single((await catalog.ListProceduresAsync(new ListProceduresRequest { Field = field, InForceOn = "2019-06-01" })).Procedures);

        Assert.Equal((1, "Đăng ký khai sinh"), (early.Version, early.Attributes.Name));
        Assert.Equal((2, "Tên mới"), (late.Version, late.Attributes.Name));
    }

    [Fact]
    public async Task ListProcedures_PageTokenOfAnotherFilter_IsInvalidArgument()
    {
        var field = TestData.NewId("Lĩnh vực");
        for (var i = 0; i < 2; i++)
        {
            var request = TestData.Create(TestData.NewId("TT"));
            request.Attributes.Field = field;
            await catalog.CreateProcedureAsync(request);
        }
        var first = await catalog.ListProceduresAsync(new ListProceduresRequest { Field = field, PageSize = 1 });

        var fields = await FailsAsync(StatusCode.InvalidArgument, catalog.ListProceduresAsync(
            new ListProceduresRequest { Field = field, PageSize = 1, PageToken = first.NextPageToken, Level = GovernmentLevel.Province }));

        Assert.NotEmpty(first.NextPageToken);
        Assert.Equal(["page_token"], fields);
    }

    private async Task<Procedure> GetAsOf(string code, string day) =>
        await catalog.GetProcedureAsync(new GetProcedureRequest { Code = code, AsOf = day });

    private async Task<List<Procedure>> ListAll(ListProceduresRequest request)
    {
        var all = new List<Procedure>();
        var pages = 0;
        int? total = null;
        do
        {
            var page = await catalog.ListProceduresAsync(request);
            Assert.True(page.Procedures.Count <= request.PageSize);
            all.AddRange(page.Procedures);
            request.PageToken = page.NextPageToken;
            Assert.True(++pages < 100, "paging never ends");
            total ??= page.TotalSize;
            Assert.Equal(total, page.TotalSize);
        }
        while (request.PageToken.Length > 0);
        Assert.Equal(total, all.Count);
        Assert.Equal(all.Count, all.Select(p => p.Code).Distinct().Count());
        return all;
    }
}
