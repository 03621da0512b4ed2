using Cchc.Contracts.Events.Procedures;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using Cchc.Testing;
using static Cchc.Testing.RpcAssert;
using DossierChannel = Cchc.Procedures.Api.Grpc.DossierChannel;
using DossierStatus = Cchc.Procedures.Api.Grpc.DossierStatus;
using GovernmentLevel = Cchc.Procedures.Api.Grpc.GovernmentLevel;

namespace Cchc.Procedures.Tests.Integration;

[Collection(ProceduresServiceCollection.Name)]
public sealed class DossierServiceTests(ProceduresService service) : IAsyncLifetime
{
    private readonly DossierService.DossierServiceClient dossiers = service.Dossiers;
    private readonly string procedure = TestData.NewId("TT");

    public async Task InitializeAsync() => await service.Catalog.CreateProcedureAsync(TestData.Create(procedure));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReceiveDossier_ThenResolveOnTime_RecordsTwoVersionsEachWithOneEvent()
    {
        var id = TestData.NewId("HS");
        var received = await dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure));
        var closedAt = TestData.May2.AddDays(3); // exactly the due instant

        var resolved = await dossiers.ResolveDossierAsync(new CloseDossierRequest { DossierId = id, ClosedAt = TestData.At(closedAt) });

        Assert.Equal((1, DossierStatus.Received, false), (received.Version, received.Record.Status, received.OnTime));
        Assert.Equal((2, DossierStatus.Resolved, true), (resolved.Version, resolved.Record.Status, resolved.OnTime));
        Assert.Equal(resolved, await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id }));
        var events = await service.OutboxRowsMentioningAsync(id);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(typeof(DossiersRecorded).FullName, e.MessageType));
        var first = Assert.Single(events[0].As<DossiersRecorded>().Dossiers);
        var second = Assert.Single(events[1].As<DossiersRecorded>().Dossiers);
        Assert.Equal((1, Cchc.Contracts.Events.Procedures.DossierStatus.Received, (DateTimeOffset?)null), (first.Version, first.Status, first.ClosedAt));
        Assert.Equal((2, Cchc.Contracts.Events.Procedures.DossierStatus.Resolved, (DateTimeOffset?)closedAt), (second.Version, second.Status, second.ClosedAt));
        Assert.Equal((procedure, TestData.May2, TestData.May2.AddDays(3)), (second.ProcedureCode, second.ReceivedAt, second.DueAt));
    }

    [Fact]
    public async Task ResolveDossier_AfterDueDate_CountsAsLate()
    {
        var id = TestData.NewId("HS");
        await dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure));

        var resolved = await dossiers.ResolveDossierAsync(new CloseDossierRequest { DossierId = id, ClosedAt = TestData.At(TestData.May2.AddDays(3).AddSeconds(1)) });

        Assert.Equal(DossierStatus.Resolved, resolved.Record.Status);
        Assert.False(resolved.OnTime);
    }

    [Fact]
    public async Task ReceiveDossier_SameContentTwice_ReturnsTheExistingDossierAndWritesOneEvent()
    {
        var id = TestData.NewId("HS");
        var first = await dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure));

        var again = await dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure));

        Assert.Equal(first, again);
        Assert.Single(await service.OutboxRowsMentioningAsync(id));
    }

    [Fact]
    public async Task ReceiveDossier_SameIdOtherContent_IsAlreadyExistsNamingTheFieldAndChangesNothing()
    {
        var id = TestData.NewId("HS");
        var first = await dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure));
        var other = TestData.Receive(id, procedure);
        other.Channel = DossierChannel.Online;

        var fields = await FailsAsync(StatusCode.AlreadyExists, dossiers.ReceiveDossierAsync(other));

        Assert.Equal(["channel"], fields);
        Assert.Equal(first, await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id }));
        Assert.Single(await service.OutboxRowsMentioningAsync(id));
    }

    [Fact]
    public async Task ReceiveDossier_ProcedureNotInTheCatalogue_FailsPreconditionOnProcedureCodeAndWritesNothing()
    {
        var id = TestData.NewId("HS");

        var fields = await FailsAsync(StatusCode.FailedPrecondition, dossiers.ReceiveDossierAsync(TestData.Receive(id, TestData.NewId("TT"))));

        Assert.Equal(["procedure_code"], fields);
        await FailsAsync(StatusCode.NotFound, dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id }));
        Assert.Empty(await service.OutboxRowsMentioningAsync(id));
    }

    [Fact]
    public async Task ReceiveDossier_DueBeforeReceipt_IsInvalidArgumentOnDueAtAndWritesNothing()
    {
        var id = TestData.NewId("HS");
        var request = TestData.Receive(id, procedure);
        request.DueAt = TestData.At(TestData.May2.AddHours(-1));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await dossiers.ReceiveDossierAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("due_at: hạn trả kết quả phải sau thời điểm tiếp nhận", ex.Status.Detail);
        await FailsAsync(StatusCode.NotFound, dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id }));
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE dossier_id = @id", ("id", id)));
        Assert.Empty(await service.OutboxRowsMentioningAsync(id));
    }

    [Fact]
    public async Task ResolveDossier_AlreadyClosed_FailsPrecondition_ButTheSameCloseRepeatedIsReturned()
    {
        var id = TestData.NewId("HS");
        await dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure));
        var close = new CloseDossierRequest { DossierId = id, ClosedAt = TestData.At(TestData.May2.AddDays(1)) };
        var resolved = await dossiers.ResolveDossierAsync(close);

        var repeated = await dossiers.ResolveDossierAsync(close);
        var returnFields = await FailsAsync(StatusCode.FailedPrecondition, dossiers.ReturnDossierAsync(close));
        var laterFields = await FailsAsync(StatusCode.FailedPrecondition, dossiers.ResolveDossierAsync(
            new CloseDossierRequest { DossierId = id, ClosedAt = TestData.At(TestData.May2.AddDays(2)) }));

        Assert.Equal(resolved, repeated);
        Assert.Equal(["dossier_id"], returnFields);
        Assert.Equal(["dossier_id"], laterFields);
        Assert.Equal(resolved, await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id }));
        Assert.Equal(2, (await service.OutboxRowsMentioningAsync(id)).Count);
    }

    [Fact]
    public async Task ReturnAndWithdraw_CloseTheDossierWithThatStatus_NeverOnTime()
    {
        var returnedId = TestData.NewId("HS");
        var withdrawnId = TestData.NewId("HS");
        await dossiers.ReceiveDossierAsync(TestData.Receive(returnedId, procedure));
        await dossiers.ReceiveDossierAsync(TestData.Receive(withdrawnId, procedure));
        var at = TestData.At(TestData.May2.AddHours(5));

        var returned = await dossiers.ReturnDossierAsync(new CloseDossierRequest { DossierId = returnedId, ClosedAt = at });
        var withdrawn = await dossiers.WithdrawDossierAsync(new CloseDossierRequest { DossierId = withdrawnId, ClosedAt = at });

        Assert.Equal((DossierStatus.Returned, false, at), (returned.Record.Status, returned.OnTime, returned.Record.ClosedAt));
        Assert.Equal((DossierStatus.Withdrawn, false, at), (withdrawn.Record.Status, withdrawn.OnTime, withdrawn.Record.ClosedAt));
    }

    [Fact]
    public async Task ResolveDossier_BeforeItWasReceived_IsInvalidArgumentOnClosedAtAndChangesNothing()
    {
        var id = TestData.NewId("HS");
        var received = await dossiers.ReceiveDossierAsync(TestData.Receive(id, procedure));

        var fields = await FailsAsync(StatusCode.InvalidArgument, dossiers.ResolveDossierAsync(
            new CloseDossierRequest { DossierId = id, ClosedAt = TestData.At(TestData.May2.AddMinutes(-1)) }));

        Assert.Equal(["closed_at"], fields);
        Assert.Equal(received, await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id }));
        Assert.Single(await service.OutboxRowsMentioningAsync(id));
    }

    [Fact]
    public async Task ResolveDossier_UnknownId_IsNotFound()
    {
        var fields = await FailsAsync(StatusCode.NotFound, dossiers.ResolveDossierAsync(
            new CloseDossierRequest { DossierId = TestData.NewId("HS"), ClosedAt = TestData.At(TestData.May2) }));
        Assert.Equal(["dossier_id"], fields);
    }

    [Fact]
    public async Task ListDossiers_FiltersByUnitStatusLevelAndReceivedDays_AndPagesInIdOrder()
    {
        var unit = TestData.NewId("Một cửa");
        await ReferenceUnits.SeedAsync(service.ConnectionString, [unit]);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var request = TestData.Receive(TestData.NewId("HS"), procedure, TestData.May2.AddDays(i));
            request.ReceivingUnit = unit;
            request.UnitLevel = i < 5 ? GovernmentLevel.Commune : GovernmentLevel.District;
            await dossiers.ReceiveDossierAsync(request);
            ids.Add(request.DossierId);
            if (i % 2 == 0)
            {
                await dossiers.ResolveDossierAsync(new CloseDossierRequest { DossierId = request.DossierId, ClosedAt = request.DueAt });
            }
        }

        var all = new List<Dossier>();
        var request0 = new ListDossiersRequest { ReceivingUnit = unit, PageSize = 3 };
        ListDossiersResponse page;
        do
        {
            page = await dossiers.ListDossiersAsync(request0);
            Assert.Equal(7, page.TotalSize);
            all.AddRange(page.Dossiers);
            request0.PageToken = page.NextPageToken;
        }
        while (page.NextPageToken.Length > 0);
        var resolved = await dossiers.ListDossiersAsync(new ListDossiersRequest { ReceivingUnit = unit, Status = DossierStatus.Resolved });
        var pending = await dossiers.ListDossiersAsync(new ListDossiersRequest { ProcedureCode = procedure, Status = DossierStatus.Received });
        var district = await dossiers.ListDossiersAsync(new ListDossiersRequest { ReceivingUnit = unit, UnitLevel = GovernmentLevel.District });
        // 2019-05-02T01:30Z + n days is 08:30 Vietnam time on 2019-05-(2+n).
        var days = await dossiers.ListDossiersAsync(new ListDossiersRequest { ReceivingUnit = unit, ReceivedFrom = "2019-05-03", ReceivedTo = "2019-05-04" });
        var byProcedure = await dossiers.ListDossiersAsync(new ListDossiersRequest { ProcedureCode = procedure, PageSize = 500 });

        Assert.Equal(ids.Order(StringComparer.Ordinal), all.Select(d => d.Record.DossierId));
        Assert.Equal(ids.Where((_, i) => i % 2 == 0).Order(StringComparer.Ordinal), resolved.Dossiers.Select(d => d.Record.DossierId));
        Assert.Equal(ids.Where((_, i) => i % 2 == 1).Order(StringComparer.Ordinal), pending.Dossiers.Select(d => d.Record.DossierId));
        Assert.Equal(ids.Skip(5).Order(StringComparer.Ordinal), district.Dossiers.Select(d => d.Record.DossierId));
        Assert.Equal(ids.Skip(1).Take(2).Order(StringComparer.Ordinal), days.Dossiers.Select(d => d.Record.DossierId));
        Assert.Equal(7, byProcedure.TotalSize);
    }
}
