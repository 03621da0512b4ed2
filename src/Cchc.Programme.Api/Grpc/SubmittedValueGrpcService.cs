using Cchc.Contracts.Events.Programme;
using Cchc.Messaging;
using Cchc.Programme.Api.Data;
using Cchc.Programme.Api.Domain;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Programme.Api.Grpc;

/// <summary>
/// Values units submit for report rows no source system produces: each write keeps the history (who, when, what) and
/// publishes ValuesSubmitted through the outbox in the same transaction. Number, text, "-" and blank stay distinct.
/// </summary>
public sealed class SubmittedValueGrpcService(ProgrammeDbContext db, TimeProvider clock, RequestSecurity security, IPeriodLock periods,
    ILogger<SubmittedValueGrpcService> logger) : SubmittedValueService.SubmittedValueServiceBase
{
    public const int MaxImportRecords = 20_000;

    public override async Task<SubmittedValueState> SubmitValue(SubmitValueRequest request, ServerCallContext context)
    {
        var command = ProgrammeValidation.Value(request);
        return await db.WriteAsync(async ct => ToWire((await WriteAsync([command], _ => "value.", ct)).Written[0], withHistory: false), context.CancellationToken);
    }

    public override async Task<ImportResponse> ImportSubmittedValues(IAsyncStreamReader<SubmittedValue> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var values = new List<ValueCommand>();
        var seen = new Dictionary<ValueKey, int>();
        await foreach (var value in requestStream.ReadAllAsync(ct))
        {
            var i = values.Count;
            if (i == MaxImportRecords)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportRecords:N0} bản ghi mỗi lần nhập");
            }
            security.EnsureUnit(value.Unit, $"records[{i}].unit");
            var command = ProgrammeValidation.ValueOf(value, i);
            if (seen.TryGetValue(command.Key, out var first))
            {
                throw DomainException.Invalid($"records[{i}].period_from", ProgrammeMessages.DuplicateInImport(first));
            }
            seen[command.Key] = i;
            values.Add(command);
        }
        var result = await db.WriteAsync(async ct2 => (await WriteAsync(values, i => $"records[{i}].", ct2)).Counts, ct);
        logger.LogInformation("Imported {Records} submitted values: {Inserted} inserted, {Replaced} replaced, {Unchanged} unchanged",
            result.Records, result.Inserted, result.Replaced, result.Unchanged);
        return result;
    }

    public override async Task<SubmittedValueState> GetSubmittedValue(GetSubmittedValueRequest request, ServerCallContext context)
    {
        var key = ProgrammeValidation.Get(request);
        var found = await db.Values.AsNoTracking().Include(v => v.History)
            .SingleOrDefaultAsync(v => v.Indicator == key.Indicator && v.Unit == key.Unit && v.PeriodFrom == key.PeriodFrom && v.PeriodTo == key.PeriodTo,
                context.CancellationToken)
            ?? throw DomainException.NotFound("indicator", ProgrammeMessages.ValueNotFound);
        return ToWire(found, withHistory: true);
    }

    private async Task<(List<SubmittedValueEntity> Written, ImportResponse Counts)> WriteAsync(IReadOnlyList<ValueCommand> values, Func<int, string> prefix,
        CancellationToken ct)
    {
        var indicators = values.Select(v => v.Key.Indicator).Distinct().ToList();
        var units = values.Select(v => v.Key.Unit).Distinct().ToList();
        var stored = (await db.Values.Where(v => indicators.Contains(v.Indicator) && units.Contains(v.Unit)).ToListAsync(ct))
            .ToDictionary(v => new ValueKey(v.Indicator, v.Unit, v.PeriodFrom, v.PeriodTo));
        var now = Instant.Normalize(clock.GetUtcNow());
        var by = security.Caller?.ClientId ?? Cchc.Security.Caller.Anonymous;
        var written = new List<SubmittedValueEntity>();
        var changed = new List<SubmittedValueEntity>();
        var changedDays = new List<FactDay>();
        long inserted = 0, replaced = 0;
        foreach (var (command, i) in values.Select((c, i) => (c, i)))
        {
            if (stored.TryGetValue(command.Key, out var existing))
            {
                written.Add(existing);
                if (existing.Kind == command.Kind && existing.Value == command.Value && existing.Note == command.Note)
                {
                    continue;
                }
                changedDays.Add(new FactDay(command.Key.PeriodTo, prefix(i) + "period_to"));
                (existing.Kind, existing.Value, existing.Note) = (command.Kind, command.Value, command.Note);
                existing.Revision++;
                existing.RecordedAt = now;
                existing.RecordedBy = by;
                db.ValueRevisions.Add(new SubmittedValueRevisionEntity
                {
                    ValueId = existing.Id, Revision = existing.Revision, Kind = command.Kind, Value = command.Value, Note = command.Note, RecordedAt = now, RecordedBy = by,
                });
                replaced++;
                changed.Add(existing);
                continue;
            }
            var key = command.Key;
            var entity = new SubmittedValueEntity
            {
                Indicator = key.Indicator, Unit = key.Unit, PeriodFrom = key.PeriodFrom, PeriodTo = key.PeriodTo,
                Kind = command.Kind, Value = command.Value, Note = command.Note, Revision = 1, RecordedAt = now, RecordedBy = by, FirstRecordedAt = now,
                History = [new SubmittedValueRevisionEntity { Revision = 1, Kind = command.Kind, Value = command.Value, Note = command.Note, RecordedAt = now, RecordedBy = by }],
            };
            db.Values.Add(entity);
            changedDays.Add(new FactDay(key.PeriodTo, prefix(i) + "period_to"));
            stored[key] = entity;
            inserted++;
            written.Add(entity);
            changed.Add(entity);
        }
        // A value's fact day is its period's end, as a metric submission's (ADR 0029); a repeat passes.
        await periods.EnsureOpenAsync(changedDays, ct);
        foreach (var chunk in changed.Chunk(ProgrammeRecordGrpcService.EventBatchSize))
        {
            db.AddIntegrationEvent(new ValuesSubmitted
            {
                Values = chunk.Select(ToFact).ToList(),
                OccurredAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return (written, new ImportResponse { Records = values.Count, Inserted = inserted, Replaced = replaced, Unchanged = values.Count - inserted - replaced });
    }

    /// <summary>A value as the events carry it (the writes and Data/ProgrammeRepublisher.cs).</summary>
    internal static SubmittedValueFact ToFact(SubmittedValueEntity v) => new()
    {
        Indicator = v.Indicator, Unit = v.Unit, PeriodFrom = v.PeriodFrom, PeriodTo = v.PeriodTo, Kind = v.Kind, Value = v.Value,
        Revision = v.Revision, RecordedAt = v.RecordedAt, RecordedBy = v.RecordedBy, FirstRecordedAt = v.FirstRecordedAt,
    };

    private static SubmittedValueState ToWire(SubmittedValueEntity v, bool withHistory)
    {
        var wire = new SubmittedValueState
        {
            Current = new SubmittedValue
            {
                Indicator = v.Indicator, Unit = v.Unit, PeriodFrom = IsoDate.Format(v.PeriodFrom), PeriodTo = IsoDate.Format(v.PeriodTo),
                Kind = (ValueKind)(int)v.Kind, Value = v.Value ?? string.Empty, Note = v.Note ?? string.Empty,
            },
            Revision = v.Revision,
            RecordedAt = Instant.ToTimestamp(v.RecordedAt),
            RecordedBy = v.RecordedBy,
        };
        if (withHistory)
        {
            wire.History.AddRange(v.History.OrderBy(r => r.Revision).Select(r => new SubmittedValueRevision
            {
                Revision = r.Revision, Kind = (ValueKind)(int)r.Kind, Value = r.Value ?? string.Empty, Note = r.Note ?? string.Empty,
                RecordedAt = Instant.ToTimestamp(r.RecordedAt), RecordedBy = r.RecordedBy,
            }));
        }
        return wire;
    }
}
