using Cchc.Contracts;
using Cchc.Finance.Api.Data;
using Cchc.Finance.Api.Domain;
using Cchc.Messaging;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using C = Cchc.Contracts.Events.Finance;

namespace Cchc.Finance.Api.Grpc;

/// <summary>
/// Units' autonomy statuses: every write stores the unit's new statuses and its AutonomyStatusesRecorded event in one
/// transaction. Writes go through <see cref="RecordStatus"/>, <see cref="ImportStatuses"/> and
/// <see cref="DeclareUnreportedBreakdowns"/> only; the units and days of every incoming status pass <see cref="IncomingFactCheck"/>.
/// </summary>
public sealed class AutonomyGrpcService(FinanceDbContext db, TimeProvider clock, RequestSecurity security, IncomingFactCheck facts, IPeriodLock periods,
    ILogger<AutonomyGrpcService> logger) : AutonomyService.AutonomyServiceBase
{
    public const int MaxImportRecords = 20_000;
    public const int EventBatchSize = 1_000;

    public override async Task<UnitAutonomy> RecordStatus(RecordStatusRequest request, ServerCallContext context)
    {
        var command = FinanceValidation.Status(request);
        await facts.EnsureStatusesAsync([(command, "status.")], context.CancellationToken);
        return await db.WriteAsync(async ct =>
        {
            var entity = await LoadAsync(command.Unit, ct);
            var next = AutonomyRules.Record(entity?.ToState(), command.Unit, command.Status);
            if (next is null)
            {
                return entity!.ToWire(Today);
            }
            // A status's fact day is its first day, the day the unit's regime changes (ADR 0029).
            await periods.EnsureOpenAsync([new FactDay(command.Status.EffectiveFrom, "status.effective_from")], ct);
            var now = Now;
            if (entity is null)
            {
                entity = new AutonomyUnitEntity { Unit = command.Unit };
                db.Units.Add(entity);
            }
            entity.Apply(next, now);
            db.AddIntegrationEvent(new C.AutonomyStatusesRecorded { Units = [next.ToEvent()], OccurredAt = now });
            await db.SaveChangesAsync(ct);
            return next.ToWire(Today, now);
        }, context.CancellationToken);
    }

    public override async Task<UnitAutonomy> GetUnitAutonomy(GetUnitAutonomyRequest request, ServerCallContext context)
    {
        var (unit, asOf) = FinanceValidation.Get(request, clock);
        var entity = await db.Units.AsNoTracking().Include(u => u.Statuses).SingleOrDefaultAsync(u => u.Unit == unit, context.CancellationToken)
            ?? throw DomainException.NotFound("unit", FinanceMessages.UnitNotFound(unit));
        return entity.ToWire(asOf);
    }

    public override async Task<ListUnitsResponse> ListUnits(ListUnitsRequest request, ServerCallContext context)
    {
        var query = FinanceValidation.List(request, clock);
        var ct = context.CancellationToken;
        var day = query.StatusOn;
        // Units whose status in force on the day matches the filters (a unit without a status that day matches none
        // unless no filter is given).
        var units = db.Units.AsNoTracking();
        if (query.Regime is not null || query.Level is not null || query.ParentKind is not null)
        {
            var statuses = db.Statuses.Where(s => s.EffectiveFrom <= day && (s.EffectiveTo == null || s.EffectiveTo >= day));
            if (query.Regime is { } regime)
            {
                statuses = statuses.Where(s => s.Regime == regime);
            }
            if (query.Level is { } level)
            {
                statuses = statuses.Where(s => s.Level == level);
            }
            if (query.ParentKind is { } parent)
            {
                statuses = statuses.Where(s => s.ParentKind == parent);
            }
            units = units.Where(u => statuses.Any(s => s.Unit == u.Unit));
        }
        var total = await units.CountAsync(ct);
        var page = query.After is { } after ? units.Where(u => string.Compare(u.Unit, after) > 0) : units;
        var rows = await page.Include(u => u.Statuses).OrderBy(u => u.Unit).Take(query.PageSize + 1).ToListAsync(ct);
        var response = new ListUnitsResponse { TotalSize = total };
        response.Units.AddRange(rows.Take(query.PageSize).Select(u => u.ToWire(day)));
        if (rows.Count > query.PageSize)
        {
            response.NextPageToken = PageToken.Encode(rows[query.PageSize - 1].Unit, query.Fingerprint);
        }
        return response;
    }

    /// <summary>
    /// All or nothing: the records are validated as they arrive (the caller must act for each record's unit), checked
    /// by <see cref="IncomingFactCheck"/> (every record's unit existed on its status's day: one query for the whole
    /// import, the first record refused names the call's refusal), then applied unit by unit in day order against the stored statuses and written
    /// in one transaction with one AutonomyStatusesRecorded per 1,000 changed units.
    /// </summary>
    public override async Task<ImportResponse> ImportStatuses(IAsyncStreamReader<AutonomyStatus> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var records = new List<(StatusCommand Command, int Index)>();
        await foreach (var record in requestStream.ReadAllAsync(ct))
        {
            if (records.Count == MaxImportRecords)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportRecords:N0} bản ghi mỗi lần nhập");
            }
            security.EnsureUnit(record.Unit, $"records[{records.Count}].unit");
            records.Add((FinanceValidation.StatusRecord(record, records.Count), records.Count));
        }
        await facts.EnsureStatusesAsync(records.Select(r => (r.Command, $"records[{r.Index}].")).ToList(), ct);
        var result = await db.WriteAsync(ct2 => ImportAsync(records, ct2), ct);
        logger.LogInformation("Imported {Records} autonomy statuses: {Inserted} inserted, {Unchanged} unchanged", result.Records, result.Inserted, result.Unchanged);
        return result;
    }

    private async Task<ImportResponse> ImportAsync(IReadOnlyList<(StatusCommand Command, int Index)> records, CancellationToken ct)
    {
        var unitNames = records.Select(r => r.Command.Unit).Distinct(StringComparer.Ordinal).ToList();
        var stored = await db.Units.Include(u => u.Statuses).Where(u => unitNames.Contains(u.Unit)).ToDictionaryAsync(u => u.Unit, StringComparer.Ordinal, ct);
        var changed = new List<UnitState>();
        var changedDays = new List<FactDay>();
        long inserted = 0;
        var now = Now;
        foreach (var group in records.GroupBy(r => r.Command.Unit, StringComparer.Ordinal))
        {
            var entity = stored.GetValueOrDefault(group.Key);
            var state = entity?.ToState();
            var before = state?.Version ?? 0;
            // Statuses already stored are recognised (unchanged) whatever their order; new ones are applied in day order.
            foreach (var (command, index) in group.OrderBy(r => r.Command.Status.EffectiveFrom))
            {
                if (AutonomyRules.Record(state, group.Key, command.Status, $"records[{index}].effective_from") is { } next)
                {
                    state = next;
                    changedDays.Add(new FactDay(command.Status.EffectiveFrom, $"records[{index}].effective_from"));
                }
            }
            if (state is not null && state.Version != before)
            {
                inserted += state.Version - before;
                if (entity is null)
                {
                    entity = new AutonomyUnitEntity { Unit = group.Key };
                    db.Units.Add(entity);
                }
                entity.Apply(state, now);
                changed.Add(state);
            }
        }
        // Only the statuses this import adds are checked: a repeat of what is stored passes even inside an approved period.
        await periods.EnsureOpenAsync(changedDays, ct);
        foreach (var chunk in changed.Chunk(EventBatchSize))
        {
            db.AddIntegrationEvent(new C.AutonomyStatusesRecorded { Units = chunk.Select(s => s.ToEvent()).ToList(), OccurredAt = now });
        }
        await db.SaveChangesAsync(ct);
        return new ImportResponse { Records = records.Count, Inserted = inserted, Unchanged = records.Count - inserted };
    }

    public override async Task<DeclareUnreportedBreakdownsResponse> DeclareUnreportedBreakdowns(DeclareUnreportedBreakdownsRequest request, ServerCallContext context)
    {
        var cells = FinanceValidation.Unreported(request);
        for (var i = 0; i < cells.Count; i++)
        {
            facts.EnsureYear(cells[i].Cell.Year, $"items[{i}].year");
        }
        return await db.WriteAsync(async ct =>
        {
            var years = cells.Select(c => c.Cell.Year).Distinct().ToList();
            var stored = (await db.UnreportedBreakdowns.AsNoTracking().Where(u => years.Contains(u.Year)).ToListAsync(ct))
                .Select(u => (u.Year, u.ParentKind, u.Level)).ToHashSet();
            var added = new List<C.UnreportedBreakdownState>();
            var addedDays = new List<FactDay>();
            var now = Now;
            foreach (var ((cell, source), i) in cells.Select((c, i) => (c, i)))
            {
                if (stored.Add((cell.Year, cell.ParentKind, cell.Level)))
                {
                    addedDays.Add(FactDay.YearEnd(cell.Year, $"items[{i}].year"));
                    db.UnreportedBreakdowns.Add(new UnreportedBreakdownEntity
                    {
                        Year = cell.Year, ParentKind = cell.ParentKind, Level = cell.Level, SourceDocument = source, RecordedAt = now,
                    });
                    added.Add(cell);
                }
            }
            // A declaration changes its year's report (a cell becomes "not reported"): dated on the year's last day.
            await periods.EnsureOpenAsync(addedDays, ct);
            if (added.Count > 0)
            {
                db.AddIntegrationEvent(new C.UnreportedBreakdownsDeclared { Items = added, OccurredAt = now });
                await db.SaveChangesAsync(ct);
            }
            return new DeclareUnreportedBreakdownsResponse { Inserted = added.Count, Unchanged = cells.Count - added.Count };
        }, context.CancellationToken);
    }

    private Task<AutonomyUnitEntity?> LoadAsync(string unit, CancellationToken ct) =>
        db.Units.Include(u => u.Statuses).SingleOrDefaultAsync(u => u.Unit == unit, ct);

    private DateOnly Today => VietnamCalendar.Today(clock);

    private DateTimeOffset Now => Instant.Normalize(clock.GetUtcNow());
}
