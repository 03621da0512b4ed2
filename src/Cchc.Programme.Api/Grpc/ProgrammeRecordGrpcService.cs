using System.Globalization;
using Cchc.Contracts.Events.Programme;
using Cchc.Messaging;
using Cchc.Programme.Api.Data;
using Cchc.Programme.Api.Domain;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Programme.Api.Grpc;

/// <summary>
/// The programme's records (Appendix 1): every write stores the new content, its history row and a
/// ProgrammeRecordsRecorded event in one transaction; the same content again changes nothing.
/// </summary>
public sealed class ProgrammeRecordGrpcService(ProgrammeDbContext db, TimeProvider clock, RequestSecurity security, IPeriodLock periods,
    ILogger<ProgrammeRecordGrpcService> logger) : ProgrammeRecordService.ProgrammeRecordServiceBase
{
    public const int MaxImportRecords = 20_000;
    public const int EventBatchSize = 1_000;

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    public override async Task<ProgrammeRecordState> RecordProgrammeRecord(RecordProgrammeRecordRequest request, ServerCallContext context)
    {
        var command = ProgrammeValidation.Record(request);
        return await db.WriteAsync(async ct =>
        {
            var (written, _) = await WriteAsync([command], _ => "record.", ct);
            return ToWire(written[0]);
        }, context.CancellationToken);
    }

    /// <summary>All or nothing: records are validated as they arrive, then written in one transaction.</summary>
    public override async Task<ImportResponse> ImportProgrammeRecords(IAsyncStreamReader<ProgrammeRecord> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var records = new List<RecordCommand>();
        var seen = new Dictionary<(string, string), int>();
        await foreach (var record in requestStream.ReadAllAsync(ct))
        {
            var i = records.Count;
            if (i == MaxImportRecords)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportRecords:N0} bản ghi mỗi lần nhập");
            }
            security.EnsureUnit(record.ReportingUnit, $"records[{i}].reporting_unit");
            var command = ProgrammeValidation.RecordOf(record, i);
            if (seen.TryGetValue((command.ReportingUnit, command.Key), out var first))
            {
                throw DomainException.Invalid($"records[{i}].key", ProgrammeMessages.DuplicateInImport(first));
            }
            seen[(command.ReportingUnit, command.Key)] = i;
            records.Add(command);
        }
        var result = await db.WriteAsync(async ct2 => (await WriteAsync(records, i => $"records[{i}].", ct2)).Counts, ct);
        logger.LogInformation("Imported {Records} programme records: {Inserted} inserted, {Replaced} replaced, {Unchanged} unchanged",
            result.Records, result.Inserted, result.Replaced, result.Unchanged);
        return result;
    }

    public override async Task<ListProgrammeRecordsResponse> ListProgrammeRecords(ListProgrammeRecordsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var kind = v.Enum<RecordKind, ProgrammeRecordKind>("kind", request.Kind, allowZero: true);
        var unit = v.Text("reporting_unit", request.ReportingUnit, ProgrammeValidation.MaxUnitLength, required: false);
        var fingerprint = $"{(int)kind}|{unit}";
        var after = PageToken.Decode(request.PageToken, fingerprint, v);
        v.ThrowIfInvalid();
        var ct = context.CancellationToken;
        var rows = db.Records.AsNoTracking();
        if (kind != ProgrammeRecordKind.Unspecified)
        {
            rows = rows.Where(r => r.Kind == kind);
        }
        if (unit.Length > 0)
        {
            rows = rows.Where(r => r.ReportingUnit == unit);
        }
        var total = await rows.LongCountAsync(ct);
        if (after is not null)
        {
            var id = long.Parse(after, CultureInfo.InvariantCulture);
            rows = rows.Where(r => r.Id > id);
        }
        var found = await rows.OrderBy(r => r.Id).Take(pageSize + 1).ToListAsync(ct);
        var response = new ListProgrammeRecordsResponse { TotalSize = total };
        response.Records.AddRange(found.Take(pageSize).Select(ToWire));
        if (found.Count > pageSize)
        {
            response.NextPageToken = PageToken.Encode(found[pageSize - 1].Id.ToString(CultureInfo.InvariantCulture), fingerprint);
        }
        return response;
    }

    private async Task<(List<ProgrammeRecordEntity> Written, ImportResponse Counts)> WriteAsync(IReadOnlyList<RecordCommand> records, Func<int, string> prefix,
        CancellationToken ct)
    {
        var units = records.Select(r => r.ReportingUnit).Distinct().ToList();
        var keys = records.Select(r => r.Key).Distinct().ToList();
        var stored = (await db.Records.Where(r => units.Contains(r.ReportingUnit) && keys.Contains(r.Key)).ToListAsync(ct))
            .ToDictionary(r => (r.ReportingUnit, r.Key));
        var now = Instant.Normalize(clock.GetUtcNow());
        var by = security.Caller?.ClientId ?? Cchc.Security.Caller.Anonymous;
        var written = new List<ProgrammeRecordEntity>();
        var changed = new List<(ProgrammeRecordEntity Entity, ProgrammeRecordFact Fact)>();
        var changedDays = new List<FactDay>();
        long inserted = 0, replaced = 0;
        foreach (var (command, i) in records.Select((c, i) => (c, i)))
        {
            var content = Json.Format(command.Record);
            if (stored.TryGetValue((command.ReportingUnit, command.Key), out var existing))
            {
                written.Add(existing);
                if (SameJson(existing.Content, content))
                {
                    continue;
                }
                // A revision changes the record as stored and as sent: both days are checked.
                changedDays.Add(ProgrammeFactDays.Of(existing.Kind, existing.DayFrom, existing.DayTo, prefix(i)));
                changedDays.Add(ProgrammeFactDays.Of(command.Kind, command.Fact.From, command.Fact.To, prefix(i)));
                existing.Kind = command.Kind;
                existing.DayFrom = command.Fact.From;
                existing.DayTo = command.Fact.To;
                existing.Content = content;
                existing.Revision++;
                existing.RecordedAt = now;
                existing.RecordedBy = by;
                db.RecordRevisions.Add(new ProgrammeRecordRevisionEntity { RecordId = existing.Id, Revision = existing.Revision, Content = content, RecordedAt = now, RecordedBy = by });
                replaced++;
                changed.Add((existing, command.Fact));
                continue;
            }
            var entity = new ProgrammeRecordEntity
            {
                ReportingUnit = command.ReportingUnit, Key = command.Key, Kind = command.Kind, DayFrom = command.Fact.From, DayTo = command.Fact.To,
                Content = content, Revision = 1, RecordedAt = now, RecordedBy = by, FirstRecordedAt = now,
                History = [new ProgrammeRecordRevisionEntity { Revision = 1, Content = content, RecordedAt = now, RecordedBy = by }],
            };
            db.Records.Add(entity);
            changedDays.Add(ProgrammeFactDays.Of(command.Kind, command.Fact.From, command.Fact.To, prefix(i)));
            stored[(command.ReportingUnit, command.Key)] = entity;
            inserted++;
            written.Add(entity);
            changed.Add((entity, command.Fact));
        }
        // Only what changes is checked: a repeat of a stored record passes even inside an approved period (ADR 0029).
        await periods.EnsureOpenAsync(changedDays, ct);
        foreach (var chunk in changed.Chunk(EventBatchSize))
        {
            db.AddIntegrationEvent(new ProgrammeRecordsRecorded
            {
                Records = chunk.Select(c => c.Fact with { Revision = c.Entity.Revision, FirstRecordedAt = c.Entity.FirstRecordedAt }).ToList(),
                OccurredAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        return (written, new ImportResponse { Records = records.Count, Inserted = inserted, Replaced = replaced, Unchanged = records.Count - inserted - replaced });
    }

    /// <summary>jsonb normalises the stored text (key order, spacing): compare parsed records, not strings.</summary>
    private static bool SameJson(string stored, string content) =>
        JsonParser.Default.Parse<ProgrammeRecord>(stored).Equals(JsonParser.Default.Parse<ProgrammeRecord>(content));

    internal static ProgrammeRecordState ToWire(ProgrammeRecordEntity e) => new()
    {
        Record = JsonParser.Default.Parse<ProgrammeRecord>(e.Content),
        Kind = (RecordKind)(int)e.Kind,
        Revision = e.Revision,
        RecordedAt = Instant.ToTimestamp(e.RecordedAt),
        RecordedBy = e.RecordedBy,
    };
}
