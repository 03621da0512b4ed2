using Cchc.Contracts.Events.Procedures;
using Cchc.Messaging;
using Cchc.Procedures.Api.Data;
using Cchc.Procedures.Api.Domain;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Procedures.Api.Grpc;

/// <summary>The procedure catalogue: every write records one version and its ProcedureVersionsRecorded event together.</summary>
public sealed class ProcedureCatalogGrpcService(ProceduresDbContext db, TimeProvider clock, IPeriodLock periods)
    : ProcedureCatalogService.ProcedureCatalogServiceBase
{
    public override Task<Procedure> CreateProcedure(CreateProcedureRequest request, ServerCallContext context)
    {
        var command = ProcedureValidation.Create(request);
        return db.WriteAsync(async ct =>
        {
            var first = await db.ProcedureVersions.AsNoTracking()
                .SingleOrDefaultAsync(v => v.Code == command.Code && v.Version == 1, ct);
            if (first is not null)
            {
                CatalogueRules.EnsureSameAnnouncement(first.ToState(), command);
                return MapToProcedure(first);
            }
            return await RecordAsync(CatalogueRules.Announce(command), current: null, "in_force_from", ct);
        }, context.CancellationToken);
    }

    public override Task<Procedure> AmendProcedure(AmendProcedureRequest request, ServerCallContext context)
    {
        var command = ProcedureValidation.Amend(request);
        return db.WriteAsync(async ct =>
        {
            var current = await FindCurrentAsync(command.Code, ct);
            return CatalogueRules.Amend(current.ToState(), command) is { } next
                ? await RecordAsync(next, current, "effective_from", ct)
                : MapToProcedure(current);
        }, context.CancellationToken);
    }

    public override Task<Procedure> AbolishProcedure(AbolishProcedureRequest request, ServerCallContext context)
    {
        var command = ProcedureValidation.Abolish(request);
        return db.WriteAsync(async ct =>
        {
            var current = await FindCurrentAsync(command.Code, ct);
            return CatalogueRules.Abolish(current.ToState(), command) is { } next
                ? await RecordAsync(next, current, "abolished_on", ct)
                : MapToProcedure(current);
        }, context.CancellationToken);
    }

    public override async Task<Procedure> GetProcedure(GetProcedureRequest request, ServerCallContext context)
    {
        var (code, asOf) = ProcedureValidation.Get(request);
        var ct = context.CancellationToken;
        if (asOf is not { } day)
        {
            return MapToProcedure(await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct) ?? throw NotFound(code));
        }
        var version = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Code == code && v.EffectiveFrom <= day)
            .OrderByDescending(v => v.Version)
            .FirstOrDefaultAsync(ct);
        if (version is null)
        {
            throw await db.Procedures.AnyAsync(p => p.Code == code, ct)
                ? DomainException.NotFound("as_of", $"thủ tục {code} chưa có hiệu lực vào ngày {IsoDate.Format(day)}")
                : NotFound(code);
        }
        return MapToProcedure(version);
    }

    public override async Task<ProcedureHistory> GetProcedureHistory(GetProcedureHistoryRequest request, ServerCallContext context)
    {
        var code = ProcedureValidation.History(request);
        var versions = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Code == code).OrderBy(v => v.Version).ToListAsync(context.CancellationToken);
        if (versions.Count == 0)
        {
            throw NotFound(code);
        }
        var history = new ProcedureHistory();
        history.Versions.AddRange(versions.Select(MapToProcedure));
        return history;
    }

    public override async Task<ListProceduresResponse> ListProcedures(ListProceduresRequest request, ServerCallContext context)
    {
        var query = ProcedureValidation.List(request, clock);
        var ct = context.CancellationToken;
        var day = query.InForceOn;
        // The version in effect on the day (the latest one effective by then), unless it is the abolition.
        var inForce = db.ProcedureVersions.AsNoTracking().Where(v =>
            v.EffectiveFrom <= day && v.AbolishedOn == null &&
            v.Version == db.ProcedureVersions.Where(x => x.Code == v.Code && x.EffectiveFrom <= day).Max(x => x.Version));
        if (query.Level is { } level)
        {
            inForce = inForce.Where(v => v.Level == level);
        }
        if (query.Field is { } field)
        {
            inForce = inForce.Where(v => v.Field == field);
        }
        if (query.NameContains is { } name)
        {
            var pattern = "%" + name.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            inForce = inForce.Where(v => EF.Functions.ILike(v.Name, pattern, "\\"));
        }
        var total = await inForce.CountAsync(ct);
        var page = query.After is { } after ? inForce.Where(v => string.Compare(v.Code, after) > 0) : inForce;
        var rows = await page.OrderBy(v => v.Code).Take(query.PageSize + 1).ToListAsync(ct);

        var response = new ListProceduresResponse { TotalSize = total };
        response.Procedures.AddRange(rows.Take(query.PageSize).Select(MapToProcedure));
        if (rows.Count > query.PageSize)
        {
            response.NextPageToken = PageToken.Encode(rows[query.PageSize - 1].Code, query.Fingerprint);
        }
        return response;
    }

    private async Task<ProcedureEntity> FindCurrentAsync(string code, CancellationToken ct) =>
        await db.Procedures.SingleOrDefaultAsync(p => p.Code == code, ct) ?? throw NotFound(code);

    /// <summary>
    /// One transaction: the new version in the history, the current state, and the event. A version's fact day is the day it
    /// takes effect (ADR 0029): a change inside an approved period is refused unless it is a correction.
    /// </summary>
    private async Task<Procedure> RecordAsync(ProcedureState next, ProcedureEntity? current, string dayField, CancellationToken ct)
    {
        await periods.EnsureOpenAsync([new FactDay(next.EffectiveFrom, dayField)], ct);
        var now = Instant.Normalize(clock.GetUtcNow());
        var version = ProcedureSnapshot.From<ProcedureVersionEntity>(next, now);
        db.ProcedureVersions.Add(version);
        if (current is null)
        {
            db.Procedures.Add(ProcedureSnapshot.From<ProcedureEntity>(next, now));
        }
        else
        {
            current.Apply(next, now);
        }
        db.AddIntegrationEvent(new ProcedureVersionsRecorded { Versions = [next.ToEventVersion()], OccurredAt = now });
        await db.SaveChangesAsync(ct);
        return MapToProcedure(version);
    }

    private static DomainException NotFound(string code) =>
        DomainException.NotFound("code", $"không tìm thấy thủ tục {code}");
}
