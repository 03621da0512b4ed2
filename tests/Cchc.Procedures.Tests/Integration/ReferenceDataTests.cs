using Cchc.Contracts.Events.Organisation;
using Cchc.Procedures.Api.Data;
using Cchc.Procedures.Api.Grpc;
using Cchc.ReferenceData.Grpc;
using Cchc.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Cchc.Testing.ReferenceUnits;

namespace Cchc.Procedures.Tests.Integration;

// Not in parallel with the other collection: two WebApplicationFactory<Program> starting at once can catch each other's
// host (the entry point is intercepted process-wide), and one then binds the real Kestrel ports.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProceduresWithBrokerCollection : ICollectionFixture<ProceduresWithBroker>
{
    public const string Name = "procedures-with-broker";
}

/// <summary>
/// The procedures service on a real PostgreSQL and a real RabbitMQ node (Cchc.Testing's domain-service host): its copy of
/// the unit reference data is filled only by UnitsChanged events that go through the broker to the service's own queue
/// (nothing is seeded). <c>Reference</c>, <c>PublishAndWaitAsync</c> and <c>PublishAndWaitForInboxAsync</c> come from the host.
/// </summary>
public sealed class ProceduresWithBroker() : DomainServiceHost<Program, ProceduresDbContext>(new()
{
    DatabaseName = "procedures_reference_tests",
    WithBroker = true,
    DefaultCaller = issuer => issuer.ProvinceWriter(),
})
{
    public DossierService.DossierServiceClient Dossiers => new(Channel);

    public ProcedureCatalogService.ProcedureCatalogServiceClient Catalog => new(Channel);
}

[Collection(ProceduresWithBrokerCollection.Name)]
public sealed class ReferenceDataTests(ProceduresWithBroker service)
{
    private static readonly DateOnly Founded = new(2014, 1, 1);
    private static readonly DateOnly LastDay = new(2020, 1, 31);

    [Fact]
    public async Task Dossiers_AreRefusedBeforeTheUnitsFoundingAndAfterItsMerger_AndAcceptedInItsLifetime()
    {
        var (unit, procedure) = await ArrangeAsync();

        var early = Receive(procedure, unit, Founded.AddDays(-1));
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await service.Dossiers.ReceiveDossierAsync(early));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains(unit, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("2013-12-31", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(["receiving_unit"], await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, service.Dossiers.ReceiveDossierAsync(early)));

        // Received at 23:30 Vietnam time on its last day (16:30Z): accepted. The next Vietnam day (17:00Z): refused.
        var lastDay = Receive(procedure, unit, LastDay, hourUtc: 16);
        await service.Dossiers.ReceiveDossierAsync(lastDay);
        var merged = Receive(procedure, unit, LastDay, hourUtc: 17);
        var mergedEx = await Assert.ThrowsAsync<RpcException>(async () => await service.Dossiers.ReceiveDossierAsync(merged));
        Assert.Equal(StatusCode.FailedPrecondition, mergedEx.StatusCode);
        Assert.Contains(unit, mergedEx.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("2020-02-01", mergedEx.Status.Detail, StringComparison.Ordinal);

        await service.Dossiers.ReceiveDossierAsync(Receive(procedure, unit, new DateOnly(2019, 5, 2)));

        Assert.Equal(0, await CountAsync(early.DossierId) + await CountAsync(merged.DossierId));
        Assert.Equal(1, await CountAsync(lastDay.DossierId));
    }

    [Fact]
    public async Task AnImportWithOneRecordOutsideTheUnitsLifetime_IsRefusedWhole_NamingTheRecord()
    {
        var (unit, procedure) = await ArrangeAsync();
        var prefix = TestData.NewId("HSN");
        var records = Enumerable.Range(0, 50).Select(i => Record($"{prefix}-{i}", procedure, unit, new DateOnly(2019, 1, 1).AddDays(i))).ToList();
        records[37] = Record($"{prefix}-37", procedure, unit, LastDay.AddDays(3));

        using (var call = service.Dossiers.ImportDossierBatches())
        {
            var batch = new DossierRecordBatch();
            batch.Records.AddRange(records);
            await call.RequestStream.WriteAsync(batch);
            await call.RequestStream.CompleteAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(async () => await call);
            Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
            Assert.Contains("records[37].receiving_unit", ex.Status.Detail, StringComparison.Ordinal);
            Assert.Contains(unit, ex.Status.Detail, StringComparison.Ordinal);
            Assert.Contains("2020-02-03", ex.Status.Detail, StringComparison.Ordinal);
        }
        Assert.Equal(0, await CountAsync(prefix + "-%"));

        // Without the stray record the same import goes through.
        records[37] = Record($"{prefix}-37", procedure, unit, new DateOnly(2019, 2, 7));
        using var accepted = service.Dossiers.ImportDossierBatches();
        var all = new DossierRecordBatch();
        all.Records.AddRange(records);
        await accepted.RequestStream.WriteAsync(all);
        await accepted.RequestStream.CompleteAsync();
        Assert.Equal(50, (await accepted).Inserted);
    }

    [Fact]
    public async Task AnOlderRevisionArrivingLate_ChangesNothing()
    {
        var (unit, procedure) = await ArrangeAsync();
        var code = CodeOf(unit);
        var held = (await service.Reference.GetStatusAsync(new GetStatusRequest())).Revision;
        // A stale history (lower revision) that would have kept the unit alive: consumed, and ignored.
        await service.PublishAndWaitForInboxAsync(Changed(History(code, held - 1, Period(Founded, null, unit))));
        Assert.Equal(held, (await service.Reference.GetStatusAsync(new GetStatusRequest())).Revision);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, service.Dossiers.ReceiveDossierAsync(Receive(procedure, unit, LastDay.AddDays(1))));
    }

    /// <summary>A commune founded on 2014-01-01 and merged into another after 2020-01-31, published through the broker.</summary>
    private async Task<(string Unit, string Procedure)> ArrangeAsync()
    {
        var unit = $"UBND xã Thử {Guid.NewGuid():N}"[..24];
        await service.PublishAndWaitAsync(Changed(History(CodeOf(unit), NextRevision(),
            Period(Founded, LastDay, unit, UnitKind.PeoplesCommittee, ["SUCCESSOR"]))));
        var procedure = TestData.NewId("TT");
        await service.Catalog.CreateProcedureAsync(TestData.Create(procedure, inForceFrom: "2010-01-01"));
        return (unit, procedure);
    }

    private static long revision = DateTime.UtcNow.Ticks;

    private static long NextRevision() => Interlocked.Increment(ref revision);

    private static ReceiveDossierRequest Receive(string procedure, string unit, DateOnly day, int hourUtc = 2)
    {
        var request = TestData.Receive(TestData.NewId("HS"), procedure, new DateTimeOffset(day.ToDateTime(new TimeOnly(hourUtc, 30)), TimeSpan.Zero));
        request.ReceivingUnit = unit;
        return request;
    }

    private static DossierRecord Record(string id, string procedure, string unit, DateOnly day)
    {
        var received = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        return new DossierRecord
        {
            DossierId = id, ProcedureCode = procedure, ReceivingUnit = unit, UnitLevel = GovernmentLevel.Commune,
            Channel = DossierChannel.InPerson, ReceivedAt = Timestamp.FromDateTimeOffset(received),
            DueAt = Timestamp.FromDateTimeOffset(received.AddDays(3)), Status = DossierStatus.Received,
        };
    }

    private async Task<long> CountAsync(string idPattern)
    {
        await using var connection = new Npgsql.NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM dossiers WHERE dossier_id LIKE @p", connection);
        command.Parameters.AddWithValue("p", idPattern);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
