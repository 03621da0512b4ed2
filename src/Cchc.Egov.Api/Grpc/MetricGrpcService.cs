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
/// Metric submissions: every write stores the new values, their history rows and a MetricsSubmitted event in one
/// transaction. Writes go through <see cref="SubmitMetric"/> and <see cref="ImportSubmissions"/> only; both pass
/// <see cref="IncomingFacts"/> and <see cref="MetricRules"/> before anything is written.
/// </summary>
public sealed class MetricGrpcService(EgovDbContext db, TimeProvider clock, RequestSecurity security, IncomingFacts facts, IPeriodLock periods,
    ILogger<MetricGrpcService> logger) : MetricService.MetricServiceBase
{
    public const int MaxImportRecords = 20_000;
    public const int EventBatchSize = 1_000;

    public override async Task<MetricSubmission> SubmitMetric(SubmitMetricRequest request, ServerCallContext context)
    {
        var submitted = EgovValidation.Submit(request);
        var levels = await facts.EnsureAsync([EgovValidation.Fact(submitted, "submission.")], context.CancellationToken);
        var command = submitted with { UnitLevel = levels[0] };
        return await db.WriteAsync(async ct =>
        {
            var (written, _) = await WriteAsync([(command, "submission.")], ct);
            return written[0].ToWire();
        }, context.CancellationToken);
    }

    public override async Task<MetricSubmission> GetSubmission(GetSubmissionRequest request, ServerCallContext context)
    {
        var key = EgovValidation.Get(request);
        var found = await Find(db.Submissions.AsNoTracking().Include(s => s.History), key).SingleOrDefaultAsync(context.CancellationToken)
            ?? throw DomainException.NotFound("metric", EgovMessages.SubmissionNotFound);
        return found.ToWire(withHistory: true);
    }

    public override async Task<ListSubmissionsResponse> ListSubmissions(ListSubmissionsRequest request, ServerCallContext context)
    {
        var query = EgovValidation.List(request);
        var ct = context.CancellationToken;
        var rows = db.Submissions.AsNoTracking();
        if (query.SourceSystem is { } source)
        {
            rows = rows.Where(s => s.SourceSystem == source);
        }
        if (query.Unit is { } unit)
        {
            rows = rows.Where(s => s.Unit == unit);
        }
        if (query.Metric is { } metric)
        {
            rows = rows.Where(s => s.Metric == metric);
        }
        if (query.From is { } from)
        {
            rows = rows.Where(s => s.PeriodFrom >= from);
        }
        if (query.To is { } to)
        {
            rows = rows.Where(s => s.PeriodTo <= to);
        }
        var total = await rows.LongCountAsync(ct);
        var page = query.After is { } after ? rows.Where(s => s.Id > after) : rows;
        var found = await page.OrderBy(s => s.Id).Take(query.PageSize + 1).ToListAsync(ct);
        var response = new ListSubmissionsResponse { TotalSize = total };
        response.Submissions.AddRange(found.Take(query.PageSize).Select(s => s.ToWire()));
        if (found.Count > query.PageSize)
        {
            response.NextPageToken = PageToken.Encode(found[query.PageSize - 1].Id.ToString(CultureInfo.InvariantCulture), query.Fingerprint);
        }
        return response;
    }

    /// <summary>All or nothing: records are validated as they arrive, then checked together and written in one transaction.</summary>
    public override async Task<ImportResponse> ImportSubmissions(IAsyncStreamReader<MetricValue> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var records = new List<(MetricCommand Command, string Prefix)>();
        var seen = new Dictionary<MetricKey, int>();
        await foreach (var record in requestStream.ReadAllAsync(ct))
        {
            var i = records.Count;
            if (i == MaxImportRecords)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportRecords:N0} bản ghi mỗi lần nhập");
            }
            security.EnsureUnit(record.Unit, $"records[{i}].unit");
            var command = EgovValidation.MetricRecord(record, i);
            if (seen.TryGetValue(command.Key, out var first))
            {
                throw DomainException.Invalid($"records[{i}].period_from", EgovMessages.DuplicateInImport(first));
            }
            seen[command.Key] = i;
            records.Add((command, $"records[{i}]."));
        }
        var levels = await facts.EnsureAsync(records.Select(r => EgovValidation.Fact(r.Command, r.Prefix)).ToList(), ct);
        records = records.Select((r, i) => (r.Command with { UnitLevel = levels[i] }, r.Prefix)).ToList();
        var result = await db.WriteAsync(async ct2 =>
        {
            var (_, counts) = await WriteAsync(records, ct2);
            return counts;
        }, ct);
        logger.LogInformation("Imported {Records} metric submissions: {Inserted} inserted, {Replaced} replaced, {Unchanged} unchanged",
            result.Records, result.Inserted, result.Replaced, result.Unchanged);
        return result;
    }

    /// <summary>Checks the records against what is stored for their sources and units, then inserts, replaces or skips each.</summary>
    private async Task<(List<MetricSubmissionEntity> Written, ImportResponse Counts)> WriteAsync(
        IReadOnlyList<(MetricCommand Command, string Prefix)> records, CancellationToken ct)
    {
        var sources = records.Select(r => r.Command.Key.SourceSystem).Distinct().ToList();
        var units = records.Select(r => r.Command.Key.Unit).Distinct().ToList();
        var pairs = records.Select(r => (r.Command.Key.SourceSystem, r.Command.Key.Unit)).ToHashSet();
        var stored = (await db.Submissions.Where(s => sources.Contains(s.SourceSystem) && units.Contains(s.Unit)).ToListAsync(ct))
            .Where(s => pairs.Contains((s.SourceSystem, s.Unit)))
            .ToDictionary(s => new MetricKey(s.SourceSystem, s.Unit, s.Metric, s.PeriodFrom, s.PeriodTo));
        MetricRules.Check(records, stored.Select(s => new MetricFigure(s.Key, s.Value.Value)).ToList());

        var now = Instant.Normalize(clock.GetUtcNow());
        var by = security.Caller?.ClientId ?? Cchc.Security.Caller.Anonymous;
        var written = new List<MetricSubmissionEntity>();
        var changed = new List<MetricSubmissionEntity>();
        var changedDays = new List<FactDay>();
        long inserted = 0, replaced = 0;
        foreach (var (command, prefix) in records)
        {
            if (stored.TryGetValue(command.Key, out var existing))
            {
                written.Add(existing);
                if (existing.Value == command.Value && existing.Note == command.Note && existing.UnitLevel == command.UnitLevel)
                {
                    continue;
                }
                existing.Value = command.Value;
                existing.Note = command.Note;
                existing.UnitLevel = command.UnitLevel;
                existing.Revision++;
                existing.RecordedAt = now;
                existing.RecordedBy = by;
                db.Revisions.Add(new MetricRevisionEntity
                {
                    SubmissionId = existing.Id, Revision = existing.Revision, Value = command.Value, Note = command.Note, RecordedAt = now, RecordedBy = by,
                });
                replaced++;
                changed.Add(existing);
                changedDays.Add(new FactDay(command.Key.PeriodTo, prefix + "period_to"));
                continue;
            }
            var key = command.Key;
            var entity = new MetricSubmissionEntity
            {
                SourceSystem = key.SourceSystem, Unit = key.Unit, UnitLevel = command.UnitLevel, Metric = key.Metric,
                PeriodFrom = key.PeriodFrom, PeriodTo = key.PeriodTo, Value = command.Value, Note = command.Note,
                Revision = 1, RecordedAt = now, RecordedBy = by,
                History = [new MetricRevisionEntity { Revision = 1, Value = command.Value, Note = command.Note, RecordedAt = now, RecordedBy = by }],
            };
            db.Submissions.Add(entity);
            inserted++;
            written.Add(entity);
            changed.Add(entity);
            changedDays.Add(new FactDay(command.Key.PeriodTo, prefix + "period_to"));
        }
        // A submission's fact day is its period's end. Only what changes is a write: a repeat of what is stored passes even
        // inside an approved period; a change there is refused unless it is a correction (ADR 0029).
        await periods.EnsureOpenAsync(changedDays, ct);
        foreach (var chunk in changed.Chunk(EventBatchSize))
        {
            db.AddIntegrationEvent(new C.MetricsSubmitted { Submissions = chunk.Select(s => s.ToEvent()).ToList(), OccurredAt = now });
        }
        await db.SaveChangesAsync(ct);
        return (written, new ImportResponse { Records = records.Count, Inserted = inserted, Replaced = replaced, Unchanged = records.Count - inserted - replaced });
    }

    private static IQueryable<MetricSubmissionEntity> Find(IQueryable<MetricSubmissionEntity> rows, MetricKey key) =>
        rows.Where(s => s.SourceSystem == key.SourceSystem && s.Unit == key.Unit && s.Metric == key.Metric
            && s.PeriodFrom == key.PeriodFrom && s.PeriodTo == key.PeriodTo);
}
