using System.Runtime.CompilerServices;
using Cchc.Contracts.Events.Procedures;
using Events = Cchc.Contracts.Events.Procedures;
using Cchc.Messaging;
using Cchc.Procedures.Api.Data;
using Cchc.Procedures.Api.Domain;
using Cchc.ReferenceData;
using Cchc.Contracts;
using Cchc.Security.Authorization;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Procedures.Api.Grpc;

/// <summary>One-stop-shop dossiers: every change records the dossier's new state and a DossiersRecorded event together.</summary>
public sealed class DossierGrpcService(ProceduresDbContext db, TimeProvider clock, RequestSecurity security, IUnitReference units, IPeriodLock periods,
    ILogger<DossierGrpcService> logger)
    : DossierService.DossierServiceBase
{
    public override Task<Dossier> ReceiveDossier(ReceiveDossierRequest request, ServerCallContext context)
    {
        var facts = DossierValidation.Receive(request);
        return db.WriteAsync(async ct =>
        {
            var existing = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.DossierId == facts.DossierId, ct);
            if (existing is not null)
            {
                return existing.ToFacts().FirstDifference(facts, includeClosure: false) is { } field
                    ? throw DomainException.Conflict(field, Messages.DifferentContent("hồ sơ", facts.DossierId, field))
                    : MapToDossier(existing);
            }
            if (!await db.Procedures.AnyAsync(p => p.Code == facts.ProcedureCode, ct))
            {
                throw DomainException.Precondition("procedure_code", Messages.UnknownProcedure(facts.ProcedureCode));
            }
            // The receiving unit must have existed on the (Vietnam) day the dossier was received.
            await units.EnsureExistedAsync(facts.ReceivingUnit, VietnamCalendar.LocalDate(facts.ReceivedAt), "receiving_unit", ct);
            // A dossier counts in the period of the day it was received (ADR 0029).
            await periods.EnsureOpenAsync([FactDay.At(facts.ReceivedAt, "received_at")], ct);
            var dossier = DossierEntity.From(facts, version: 1, Instant.Normalize(clock.GetUtcNow()));
            db.Dossiers.Add(dossier);
            return await SaveWithEventAsync(dossier, ct);
        }, context.CancellationToken);
    }

    public override Task<Dossier> ResolveDossier(CloseDossierRequest request, ServerCallContext context) =>
        CloseAsync(request, Events.DossierStatus.Resolved, context.CancellationToken);

    public override Task<Dossier> ReturnDossier(CloseDossierRequest request, ServerCallContext context) =>
        CloseAsync(request, Events.DossierStatus.Returned, context.CancellationToken);

    public override Task<Dossier> WithdrawDossier(CloseDossierRequest request, ServerCallContext context) =>
        CloseAsync(request, Events.DossierStatus.Withdrawn, context.CancellationToken);

    public override async Task<Dossier> GetDossier(GetDossierRequest request, ServerCallContext context)
    {
        var id = DossierValidation.Get(request);
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.DossierId == id, context.CancellationToken);
        return MapToDossier(dossier ?? throw NotFound(id));
    }

    public override async Task<ListDossiersResponse> ListDossiers(ListDossiersRequest request, ServerCallContext context)
    {
        var query = DossierValidation.List(request);
        var ct = context.CancellationToken;
        var dossiers = db.Dossiers.AsNoTracking();
        if (query.ProcedureCode is { } code)
        {
            dossiers = dossiers.Where(d => d.ProcedureCode == code);
        }
        if (query.ReceivingUnit is { } unit)
        {
            dossiers = dossiers.Where(d => d.ReceivingUnit == unit);
        }
        if (query.UnitLevel is { } level)
        {
            dossiers = dossiers.Where(d => d.UnitLevel == level);
        }
        if (query.Status is { } status)
        {
            dossiers = dossiers.Where(d => d.Status == status);
        }
        if (query.ReceivedFrom is { } from)
        {
            dossiers = dossiers.Where(d => d.ReceivedAt >= from);
        }
        if (query.ReceivedBefore is { } before)
        {
            dossiers = dossiers.Where(d => d.ReceivedAt < before);
        }
        var total = await dossiers.LongCountAsync(ct);
        var page = query.After is { } after ? dossiers.Where(d => string.Compare(d.DossierId, after) > 0) : dossiers;
        var rows = await page.OrderBy(d => d.DossierId).Take(query.PageSize + 1).ToListAsync(ct);

        var response = new ListDossiersResponse { TotalSize = total };
        response.Dossiers.AddRange(rows.Take(query.PageSize).Select(MapToDossier));
        if (rows.Count > query.PageSize)
        {
            response.NextPageToken = PageToken.Encode(rows[query.PageSize - 1].DossierId, query.Fingerprint);
        }
        return response;
    }

    public override Task<ImportDossiersResponse> ImportDossiers(IAsyncStreamReader<DossierRecord> requestStream, ServerCallContext context) =>
        ImportAsync(requestStream.ReadAllAsync(context.CancellationToken), context.CancellationToken);

    public override Task<ImportDossiersResponse> ImportDossierBatches(IAsyncStreamReader<DossierRecordBatch> requestStream, ServerCallContext context) =>
        ImportAsync(Flatten(requestStream, context.CancellationToken), context.CancellationToken);

    /// <summary>Validates each record as it arrives (failing fast, naming its index) and stages it; all or nothing.</summary>
    private async Task<ImportDossiersResponse> ImportAsync(IAsyncEnumerable<DossierRecord> records, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        await using var import = await DossierImport.BeginAsync(db, logger, ct);
        var index = 0;
        await foreach (var record in records)
        {
            var validator = new Validator("records", index);
            var facts = DossierValidation.Record(record, validator);
            validator.ThrowIfInvalid();
            // A foreign unit refuses the whole import (the transaction is rolled back): nothing is written.
            security.EnsureUnit(facts!.ReceivingUnit, $"records[{index}].receiving_unit");
            if (!import.IsKnownProcedure(facts!.ProcedureCode))
            {
                throw DomainException.Precondition($"records[{index}].procedure_code", Messages.UnknownProcedure(facts.ProcedureCode));
            }
            await import.AddAsync(index, facts, ct);
            index++;
        }
        var result = await import.CompleteAsync(Instant.Normalize(clock.GetUtcNow()), units, periods, ct);
        security.TargetId = $"records:{result.Records}";
        logger.LogInformation("Imported {Records} dossier records ({Inserted} new, {Unchanged} unchanged, {Events} events) in {Elapsed}",
            result.Records, result.Inserted, result.Unchanged, result.Events, clock.GetElapsedTime(started));
        return new ImportDossiersResponse { Records = result.Records, Inserted = result.Inserted, Unchanged = result.Unchanged, Events = result.Events };
    }

    private static async IAsyncEnumerable<DossierRecord> Flatten(
        IAsyncStreamReader<DossierRecordBatch> batches, [EnumeratorCancellation] CancellationToken ct)
    {
        while (await batches.MoveNext(ct))
        {
            foreach (var record in batches.Current.Records)
            {
                yield return record;
            }
        }
    }

    private Task<Dossier> CloseAsync(CloseDossierRequest request, Events.DossierStatus target, CancellationToken cancellationToken)
    {
        var (id, closedAt) = DossierValidation.Close(request);
        return db.WriteAsync(async ct =>
        {
            var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.DossierId == id, ct) ?? throw NotFound(id);
            security.EnsureUnit(dossier.ReceivingUnit, "dossier_id");
            if (DossierRules.Close(dossier.ToFacts(), target, closedAt) is not { } closed)
            {
                return MapToDossier(dossier);
            }
            // A closure counts in the period of its day (resolved on time or late, returned, withdrawn).
            await periods.EnsureOpenAsync([FactDay.At(closedAt, "closed_at")], ct);
            dossier.Apply(closed, dossier.Version + 1, Instant.Normalize(clock.GetUtcNow()));
            return await SaveWithEventAsync(dossier, ct);
        }, cancellationToken);
    }

    private async Task<Dossier> SaveWithEventAsync(DossierEntity dossier, CancellationToken ct)
    {
        db.AddIntegrationEvent(new DossiersRecorded { Dossiers = [dossier.ToFacts().ToEventState(dossier.Version)], OccurredAt = dossier.RecordedAt });
        await db.SaveChangesAsync(ct);
        return MapToDossier(dossier);
    }

    private static DomainException NotFound(string id) => DomainException.NotFound("dossier_id", $"không tìm thấy hồ sơ {id}");
}
