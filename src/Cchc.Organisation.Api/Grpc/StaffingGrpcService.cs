using Cchc.Contracts.Events.Organisation;
using Cchc.Messaging;
using Cchc.Organisation.Api.Data;
using Cchc.Organisation.Api.Domain;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using M = Cchc.Organisation.Api.Domain.OrganisationMessages;

namespace Cchc.Organisation.Api.Grpc;

/// <summary>
/// Staffing facts: aggregate figures (upserted by unit, metric and period) and individual records, never both for the
/// same (unit, metric, period). Every write checks that the unit existed on the fact's day and writes the changed facts
/// as ONE StaffingRecorded event in the same transaction. Writers are serialised by a transaction-scoped advisory lock,
/// so the "never both" rule holds between concurrent calls.
/// </summary>
public sealed class StaffingGrpcService(OrganisationDbContext db, TimeProvider clock, RequestSecurity security, IPeriodLock periodLock,
    ILogger<StaffingGrpcService> logger)
    : StaffingService.StaffingServiceBase
{
    public const int MaxImportItems = 50_000;
    public const int EventBatchSize = 5_000;
    private const long LockKey = 0x5_7AFF;

    public override async Task<StaffingWriteResult> RecordFigure(StaffingFigure request, ServerCallContext context)
    {
        var v = new Validator();
        var figure = StaffingValidation.Figure(request, v);
        v.ThrowIfInvalid();
        security.TargetId = StaffingRules.FigureKey(figure.UnitCode, figure.Metric, figure.From, figure.To);
        var outcome = await db.WriteAsync(ct => WriteAsync([new Item(figure, null, string.Empty)], ct), context.CancellationToken);
        return new StaffingWriteResult { Changed = outcome.Inserted + outcome.Updated > 0, Revision = outcome.LastRevision };
    }

    public override async Task<StaffingWriteResult> RecordStaffRecord(StaffRecord request, ServerCallContext context)
    {
        var v = new Validator();
        var record = StaffingValidation.Record(request, v);
        v.ThrowIfInvalid();
        security.TargetId = record.RecordId;
        var outcome = await db.WriteAsync(ct => WriteAsync([new Item(null, record, string.Empty)], ct), context.CancellationToken);
        return new StaffingWriteResult { Changed = outcome.Inserted > 0, Revision = outcome.LastRevision };
    }

    public override async Task<StaffingImportResponse> ImportStaffing(IAsyncStreamReader<StaffingItem> requestStream, ServerCallContext context)
    {
        security.EnsureProvince();
        var ct = context.CancellationToken;
        var items = new List<Item>();
        await foreach (var item in requestStream.ReadAllAsync(ct))
        {
            if (items.Count == MaxImportItems)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportItems:N0} mục mỗi lần nhập");
            }
            // Named as every import names its records: "records[i].figure.value".
            var prefix = item.ItemCase == StaffingItem.ItemOneofCase.Figure ? "figure." : "record.";
            var v = new Validator($"records[{items.Count}].{prefix}");
            switch (item.ItemCase)
            {
                case StaffingItem.ItemOneofCase.Figure:
                    items.Add(new Item(StaffingValidation.Figure(item.Figure, v), null, $"records[{items.Count}].figure."));
                    break;
                case StaffingItem.ItemOneofCase.Record:
                    items.Add(new Item(null, StaffingValidation.Record(item.Record, v), $"records[{items.Count}].record."));
                    break;
                default:
                    throw DomainException.Invalid($"records[{items.Count}].item", KitMessages.Required);
            }
            v.ThrowIfInvalid();
        }
        var outcome = await db.WriteAsync(c => WriteAsync(items, c), ct);
        logger.LogInformation("Imported {Items} staffing items: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged",
            items.Count, outcome.Inserted, outcome.Updated, outcome.Unchanged);
        return new StaffingImportResponse { Items = items.Count, Inserted = outcome.Inserted, Updated = outcome.Updated, Unchanged = outcome.Unchanged };
    }

    public override async Task<ListFiguresResponse> ListFigures(ListFiguresRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var unit = v.Code("unit_code", request.UnitCode, required: false);
        var metric = v.Enum<StaffingMetric, Cchc.Contracts.Events.Organisation.StaffingMetric>("metric", request.Metric, allowZero: true);
        if (request.Year is < 0 or > 9999)
        {
            v.Add("year", "phải là một năm (0 = mọi năm)");
        }
        var fingerprint = $"{unit}|{(int)metric}|{request.Year}|{pageSize}";
        var after = PageToken.Decode(request.PageToken, fingerprint, v);
        v.ThrowIfInvalid();
        var figures = db.StaffingFigures.AsNoTracking();
        if (unit.Length > 0)
        {
            figures = figures.Where(f => f.UnitCode == unit);
        }
        if (metric != Cchc.Contracts.Events.Organisation.StaffingMetric.Unspecified)
        {
            figures = figures.Where(f => f.Metric == metric);
        }
        if (request.Year > 0)
        {
            var first = new DateOnly(request.Year, 1, 1);
            var last = new DateOnly(request.Year, 12, 31);
            figures = figures.Where(f => f.ToDay >= first && f.ToDay <= last);
        }
        var ct = context.CancellationToken;
        var total = await figures.CountAsync(ct);
        // Keyset paging on the figure's key, encoded as one sortable string.
        var rows = await figures.OrderBy(f => f.UnitCode).ThenBy(f => f.Metric).ThenBy(f => f.FromDay).ThenBy(f => f.ToDay).ToListAsync(ct);
        var ordered = rows.Select(f => (Key: StaffingRules.FigureKey(f.UnitCode, f.Metric, f.FromDay, f.ToDay), Figure: f))
            .Where(x => after is null || string.CompareOrdinal(x.Key, after) > 0)
            .OrderBy(x => x.Key, StringComparer.Ordinal).Take(pageSize + 1).ToList();
        var response = new ListFiguresResponse { TotalSize = total };
        response.Figures.AddRange(ordered.Take(pageSize).Select(x => new StaffingFigure
        {
            UnitCode = x.Figure.UnitCode, Metric = (StaffingMetric)x.Figure.Metric, From = IsoDate.Format(x.Figure.FromDay),
            To = IsoDate.Format(x.Figure.ToDay), Value = x.Figure.Value,
        }));
        if (ordered.Count > pageSize)
        {
            response.NextPageToken = PageToken.Encode(ordered[pageSize - 1].Key, fingerprint);
        }
        return response;
    }

    private sealed record Item(FigureCommand? Figure, RecordCommand? Record, string Prefix);

    private sealed record Outcome(int Inserted, int Updated, int Unchanged, long LastRevision);

    private async Task<Outcome> WriteAsync(IReadOnlyList<Item> items, CancellationToken ct)
    {
        // Writes run in the security layer's transaction (audit, idempotency); without one (in-process callers) in our own.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);

        var unitCodes = items.Select(i => i.Figure?.UnitCode ?? i.Record!.UnitCode).Distinct().ToList();
        var periods = (await db.UnitPeriods.AsNoTracking().Where(p => unitCodes.Contains(p.UnitCode)).ToListAsync(ct))
            .ToLookup(p => p.UnitCode, StringComparer.Ordinal);
        var figures = await db.StaffingFigures.Where(f => unitCodes.Contains(f.UnitCode)).ToListAsync(ct);
        var recordIds = items.Where(i => i.Record is not null).Select(i => i.Record!.RecordId).ToList();
        var records = await db.StaffRecords.Where(r => unitCodes.Contains(r.UnitCode) || recordIds.Contains(r.RecordId)).ToListAsync(ct);
        var figureIndex = figures.ToDictionary(f => StaffingRules.FigureKey(f.UnitCode, f.Metric, f.FromDay, f.ToDay), StringComparer.Ordinal);
        var recordIndex = records.ToDictionary(r => r.RecordId, StringComparer.Ordinal);

        var now = Instant.Normalize(clock.GetUtcNow());
        var facts = new List<StaffingFact>();
        var changedDays = new List<FactDay>();
        int inserted = 0, updated = 0, unchanged = 0;
        long lastRevision = 0;
        foreach (var item in items)
        {
            if (item.Figure is { } f)
            {
                EnsureLive(periods[f.UnitCode], f.UnitCode, f.To, item.Prefix);
                var key = StaffingRules.FigureKey(f.UnitCode, f.Metric, f.From, f.To);
                if (figureIndex.TryGetValue(key, out var existing))
                {
                    if (existing.Value == f.Value)
                    {
                        unchanged++;
                        lastRevision = existing.Revision;
                        continue;
                    }
                    changedDays.Add(new FactDay(f.To, item.Prefix + "to"));
                    existing.Value = f.Value;
                    existing.Revision++;
                    existing.RecordedAt = now;
                    updated++;
                    facts.Add(Fact(existing));
                    lastRevision = existing.Revision;
                    continue;
                }
                if (StaffingRules.RecordKindOf(f.Metric) is { } recordKind
                    && records.Any(r => r.UnitCode == f.UnitCode && r.Kind == recordKind && r.On >= f.From && r.On <= f.To))
                {
                    throw DomainException.Precondition(item.Prefix + "metric", M.RecordsExistForFigure(f.UnitCode, StaffingRules.MetricName(f.Metric)));
                }
                var entity = new StaffingFigureEntity
                {
                    UnitCode = f.UnitCode, Metric = f.Metric, FromDay = f.From, ToDay = f.To, Value = f.Value, Revision = 1, RecordedAt = now,
                };
                db.StaffingFigures.Add(entity);
                changedDays.Add(new FactDay(f.To, item.Prefix + "to"));
                figures.Add(entity);
                figureIndex.Add(key, entity);
                inserted++;
                facts.Add(Fact(entity));
                lastRevision = 1;
            }
            else
            {
                var r = item.Record!;
                if (recordIndex.TryGetValue(r.RecordId, out var existing))
                {
                    if (existing.UnitCode != r.UnitCode || existing.Kind != r.Kind || existing.On != r.On || existing.AppointmentKind != r.AppointmentKind
                        || existing.ThroughCompetition != r.ThroughCompetition || existing.PersonRef != r.PersonRef)
                    {
                        throw DomainException.Conflict(item.Prefix + "record_id", M.RecordRecordedDifferently(r.RecordId));
                    }
                    unchanged++;
                    lastRevision = existing.Revision;
                    continue;
                }
                EnsureLive(periods[r.UnitCode], r.UnitCode, r.On, item.Prefix);
                var covered = StaffingRules.CoveredBy(r.Kind);
                var clash = figures.FirstOrDefault(x => x.UnitCode == r.UnitCode && covered.Contains(x.Metric) && x.FromDay <= r.On && x.ToDay >= r.On);
                if (clash is not null)
                {
                    throw DomainException.Precondition(item.Prefix + "kind",
                        M.FigureExistsForRecord(r.UnitCode, StaffingRules.MetricName(clash.Metric), r.On.Year));
                }
                var entity = new StaffRecordEntity
                {
                    RecordId = r.RecordId, UnitCode = r.UnitCode, Kind = r.Kind, On = r.On, AppointmentKind = r.AppointmentKind,
                    ThroughCompetition = r.ThroughCompetition, PersonRef = r.PersonRef, Revision = 1, RecordedAt = now,
                };
                db.StaffRecords.Add(entity);
                changedDays.Add(new FactDay(r.On, item.Prefix + "on"));
                records.Add(entity);
                recordIndex.Add(r.RecordId, entity);
                inserted++;
                lastRevision = 1;
                facts.AddRange(Facts(entity));
            }
        }
        // A figure's fact day is its period's end (the value at the end of a period), a record's its day (ADR 0029); only
        // what changes is checked, so a repeat passes even inside an approved period.
        await periodLock.EnsureOpenAsync(changedDays, ct);
        foreach (var chunk in facts.Chunk(EventBatchSize))
        {
            db.AddIntegrationEvent(new StaffingRecorded { Facts = chunk, OccurredAt = now });
        }
        await db.SaveChangesAsync(ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
        return new Outcome(inserted, updated, unchanged, lastRevision);
    }

    /// <summary>The facts of an individual record, one per metric it counts in (the events carry them; Data/OrganisationRepublisher.cs too).</summary>
    internal static IEnumerable<StaffingFact> Facts(StaffRecordEntity r) =>
        StaffingRules.MetricsOf(r.Kind, r.AppointmentKind, r.ThroughCompetition).Select(m => new StaffingFact
        {
            Key = StaffingRules.RecordKey(r.RecordId, m), Revision = r.Revision, UnitCode = r.UnitCode, Metric = m, From = r.On, To = r.On, Value = 1,
            Individual = true,
        });

    /// <summary>A figure's fact, as the events carry it.</summary>
    internal static StaffingFact Fact(StaffingFigureEntity f) => new()
    {
        Key = StaffingRules.FigureKey(f.UnitCode, f.Metric, f.FromDay, f.ToDay), Revision = f.Revision, UnitCode = f.UnitCode, Metric = f.Metric,
        From = f.FromDay, To = f.ToDay, Value = f.Value,
    };

    private static void EnsureLive(IEnumerable<UnitPeriodEntity> periods, string unit, DateOnly day, string prefix)
    {
        if (!periods.Any(p => p.FromDay <= day && (p.ToDay == null || p.ToDay >= day)))
        {
            throw DomainException.Precondition(prefix + "unit_code", M.UnitNotLiveForFact(unit, day));
        }
    }
}
