using System.Globalization;
using Cchc.Egov.Api.Data;
using Cchc.Egov.Api.Domain;
using Cchc.Messaging;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using C = Cchc.Contracts.Events.Egov;

namespace Cchc.Egov.Api.Grpc;

/// <summary>
/// Dated capability states per unit: a state holds from its effective day until the unit's next state for the same
/// capability. A write is an upsert by (unit, capability, effective day): the same content changes nothing, other
/// content is a correction (revision + 1); each change is published as CapabilityStatesRecorded in the same transaction.
/// </summary>
public sealed class CapabilityGrpcService(EgovDbContext db, TimeProvider clock, RequestSecurity security, IncomingFacts facts, IPeriodLock periods,
    ILogger<CapabilityGrpcService> logger) : CapabilityService.CapabilityServiceBase
{
    public const int MaxImportRecords = 20_000;

    public override async Task<CapabilityState> RecordCapabilityState(RecordCapabilityStateRequest request, ServerCallContext context)
    {
        var recorded = EgovValidation.Record(request);
        var levels = await facts.EnsureAsync([EgovValidation.Fact(recorded, "state.")], context.CancellationToken);
        var command = recorded with { UnitLevel = levels[0] };
        return await db.WriteAsync(async ct =>
        {
            var (written, _) = await WriteAsync([command], _ => "state.effective_from", ct);
            return written[0].ToWire();
        }, context.CancellationToken);
    }

    public override async Task<ListCapabilityStatesResponse> ListCapabilityStates(ListCapabilityStatesRequest request, ServerCallContext context)
    {
        var query = EgovValidation.List(request);
        var ct = context.CancellationToken;
        var rows = db.CapabilityStates.AsNoTracking();
        if (query.Unit is { } unit)
        {
            rows = rows.Where(s => s.Unit == unit);
        }
        if (query.Capability is { } capability)
        {
            rows = rows.Where(s => s.Capability == capability);
        }
        if (query.AsOf is { } asOf)
        {
            // The state in effect on the day: no later state of the same unit and capability starts on or before it.
            rows = rows.Where(s => s.EffectiveFrom <= asOf && !db.CapabilityStates.Any(o =>
                o.Unit == s.Unit && o.Capability == s.Capability && o.EffectiveFrom > s.EffectiveFrom && o.EffectiveFrom <= asOf));
        }
        var total = await rows.LongCountAsync(ct);
        var page = query.After is { } after ? rows.Where(s => s.Id > after) : rows;
        var found = await page.OrderBy(s => s.Id).Take(query.PageSize + 1).ToListAsync(ct);
        var response = new ListCapabilityStatesResponse { TotalSize = total };
        response.States.AddRange(found.Take(query.PageSize).Select(s => s.ToWire()));
        if (found.Count > query.PageSize)
        {
            response.NextPageToken = PageToken.Encode(found[query.PageSize - 1].Id.ToString(CultureInfo.InvariantCulture), query.Fingerprint);
        }
        return response;
    }

    public override async Task<ImportResponse> ImportCapabilityStates(IAsyncStreamReader<CapabilityStateRecord> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var records = new List<CapabilityCommand>();
        var seen = new Dictionary<(string, C.EgovCapability, DateOnly), int>();
        await foreach (var record in requestStream.ReadAllAsync(ct))
        {
            var i = records.Count;
            if (i == MaxImportRecords)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportRecords:N0} bản ghi mỗi lần nhập");
            }
            security.EnsureUnit(record.Unit, $"records[{i}].unit");
            var command = EgovValidation.CapabilityRecord(record, i);
            if (seen.TryGetValue((command.Unit, command.Capability, command.EffectiveFrom), out var first))
            {
                throw DomainException.Invalid($"records[{i}].effective_from", EgovMessages.DuplicateInImport(first));
            }
            seen[(command.Unit, command.Capability, command.EffectiveFrom)] = i;
            records.Add(command);
        }
        var levels = await facts.EnsureAsync(records.Select((r, i) => EgovValidation.Fact(r, $"records[{i}].")).ToList(), ct);
        records = records.Select((r, i) => r with { UnitLevel = levels[i] }).ToList();
        var result = await db.WriteAsync(async ct2 => (await WriteAsync(records, i => $"records[{i}].effective_from", ct2)).Counts, ct);
        logger.LogInformation("Imported {Records} capability states: {Inserted} inserted, {Replaced} corrected, {Unchanged} unchanged",
            result.Records, result.Inserted, result.Replaced, result.Unchanged);
        return result;
    }

    private async Task<(List<CapabilityStateEntity> Written, ImportResponse Counts)> WriteAsync(IReadOnlyList<CapabilityCommand> records,
        Func<int, string> dayField, CancellationToken ct)
    {
        var units = records.Select(r => r.Unit).Distinct().ToList();
        var stored = (await db.CapabilityStates.Where(s => units.Contains(s.Unit)).ToListAsync(ct))
            .ToDictionary(s => (s.Unit, s.Capability, s.EffectiveFrom));
        var now = Instant.Normalize(clock.GetUtcNow());
        var by = security.Caller?.ClientId ?? Cchc.Security.Caller.Anonymous;
        var written = new List<CapabilityStateEntity>();
        var changed = new List<CapabilityStateEntity>();
        var changedDays = new List<FactDay>();
        long inserted = 0, replaced = 0;
        foreach (var (c, i) in records.Select((c, i) => (c, i)))
        {
            if (stored.TryGetValue((c.Unit, c.Capability, c.EffectiveFrom), out var existing))
            {
                written.Add(existing);
                if (existing.UnitLevel == c.UnitLevel && existing.InUse == c.InUse && existing.IsoVersion == c.IsoVersion
                    && existing.CertificateDate == c.CertificateDate && existing.SourceSystem == c.SourceSystem && existing.Note == c.Note)
                {
                    continue;
                }
                Apply(existing, c);
                existing.Revision++;
                existing.RecordedAt = now;
                existing.RecordedBy = by;
                replaced++;
                changed.Add(existing);
                changedDays.Add(new FactDay(c.EffectiveFrom, dayField(i)));
                continue;
            }
            var entity = new CapabilityStateEntity
            {
                Unit = c.Unit, Capability = c.Capability, EffectiveFrom = c.EffectiveFrom, Revision = 1, RecordedAt = now, RecordedBy = by,
            };
            Apply(entity, c);
            db.CapabilityStates.Add(entity);
            inserted++;
            written.Add(entity);
            changed.Add(entity);
            changedDays.Add(new FactDay(c.EffectiveFrom, dayField(i)));
        }
        // A capability state's fact day is its first day; only a change is a write (ADR 0029, as for submissions).
        await periods.EnsureOpenAsync(changedDays, ct);
        foreach (var chunk in changed.Chunk(MetricGrpcService.EventBatchSize))
        {
            db.AddIntegrationEvent(new C.CapabilityStatesRecorded { States = chunk.Select(s => s.ToEvent()).ToList(), OccurredAt = now });
        }
        await db.SaveChangesAsync(ct);
        return (written, new ImportResponse { Records = records.Count, Inserted = inserted, Replaced = replaced, Unchanged = records.Count - inserted - replaced });
    }

    private static void Apply(CapabilityStateEntity entity, CapabilityCommand c)
    {
        entity.UnitLevel = c.UnitLevel;
        entity.InUse = c.InUse;
        entity.IsoVersion = c.IsoVersion;
        entity.CertificateDate = c.CertificateDate;
        entity.SourceSystem = c.SourceSystem;
        entity.Note = c.Note;
    }
}
