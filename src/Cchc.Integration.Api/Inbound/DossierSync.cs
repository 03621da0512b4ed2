using Cchc.Integration.Api.Data;
using Cchc.Integration.Api.Domain;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Integration.Api.Inbound;

/// <summary>
/// Applies mapped one-stop-shop records to the procedures service, one record at a time and each in one call there, so a
/// record is applied whole or not at all. Idempotent by dossier code and status: a status already applied, or a status
/// before the one applied (an update that arrives late), changes nothing; records of one dossier are serialized (an
/// advisory lock on its code) while its call is made and its new state stored.
/// </summary>
public sealed class DossierSync(IntegrationDbContext db, DossierService.DossierServiceClient procedures, TimeProvider clock, ILogger<DossierSync> logger)
{
    /// <summary>The procedures service's field names → the source format's (for its refusals).</summary>
    private static readonly Dictionary<string, string> SourceFields = new(StringComparer.Ordinal)
    {
        ["dossier_id"] = "MaHoSo",
        ["procedure_code"] = "MaTTHC",
        ["receiving_unit"] = "DonViXuLy",
        ["unit_level"] = "DonViXuLy",
        ["channel"] = "HinhThuc",
        ["received_at"] = "NgayTiepNhan",
        ["due_at"] = "NgayHenTra",
        ["closed_at"] = "NgayKetThucXuLy",
        ["status"] = "TrangThaiHoSo",
    };

    public Task<RecordResult> ApplyAsync(int index, MappedDossier dossier, CancellationToken ct) =>
        InLockAsync(index, dossier.DossierCode, "TrangThaiHoSo", async state =>
        {
            if (state is not null)
            {
                return await AdvanceAsync(index, state, dossier.Status, dossier.ClosedAt, dossier.SourceStatus, "TrangThaiHoSo", ct);
            }
            var existing = await FindAsync(dossier.DossierCode, ct);
            if (existing is not null)
            {
                // Known to the procedures service (recorded directly, or applied before this database knew): adopt it.
                state = Track(existing, dossier.SourceStatus);
                return await AdvanceAsync(index, state, dossier.Status, dossier.ClosedAt, dossier.SourceStatus, "TrangThaiHoSo", ct);
            }
            if (DossierMapping.IsClosed(dossier.Status))
            {
                // A dossier first seen closed: one import call of one record, all or nothing.
                using var import = procedures.ImportDossierBatches(cancellationToken: ct);
                var batch = new DossierRecordBatch();
                batch.Records.Add(ToRecord(dossier));
                await import.RequestStream.WriteAsync(batch, ct);
                await import.RequestStream.CompleteAsync();
                await import;
            }
            else
            {
                await procedures.ReceiveDossierAsync(new ReceiveDossierRequest
                {
                    DossierId = dossier.DossierCode, ProcedureCode = dossier.ProcedureCode, ReceivingUnit = dossier.ReceivingUnit,
                    UnitLevel = dossier.UnitLevel, Channel = dossier.Channel,
                    ReceivedAt = Timestamp.FromDateTimeOffset(dossier.ReceivedAt), DueAt = Timestamp.FromDateTimeOffset(dossier.DueAt),
                    ProcessedElectronically = dossier.ProcessedElectronically,
                }, cancellationToken: ct);
            }
            var now = clock.GetUtcNow();
            db.SyncedDossiers.Add(new SyncedDossierEntity
            {
                DossierCode = dossier.DossierCode, ProcedureCode = dossier.ProcedureCode, Status = (int)dossier.Status,
                SourceStatus = dossier.SourceStatus, ClosedAt = dossier.ClosedAt, FirstSyncedAt = now, UpdatedAt = now,
            });
            return RecordResult.Ok(index, dossier.DossierCode, RecordResult.Applied, $"đã ghi nhận hồ sơ ({IntegrationMessages.Describe((int)dossier.Status)})");
        }, ct);

    public Task<RecordResult> ApplyAsync(int index, MappedProgress progress, CancellationToken ct) =>
        InLockAsync(index, progress.DossierCode, "TrangThai", async state =>
        {
            if (state is null)
            {
                var existing = await FindAsync(progress.DossierCode, ct);
                if (existing is null)
                {
                    return RecordResult.Later(index, progress.DossierCode, IntegrationMessages.NotSynchronised(progress.DossierCode));
                }
                state = Track(existing, progress.SourceStatus);
            }
            return await AdvanceAsync(index, state, progress.Status, DossierMapping.IsClosed(progress.Status) ? progress.At : null,
                progress.SourceStatus, "TrangThai", ct);
        }, ct);

    /// <summary>The dossier's state moves forward only: received → closed (resolved, returned or withdrawn), once.</summary>
    private async Task<RecordResult> AdvanceAsync(int index, SyncedDossierEntity state, DossierStatus target, DateTimeOffset? closedAt,
        string sourceStatus, string statusField, CancellationToken ct)
    {
        var current = (DossierStatus)state.Status;
        if (current == target || !DossierMapping.IsClosed(target))
        {
            // The same status again (a retry), or an earlier one arriving late: nothing changes.
            return RecordResult.Ok(index, state.DossierCode, RecordResult.Unchanged,
                $"không thay đổi: hồ sơ đang ở trạng thái {IntegrationMessages.Describe(state.Status)}");
        }
        if (DossierMapping.IsClosed(current))
        {
            return RecordResult.Refuse(index, state.DossierCode,
                [new RecordError(statusField, IntegrationMessages.AlreadyClosed(state.DossierCode, IntegrationMessages.Describe(state.Status), IntegrationMessages.Describe((int)target)))]);
        }
        var request = new CloseDossierRequest { DossierId = state.DossierCode, ClosedAt = Timestamp.FromDateTimeOffset(closedAt!.Value) };
        _ = target switch
        {
            DossierStatus.Resolved => await procedures.ResolveDossierAsync(request, cancellationToken: ct),
            DossierStatus.Returned => await procedures.ReturnDossierAsync(request, cancellationToken: ct),
            _ => await procedures.WithdrawDossierAsync(request, cancellationToken: ct),
        };
        state.Status = (int)target;
        state.ClosedAt = closedAt;
        state.SourceStatus = sourceStatus;
        state.UpdatedAt = clock.GetUtcNow();
        return RecordResult.Ok(index, state.DossierCode, RecordResult.Applied, $"đã cập nhật: {IntegrationMessages.Describe((int)target)}");
    }

    /// <summary>
    /// Runs <paramref name="apply"/> for one dossier in a transaction holding the dossier's lock, stores its new state
    /// with it, and turns the procedures service's refusals into the record's errors (named by source field).
    /// </summary>
    private async Task<RecordResult> InLockAsync(int index, string code, string statusField,
        Func<SyncedDossierEntity?, Task<RecordResult>> apply, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({code}, 15))", ct);
            var state = await db.SyncedDossiers.SingleOrDefaultAsync(d => d.DossierCode == code, ct);
            var result = await apply(state);
            if (result.ErrorCode == 0)
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            return result;
        }
        catch (RpcException e) when (IsRefusal(e.StatusCode))
        {
            var errors = FieldsOf(e, statusField);
            logger.LogInformation("The procedures service refused dossier {DossierCode}: {Status} {Detail}", code, e.StatusCode, e.Status.Detail);
            return RecordResult.Refuse(index, code, errors);
        }
        catch (RpcException e)
        {
            logger.LogWarning(e, "Dossier {DossierCode} not applied now: the procedures service answered {Status}", code, e.StatusCode);
            return RecordResult.Later(index, code, IntegrationMessages.Transient);
        }
        catch (Exception e) when (e is HttpRequestException or DbUpdateException or Npgsql.NpgsqlException)
        {
            // No token for the procedures service, or this database failing: the LGSP sends it again (every step is idempotent).
            logger.LogWarning(e, "Dossier {DossierCode} not applied now", code);
            return RecordResult.Later(index, code, IntegrationMessages.Transient);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static bool IsRefusal(StatusCode code) =>
        code is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.NotFound
            or StatusCode.OutOfRange or StatusCode.PermissionDenied;

    private static List<RecordError> FieldsOf(RpcException e, string statusField)
    {
        var violations = e.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        if (violations is null || violations.Count == 0)
        {
            return [new RecordError("MaHoSo", e.Status.Detail)];
        }
        return [.. violations.Select(v =>
        {
            // "records[0].due_at" (an import) or "due_at".
            var field = v.Field[(v.Field.LastIndexOf('.') + 1)..];
            var source = SourceFields.GetValueOrDefault(field, field);
            return new RecordError(source == "TrangThaiHoSo" ? statusField : source, v.Description);
        })];
    }

    private async Task<Dossier?> FindAsync(string code, CancellationToken ct)
    {
        try
        {
            return await procedures.GetDossierAsync(new GetDossierRequest { DossierId = code }, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    private SyncedDossierEntity Track(Dossier existing, string sourceStatus)
    {
        var now = clock.GetUtcNow();
        var state = new SyncedDossierEntity
        {
            DossierCode = existing.Record.DossierId, ProcedureCode = existing.Record.ProcedureCode, Status = (int)existing.Record.Status,
            SourceStatus = sourceStatus, ClosedAt = existing.Record.ClosedAt?.ToDateTimeOffset(), FirstSyncedAt = now, UpdatedAt = now,
        };
        db.SyncedDossiers.Add(state);
        return state;
    }

    private static DossierRecord ToRecord(MappedDossier d) => new()
    {
        DossierId = d.DossierCode, ProcedureCode = d.ProcedureCode, ReceivingUnit = d.ReceivingUnit, UnitLevel = d.UnitLevel,
        Channel = d.Channel, ReceivedAt = Timestamp.FromDateTimeOffset(d.ReceivedAt), DueAt = Timestamp.FromDateTimeOffset(d.DueAt),
        Status = d.Status, ClosedAt = d.ClosedAt is { } c ? Timestamp.FromDateTimeOffset(c) : null,
        ProcessedElectronically = d.ProcessedElectronically,
    };
}
