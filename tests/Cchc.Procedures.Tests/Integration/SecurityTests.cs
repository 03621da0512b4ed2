using Cchc.Procedures.Api.Grpc;
using Cchc.Security;
using Cchc.Security.Audit.Grpc;
using Cchc.Security.Grpc;
using Cchc.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;

namespace Cchc.Procedures.Tests.Integration;

/// <summary>
/// Enforcement at the service itself (a call that bypasses the gateway gains nothing): tokens, scopes, units,
/// idempotency and the audit trail, each refusal checked by reading the state back.
/// </summary>
[Collection(ProceduresServiceCollection.Name)]
public sealed class SecurityTests(ProceduresService service) : IAsyncLifetime
{
    private const string TamDuong = "UBND huyện Tam Đường";
    private const string BanBo = "UBND xã Bản Bo";
    private const string Sinho = "UBND huyện Sìn Hồ";

    private readonly string procedure = TestData.NewId("TT");

    private TestTokenIssuer Issuer => service.Issuer;

    public async Task InitializeAsync() => await service.Catalog.CreateProcedureAsync(TestData.Create(procedure));

    public Task DisposeAsync() => Task.CompletedTask;

    private string District(params string[] scopes) =>
        Issuer.CreateToken("tam-duong", scopes.Length > 0 ? scopes : [SecurityScopes.ProceduresRead, SecurityScopes.ProceduresWrite], [TamDuong, BanBo]);

    private DossierService.DossierServiceClient Dossiers(string? token) => new(service.ChannelFor(token));

    private AuditService.AuditServiceClient Auditor() =>
        new(service.ChannelFor(Issuer.CreateToken("cchc-auditor", [SecurityScopes.AuditRead], ["*"])));

    private ReceiveDossierRequest Receive(string id, string unit)
    {
        var request = TestData.Receive(id, procedure);
        request.ReceivingUnit = unit;
        return request;
    }

    private Task<long> DossierCountAsync(string id) =>
        service.ScalarAsync("SELECT count(*) FROM dossiers WHERE dossier_id = @id", ("id", id));

    private Task<long> AuditCountAsync(string operation, string outcome, string status, string? target = null) =>
        service.ScalarAsync(
            "SELECT count(*) FROM audit_entries WHERE operation = @op AND outcome = @outcome AND status_code = @status AND (@target = '' OR target_id = @target)",
            ("op", operation), ("outcome", outcome), ("status", status), ("target", target ?? string.Empty));

    public static TheoryData<string> BadTokens => new() { "none", "expired", "foreign-key", "wrong-audience", "garbage" };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task DirectWrite_WithoutAValidToken_IsUnauthenticated_WritesNothing_AndIsAudited(string kind)
    {
        var scopes = new[] { SecurityScopes.ProceduresRead, SecurityScopes.ProceduresWrite };
        var token = kind switch
        {
            "none" => null,
            "expired" => Issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { Expired = true }),
            "foreign-key" => Issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { ForeignKey = true }),
            "wrong-audience" => Issuer.CreateToken("tam-duong", scopes, ["*"], new TestTokenIssuer.TokenOptions { Audience = "another-api" }),
            _ => "not-a-jwt",
        };
        var id = TestData.NewId("HS");

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Dossiers(token).ReceiveDossierAsync(Receive(id, TamDuong)));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("Bearer", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await DossierCountAsync(id));
        Assert.Equal(1, await AuditCountAsync("/cchc.procedures.v1.DossierService/ReceiveDossier", "refused", "Unauthenticated", id));
    }

    [Fact]
    public async Task DirectRead_WithoutAToken_IsUnauthenticated_ButHealthStaysOpen()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await new ProcedureCatalogService.ProcedureCatalogServiceClient(service.ChannelFor(null)).GetProcedureAsync(new GetProcedureRequest { Code = procedure }));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);

        // Answers (NotServing here: the tests' broker is down on purpose) instead of refusing.
        var health = await new Grpc.Health.V1.Health.HealthClient(service.ChannelFor(null)).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        Assert.NotEqual(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Unknown, health.Status);
    }

    [Fact]
    public async Task ReadOnlyToken_OnAWrite_IsPermissionDeniedNamingTheScope_AndWritesNothing()
    {
        var id = TestData.NewId("HS");
        var readOnly = District(SecurityScopes.ProceduresRead);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Dossiers(readOnly).ReceiveDossierAsync(Receive(id, TamDuong)));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("procedures.write", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await DossierCountAsync(id));
        // …while reading with it works.
        var procedureRead = await new ProcedureCatalogService.ProcedureCatalogServiceClient(service.ChannelFor(readOnly))
            .GetProcedureAsync(new GetProcedureRequest { Code = procedure });
        Assert.Equal(procedure, procedureRead.Code);
    }

    [Fact]
    public async Task DistrictSystem_WritesItsOwnUnits_ButAForeignUnitIsPermissionDeniedNamingIt_AndNothingIsWritten()
    {
        var own = TestData.NewId("HS");
        var foreign = TestData.NewId("HS");
        var client = Dossiers(District());

        var accepted = await client.ReceiveDossierAsync(Receive(own, BanBo));
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.ReceiveDossierAsync(Receive(foreign, Sinho)));

        Assert.Equal(BanBo, accepted.Record.ReceivingUnit);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains($"“{Sinho}”", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("receiving_unit", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await DossierCountAsync(foreign));
        Assert.Empty(await service.OutboxRowsMentioningAsync(foreign));
        Assert.Equal(1, await service.ScalarAsync(
            "SELECT count(*) FROM audit_entries WHERE target_id = @id AND outcome = 'refused' AND status_code = 'PermissionDenied' AND client_id = 'tam-duong' AND unit = @unit",
            ("id", foreign), ("unit", Sinho)));
        Assert.Equal(1, await service.ScalarAsync(
            "SELECT count(*) FROM audit_entries WHERE target_id = @id AND outcome = 'accepted' AND status_code = 'OK' AND unit = @unit", ("id", own), ("unit", BanBo)));
    }

    [Fact]
    public async Task ClosingAnotherDistrictsDossier_IsPermissionDenied_AndTheDossierIsUnchanged()
    {
        var id = TestData.NewId("HS");
        await service.Dossiers.ReceiveDossierAsync(Receive(id, Sinho));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await Dossiers(District()).ResolveDossierAsync(
            new CloseDossierRequest { DossierId = id, ClosedAt = TestData.At(TestData.May2.AddDays(1)) }));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(Sinho, ex.Status.Detail, StringComparison.Ordinal);
        var stored = await service.Dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id });
        Assert.Equal((1, DossierStatus.Received), (stored.Version, stored.Record.Status));
        Assert.Single(await service.OutboxRowsMentioningAsync(id));
    }

    [Fact]
    public async Task Import_WithOneForeignUnitInTheMiddle_IsRefusedWhole_NamingTheRecord_AndWritesNothing()
    {
        var prefix = TestData.NewId("IMP");
        var records = Enumerable.Range(0, 30).Select(n =>
        {
            var record = TestData.Record($"{prefix}-{n}", procedure, n);
            record.ReceivingUnit = n == 17 ? Sinho : TamDuong;
            return record;
        }).ToList();

        using var call = Dossiers(District()).ImportDossiers();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            foreach (var record in records)
            {
                await call.RequestStream.WriteAsync(record);
            }
            await call.RequestStream.CompleteAsync();
            await call;
        });

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("records[17].receiving_unit", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE dossier_id LIKE @p", ("p", prefix + "%")));
    }

    [Fact]
    public async Task CatalogueAndFeedbackWrites_NeedTheWholeProvince()
    {
        var district = service.ChannelFor(District());
        var code = TestData.NewId("TT");

        var catalogue = await Assert.ThrowsAsync<RpcException>(async () =>
            await new ProcedureCatalogService.ProcedureCatalogServiceClient(district).CreateProcedureAsync(TestData.Create(code)));
        var feedback = await Assert.ThrowsAsync<RpcException>(async () =>
            await new FeedbackService.FeedbackServiceClient(district).ReceiveFeedbackAsync(new ReceiveFeedbackRequest
            {
                FeedbackId = TestData.NewId("PA"), Subject = "Thái độ tiếp dân", ReceivedAt = TestData.At(TestData.May2),
            }));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (catalogue.StatusCode, feedback.StatusCode));
        Assert.Contains("toàn tỉnh", catalogue.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await service.ScalarAsync("SELECT count(*) FROM procedures WHERE code = @c", ("c", code)));
    }

    [Fact]
    public async Task ReplayedRequestId_SameContent_ReturnsTheFirstResult_AndChangesNothing()
    {
        var id = TestData.NewId("HS");
        var key = new Metadata { { SecurityInterceptor.RequestIdHeader, Guid.NewGuid().ToString() } };
        var client = Dossiers(District());
        await client.ReceiveDossierAsync(Receive(id, TamDuong));
        var close = new CloseDossierRequest { DossierId = id, ClosedAt = TestData.At(TestData.May2.AddDays(1)) };

        var first = await client.ResolveDossierAsync(close, key);
        var replay = await client.ResolveDossierAsync(close, key);

        Assert.Equal(first, replay);
        Assert.Equal(2, (await service.Dossiers.GetDossierAsync(new GetDossierRequest { DossierId = id })).Version);
        Assert.Equal(2, (await service.OutboxRowsMentioningAsync(id)).Count);
        Assert.Equal(1, await service.ScalarAsync(
            "SELECT count(*) FROM audit_entries WHERE target_id = @id AND outcome = 'replayed' AND request_id = @rid",
            ("id", id), ("rid", key.GetValue(SecurityInterceptor.RequestIdHeader)!)));
    }

    [Fact]
    public async Task ReplayedRequestId_OtherContent_IsRefused_AndChangesNothing()
    {
        var first = TestData.NewId("HS");
        var second = TestData.NewId("HS");
        var key = new Metadata { { SecurityInterceptor.RequestIdHeader, Guid.NewGuid().ToString() } };
        var client = Dossiers(District());
        await client.ReceiveDossierAsync(Receive(first, TamDuong), key);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.ReceiveDossierAsync(Receive(second, TamDuong), key));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains(SecurityInterceptor.RequestIdHeader, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await DossierCountAsync(second));
        Assert.Equal(1, await AuditCountAsync("/cchc.procedures.v1.DossierService/ReceiveDossier", "refused", "FailedPrecondition", second));
    }

    [Fact]
    public async Task StreamedImport_IsIdempotentByRequestId_Too()
    {
        var prefix = TestData.NewId("IMP");
        var key = new Metadata { { SecurityInterceptor.RequestIdHeader, Guid.NewGuid().ToString() } };
        var records = Enumerable.Range(0, 5).Select(n => TestData.Record($"{prefix}-{n}", procedure, n)).ToList();
        var client = service.Dossiers;

        async Task<ImportDossiersResponse> ImportAsync(IEnumerable<DossierRecord> batch)
        {
            using var call = client.ImportDossiers(key);
            foreach (var record in batch)
            {
                await call.RequestStream.WriteAsync(record);
            }
            await call.RequestStream.CompleteAsync();
            return await call;
        }

        var first = await ImportAsync(records);
        var replay = await ImportAsync(records);
        var ex = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(records.Take(4)));

        Assert.Equal((5L, 5L), (first.Records, first.Inserted));
        Assert.Equal(first, replay);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(5, await service.ScalarAsync("SELECT count(*) FROM dossiers WHERE dossier_id LIKE @p", ("p", prefix + "%")));
    }

    [Fact]
    public async Task AuditChain_VerifiesAfterAMixedConcurrentRun_AndAuditorsReadAUnitsEntries()
    {
        var district = Dossiers(District());
        var readOnly = Dossiers(District(SecurityScopes.ProceduresRead));
        var anonymous = Dossiers(null);
        // Accepted writes and three kinds of refusal, at once: each call's outcome is the one its caller must get.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async n =>
        {
            var (client, unit, expected) = (n % 4) switch
            {
                0 => (district, TamDuong, StatusCode.OK),
                1 => (district, Sinho, StatusCode.PermissionDenied),
                2 => (readOnly, TamDuong, StatusCode.PermissionDenied),
                _ => (anonymous, TamDuong, StatusCode.Unauthenticated),
            };
            return (Expected: expected, Actual: await StatusOfAsync(client.ReceiveDossierAsync(Receive(TestData.NewId("HS"), unit)).ResponseAsync));
        }));

        var auditor = Auditor();
        var verification = await auditor.VerifyChainAsync(new VerifyChainRequest());
        var entries = await auditor.ListEntriesAsync(new ListEntriesRequest { Unit = Sinho, PageSize = 1000 });

        Assert.Equal(outcomes.Select(o => o.Expected), outcomes.Select(o => o.Actual));
        Assert.True(verification.Ok, verification.Problem);
        Assert.Equal(await service.ScalarAsync("SELECT count(*) FROM audit_entries"), verification.Entries);
        Assert.Equal(await service.ScalarAsync("SELECT max(sequence) FROM audit_entries"), verification.Entries);
        Assert.NotEmpty(entries.Entries);
        Assert.All(entries.Entries, e => Assert.Equal(Sinho, e.Unit));
        Assert.Contains(entries.Entries, e => e.Outcome == "refused" && e.StatusCode == "PermissionDenied" && e.ClientId == "tam-duong");
    }

    [Fact]
    public async Task AuditApi_NeedsAuditRead_AndAllUnitsNeedStar()
    {
        // A unit only this test writes for: its audit trail is exactly the one refusal below.
        var unit = $"UBND xã Kiểm toán {Guid.NewGuid():N}";
        var id = TestData.NewId("HS");
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Dossiers(District()).ReceiveDossierAsync(Receive(id, unit)));
        var noScope = new AuditService.AuditServiceClient(service.ChannelFor(District()));
        var unitAuditor = new AuditService.AuditServiceClient(service.ChannelFor(
            Issuer.CreateToken("district-auditor", [SecurityScopes.AuditRead], [unit])));

        var denied = await Assert.ThrowsAsync<RpcException>(async () => await noScope.VerifyChainAsync(new VerifyChainRequest()));
        var allUnits = await Assert.ThrowsAsync<RpcException>(async () => await unitAuditor.ListEntriesAsync(new ListEntriesRequest()));
        var own = await unitAuditor.ListEntriesAsync(new ListEntriesRequest { Unit = unit });

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied),
            (refused.StatusCode, denied.StatusCode, allUnits.StatusCode));
        var entry = Assert.Single(own.Entries);
        Assert.Equal((unit, id, "tam-duong", "refused", "PermissionDenied"), (entry.Unit, entry.TargetId, entry.ClientId, entry.Outcome, entry.StatusCode));
    }

    [Fact]
    public async Task AuditLog_RefusesUpdates_AndAnEntryAlteredBehindItsBackIsFoundByVerifyChain()
    {
        await Dossiers(District()).ReceiveDossierAsync(Receive(TestData.NewId("HS"), TamDuong));
        await using var connection = new NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        var victim = await ScalarAsync<long>(connection, "SELECT min(sequence) FROM audit_entries WHERE outcome = 'accepted'");

        var guard = await Assert.ThrowsAsync<PostgresException>(() =>
            ScalarAsync<int>(connection, $"UPDATE audit_entries SET client_id = 'someone-else' WHERE sequence = {victim} RETURNING 1"));
        Assert.Contains("append-only", guard.MessageText, StringComparison.Ordinal);

        // A superuser switching triggers off (what an intruder with the database password could do).
        var original = await ScalarAsync<string>(connection, $"SELECT client_id FROM audit_entries WHERE sequence = {victim}");
        await ExecuteAsync(connection, $"SET session_replication_role = replica; UPDATE audit_entries SET client_id = 'someone-else' WHERE sequence = {victim}");
        try
        {
            var verification = await Auditor().VerifyChainAsync(new VerifyChainRequest());
            Assert.False(verification.Ok);
            Assert.Equal(victim, verification.FirstBrokenSequence);
            Assert.Contains("hash", verification.Problem, StringComparison.Ordinal);
        }
        finally
        {
            await using var restore = new NpgsqlCommand(
                $"UPDATE audit_entries SET client_id = @original WHERE sequence = {victim}; SET session_replication_role = origin", connection);
            restore.Parameters.AddWithValue("original", original);
            await restore.ExecuteNonQueryAsync();
        }
        Assert.True((await Auditor().VerifyChainAsync(new VerifyChainRequest())).Ok);
    }

    /// <summary>
    /// What the service enforces (its rule table, as the host registered it) is what the published contract declares for
    /// each RPC (option (cchc.security.v1.access) in procedures.proto, audit.proto, reference.proto), and the host serves
    /// no undeclared RPC. Health and reflection stay open.
    /// </summary>
    [Fact]
    public void EveryRpc_RequiresWhatTheContractDeclares_AndNoUndeclaredRpcIsServed()
    {
        var disagreements = AccessDeclarations.Disagreements(service.Factory.Services,
            ProcedureCatalogService.Descriptor, DossierService.Descriptor, FeedbackService.Descriptor);
        var served = AccessDeclarations.ServedMethods(service.Factory.Services);

        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements));
        Assert.Contains("/cchc.procedures.v1.DossierService/ImportDossierBatches", served);
        Assert.Contains("/cchc.audit.v1.AuditService/VerifyChain", served);
        Assert.Contains("/cchc.reference.v1.UnitReference/GetStatus", served);
        Assert.Contains("/grpc.health.v1.Health/Check", served);
    }

    /// <summary>OK, or the status the call failed with.</summary>
    private static async Task<StatusCode> StatusOfAsync<T>(Task<T> call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
