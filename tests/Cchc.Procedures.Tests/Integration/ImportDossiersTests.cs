using System.Diagnostics;
using Cchc.Contracts.Events.Procedures;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using Xunit.Abstractions;
using static Cchc.Testing.RpcAssert;
using DossierChannel = Cchc.Procedures.Api.Grpc.DossierChannel;
using DossierStatus = Cchc.Procedures.Api.Grpc.DossierStatus;

namespace Cchc.Procedures.Tests.Integration;

[Collection(ProceduresServiceCollection.Name)]
public sealed class ImportDossiersTests(ProceduresService service, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DossierService.DossierServiceClient dossiers = service.Dossiers;
    private readonly string procedure = TestData.NewId("TT");
    private readonly string otherProcedure = TestData.NewId("TT");

    public async Task InitializeAsync()
    {
        await service.Catalog.CreateProcedureAsync(TestData.Create(procedure));
        await service.Catalog.CreateProcedureAsync(TestData.Create(otherProcedure));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Record count from CCHC_IMPORT_RECORDS (e.g. 900000 to measure the demo's load), 20,000 by default.</summary>
    private static int ManyRecords =>
        int.TryParse(Environment.GetEnvironmentVariable("CCHC_IMPORT_RECORDS"), out var n) && n > 0 ? n : 20_000;

    [Fact]
    public async Task ImportDossiers_ManyRecords_WritesOneEventPerThousand_AndAnIdenticalSecondImportChangesNothing()
    {
        var prefix = TestData.NewId("IMP");
        var count = ManyRecords;
        IEnumerable<DossierRecord> Records() =>
            Enumerable.Range(0, count).Select(i => TestData.Record($"{prefix}-{i:D7}", i % 2 == 0 ? procedure : otherProcedure, i));

        var watch = Stopwatch.StartNew();
        var first = await ImportAsync(Records());
        var firstElapsed = watch.Elapsed;
        watch.Restart();
        var second = await ImportAsync(Records());
        output.WriteLine($"{count:N0} new records: {firstElapsed.TotalSeconds:F1} s = {count / firstElapsed.TotalSeconds:N0} records/s; " +
                         $"identical re-import: {watch.Elapsed.TotalSeconds:F1} s = {count / watch.Elapsed.TotalSeconds:N0} records/s");

        var expectedEvents = (count + 999) / 1000;
        Assert.Equal((count, count, 0L, expectedEvents), (first.Records, first.Inserted, first.Unchanged, first.Events));
        Assert.Equal((count, 0L, count, 0), (second.Records, second.Inserted, second.Unchanged, second.Events));
        Assert.Equal(count, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE starts_with(dossier_id, @p)", ("p", prefix)));
        Assert.Equal(expectedEvents, await service.ScalarAsync(
            "SELECT count(*) FROM outbox_messages WHERE strpos(payload::text, @p) > 0", ("p", prefix)));
        if (count <= 50_000)
        {
            var events = (await service.OutboxRowsMentioningAsync(prefix)).Select(r => r.As<DossiersRecorded>()).ToList();
            Assert.All(events, e => Assert.InRange(e.Dossiers.Count, 1, 1000));
            var states = events.SelectMany(e => e.Dossiers).ToList();
            Assert.Equal(count, states.Select(s => s.DossierId).Distinct().Count());
            Assert.All(states, s => Assert.Equal(1, s.Version));
            var sample = states.Single(s => s.DossierId == $"{prefix}-{7:D7}");
            var expected = TestData.Record(sample.DossierId, otherProcedure, 7);
            Assert.Equal((otherProcedure, expected.ReceivedAt.ToDateTimeOffset(), expected.ClosedAt.ToDateTimeOffset(), Cchc.Contracts.Events.Procedures.DossierStatus.Resolved),
                (sample.ProcedureCode, sample.ReceivedAt, sample.ClosedAt!.Value, sample.Status));
        }
    }

    [Fact]
    public async Task ProcessedElectronically_IsKeptWhenSaid_AbsentWhenNot_ComparedOnReimport_AndCarriedByTheEvent()
    {
        var prefix = TestData.NewId("IMP");
        var electronic = TestData.Record($"{prefix}-e", procedure, 3);
        electronic.ProcessedElectronically = true;
        var unsaid = TestData.Record($"{prefix}-u", procedure, 3);

        await ImportAsync([electronic, unsaid]);

        var e = await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = electronic.DossierId });
        var u = await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = unsaid.DossierId });
        Assert.Equal((true, true), (e.Record.HasProcessedElectronically, e.Record.ProcessedElectronically));
        Assert.False(u.Record.HasProcessedElectronically);
        var states = (await service.OutboxRowsMentioningAsync(prefix)).Select(r => r.As<DossiersRecorded>()).SelectMany(x => x.Dossiers).ToList();
        Assert.Equal([true, null], states.OrderBy(s => s.DossierId, StringComparer.Ordinal).Select(s => s.ProcessedElectronically));

        var changed = electronic.Clone();
        changed.ProcessedElectronically = false;
        var fields = await FailsAsync(StatusCode.AlreadyExists, async () => await ImportAsync([changed]));
        Assert.Equal(["records[0].processed_electronically"], fields);
    }

    [Fact]
    public async Task ImportDossiers_ImportedDossierIsReadableWithItsOnTimeFlag()
    {
        var prefix = TestData.NewId("IMP");
        var onTime = TestData.Record($"{prefix}-a", procedure, 3); // closed 3 days after receipt, due after 5
        var late = TestData.Record($"{prefix}-b", procedure, 6);
        late.DueAt = TestData.At(late.ReceivedAt.ToDateTimeOffset().AddDays(1));

        await ImportAsync([onTime, late]);

        var a = await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = onTime.DossierId });
        var b = await dossiers.GetDossierAsync(new GetDossierRequest { DossierId = late.DossierId });
        Assert.Equal((onTime, true, 1), (a.Record, a.OnTime, a.Version));
        Assert.Equal((late, false), (b.Record, b.OnTime));
    }

    [Fact]
    public async Task ImportDossiers_OneBadRecordInTheMiddle_IsInvalidArgumentNamingItAndWritesNothing()
    {
        var prefix = TestData.NewId("IMP");
        var records = Enumerable.Range(0, 3000).Select(i => TestData.Record($"{prefix}-{i}", procedure, i)).ToList();
        records[1234].DueAt = TestData.At(records[1234].ReceivedAt.ToDateTimeOffset().AddHours(-1));

        var ex = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(records));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("records[1234].due_at: hạn trả kết quả phải sau thời điểm tiếp nhận", ex.Status.Detail);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE starts_with(dossier_id, @p)", ("p", prefix)));
        Assert.Empty(await service.OutboxRowsMentioningAsync(prefix));
    }

    [Fact]
    public async Task ImportDossiers_ProcedureNotInTheCatalogue_FailsPreconditionNamingTheRecord()
    {
        var prefix = TestData.NewId("IMP");
        var records = Enumerable.Range(0, 10).Select(i => TestData.Record($"{prefix}-{i}", procedure, i)).ToList();
        records[7].ProcedureCode = TestData.NewId("TT");

        var fields = await FailsAsync(StatusCode.FailedPrecondition, () => ImportAsync(records));

        Assert.Equal(["records[7].procedure_code"], fields);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE starts_with(dossier_id, @p)", ("p", prefix)));
    }

    [Fact]
    public async Task ImportDossiers_NewAndAlreadyStoredTogether_InsertsOnlyTheNewOnes()
    {
        var prefix = TestData.NewId("IMP");
        var records = Enumerable.Range(0, 15).Select(i => TestData.Record($"{prefix}-{i:D2}", procedure, i)).ToList();
        await ImportAsync(records.Take(10));
        var received = TestData.Receive($"{prefix}-received", procedure);
        await dossiers.ReceiveDossierAsync(received);
        var storedAsReceived = new DossierRecord
        {
            DossierId = received.DossierId, ProcedureCode = received.ProcedureCode, ReceivingUnit = received.ReceivingUnit,
            UnitLevel = received.UnitLevel, Channel = received.Channel, ReceivedAt = received.ReceivedAt, DueAt = received.DueAt,
            Status = DossierStatus.Received,
        };

        var result = await ImportAsync(records.Append(storedAsReceived));

        Assert.Equal((16L, 5L, 11L, 1), (result.Records, result.Inserted, result.Unchanged, result.Events));
        var events = (await service.OutboxRowsMentioningAsync(prefix)).Where(r => r.MessageType == typeof(DossiersRecorded).FullName).ToList();
        Assert.Equal(3, events.Count); // first import, the receive, the second import
        Assert.Equal(records.Skip(10).Select(r => r.DossierId), events[2].As<DossiersRecorded>().Dossiers.Select(d => d.DossierId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ImportDossiers_StoredDossierWithOtherContent_IsAlreadyExistsNamingItAndWritesNothing()
    {
        var prefix = TestData.NewId("IMP");
        await ImportAsync([TestData.Record($"{prefix}-0", procedure, 0)]);
        var changed = TestData.Record($"{prefix}-0", procedure, 0);
        changed.Status = DossierStatus.Returned;
        var records = new[] { TestData.Record($"{prefix}-1", procedure, 1), TestData.Record($"{prefix}-2", procedure, 2), changed };

        var ex = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(records));

        Assert.Equal(StatusCode.AlreadyExists, ex.StatusCode);
        Assert.Contains($"{prefix}-0", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(["records[2].status"], ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(1, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE starts_with(dossier_id, @p)", ("p", prefix)));
        Assert.Single(await service.OutboxRowsMentioningAsync(prefix));
    }

    [Fact]
    public async Task ImportDossiers_SameDossierTwiceInOneCall_CountsOnceWhenIdentical()
    {
        var prefix = TestData.NewId("IMP");
        var record = TestData.Record($"{prefix}-0", procedure, 0);

        var result = await ImportAsync([record, TestData.Record($"{prefix}-1", procedure, 1), record.Clone()]);

        Assert.Equal((3L, 2L, 1L, 1), (result.Records, result.Inserted, result.Unchanged, result.Events));
        Assert.Equal(2, Assert.Single(await service.OutboxRowsMentioningAsync(prefix)).As<DossiersRecorded>().Dossiers.Count);
    }

    [Fact]
    public async Task ImportDossiers_SameDossierTwiceInOneCallWithOtherContent_IsAlreadyExistsAndWritesNothing()
    {
        var prefix = TestData.NewId("IMP");
        var record = TestData.Record($"{prefix}-0", procedure, 0);
        var changed = record.Clone();
        changed.ReceivingUnit = "Khác";

        var fields = await FailsAsync(StatusCode.AlreadyExists,
            () => ImportAsync([record, TestData.Record($"{prefix}-1", procedure, 1), changed]));

        Assert.Equal(["records[2].receiving_unit"], fields);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE starts_with(dossier_id, @p)", ("p", prefix)));
        Assert.Empty(await service.OutboxRowsMentioningAsync(prefix));
    }

    [Fact]
    public async Task ImportDossierBatches_ImportsLikeTheRecordStream_CountingIndexesAcrossBatches()
    {
        var prefix = TestData.NewId("IMP");
        var records = Enumerable.Range(0, 2500).Select(i => TestData.Record($"{prefix}-{i:D4}", procedure, i)).ToList();
        var bad = records.Select(r => r.Clone()).ToList();
        bad[1500].Channel = DossierChannel.Unspecified;

        var fields = await FailsAsync(StatusCode.InvalidArgument, () => ImportBatchesAsync(bad, batchSize: 1000));
        var first = await ImportBatchesAsync(records, batchSize: 1000);
        var again = await ImportAsync(records);

        Assert.Equal(["records[1500].channel"], fields);
        Assert.Equal((2500L, 2500L, 0L, 3), (first.Records, first.Inserted, first.Unchanged, first.Events));
        Assert.Equal((2500L, 0L, 2500L, 0), (again.Records, again.Inserted, again.Unchanged, again.Events));
        Assert.Equal(3, (await service.OutboxRowsMentioningAsync(prefix)).Count);
    }

    [Fact]
    public async Task ImportDossiers_CallCancelledMidStream_WritesNothingAndTheServiceKeepsWorking()
    {
        var prefix = TestData.NewId("IMP");
        using (var cts = new CancellationTokenSource())
        using (var call = dossiers.ImportDossiers(cancellationToken: cts.Token))
        {
            for (var i = 0; i < 500; i++)
            {
                await call.RequestStream.WriteAsync(TestData.Record($"{prefix}-{i}", procedure, i));
            }
            cts.Cancel();
            // Over the in-memory TestServer the handler's OperationCanceledException may reach the client first (UNKNOWN).
            var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            Assert.True(ex.StatusCode is StatusCode.Cancelled or StatusCode.Unknown, ex.ToString());
        }

        // The server notices the cancellation asynchronously: wait for its transaction to be gone, then check it left nothing.
        await Cchc.Testing.Eventually.AssertAsync(
            async () => await service.ScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY dossier_import%'") == 0,
            TimeSpan.FromSeconds(30), "the cancelled import's COPY should end");
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE starts_with(dossier_id, @p)", ("p", prefix)));
        Assert.Empty(await service.OutboxRowsMentioningAsync(prefix));
        var next = await ImportAsync(Enumerable.Range(0, 10).Select(i => TestData.Record($"{prefix}-{i}", procedure, i)));
        Assert.Equal(10, next.Inserted);
    }

    /// <summary>
    /// Imports no longer wait for each other (ADR 0041): while one call is held on a dossier another transaction is
    /// inserting, a second call with other dossiers completes; when that transaction commits, the held call fails whole
    /// (ABORTED, nothing written) and its re-send counts the dossier as unchanged — each dossier once, one event each.
    /// </summary>
    [Fact]
    public async Task ImportDossiers_ConcurrentCalls_RunSideBySide_AndARaceOnOneDossierAbortsAndIsSafeToResend()
    {
        var prefix = TestData.NewId("IMP");
        var held = Enumerable.Range(0, 300).Select(i => TestData.Record($"{prefix}-a{i:D3}", procedure, i)).ToList();
        var other = Enumerable.Range(0, 300).Select(i => TestData.Record($"{prefix}-b{i:D3}", procedure, i)).ToList();
        var raced = held[150];
        var template = TestData.Record($"{prefix}-t", procedure, 150);
        await ImportAsync([template]);

        await using var racer = new Npgsql.NpgsqlConnection(service.ConnectionString);
        await racer.OpenAsync();
        await using var racing = await racer.BeginTransactionAsync();
        // The racing transaction stores what the import will send for that dossier (a copy of a template imported before).
        await using (var insert = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO dossiers (dossier_id, procedure_code, receiving_unit, unit_level, channel, status, received_at, due_at, closed_at,
                                  processed_electronically, version, recorded_at)
            SELECT @id, procedure_code, receiving_unit, unit_level, channel, status, received_at, due_at, closed_at,
                   processed_electronically, version, recorded_at FROM dossiers WHERE dossier_id = @template
            """, racer, racing))
        {
            insert.Parameters.AddWithValue("id", raced.DossierId);
            insert.Parameters.AddWithValue("template", template.DossierId);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }

        var heldCall = ImportAsync(held);
        await Cchc.Testing.Eventually.AssertAsync(
            async () => await service.ScalarAsync(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO dossiers%'") == 1,
            TimeSpan.FromSeconds(60), "the first import should wait on the dossier the other transaction is inserting");
        var second = await ImportAsync(other);
        Assert.False(heldCall.IsCompleted, "the first import should still wait while the second completes");
        await racing.CommitAsync();
        await FailsAsync(StatusCode.Aborted, () => heldCall);
        var resent = await ImportAsync(held);

        Assert.Equal((300L, 300L, 0L, 1), (second.Records, second.Inserted, second.Unchanged, second.Events));
        Assert.Equal((300L, 299L, 1L, 1), (resent.Records, resent.Inserted, resent.Unchanged, resent.Events));
        Assert.Equal(601, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE starts_with(dossier_id, @p)", ("p", prefix)));
        var states = (await service.OutboxRowsMentioningAsync(prefix)).SelectMany(r => r.As<DossiersRecorded>().Dossiers).ToList();
        Assert.Equal(600, states.Count); // the template's, the second call's 300 and the re-send's 299
        Assert.Equal(600, states.Select(s => s.DossierId).Distinct().Count());
        Assert.DoesNotContain(states, s => s.DossierId == raced.DossierId);
    }

    [Fact]
    public async Task ImportDossiers_EmptyStream_ImportsNothing()
    {
        var result = await ImportAsync([]);
        Assert.Equal((0L, 0L, 0L, 0), (result.Records, result.Inserted, result.Unchanged, result.Events));
    }

    private async Task<ImportDossiersResponse> ImportBatchesAsync(IEnumerable<DossierRecord> records, int batchSize)
    {
        using var call = dossiers.ImportDossierBatches();
        try
        {
            foreach (var chunk in records.Chunk(batchSize))
            {
                await call.RequestStream.WriteAsync(new DossierRecordBatch { Records = { chunk } });
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
        }
        return await call.ResponseAsync;
    }

    /// <summary>Streams the records; when the server fails fast the write fails and the status comes with the response.</summary>
    private async Task<ImportDossiersResponse> ImportAsync(IEnumerable<DossierRecord> records)
    {
        using var call = dossiers.ImportDossiers();
        try
        {
            foreach (var record in records)
            {
                await call.RequestStream.WriteAsync(record);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (ex is RpcException or InvalidOperationException)
        {
            // The call already ended (the server refused a record): ResponseAsync carries its status.
        }
        return await call.ResponseAsync;
    }
}
