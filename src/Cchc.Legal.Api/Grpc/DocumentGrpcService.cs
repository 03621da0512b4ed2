using Cchc.Contracts;
using Cchc.Legal.Api.Data;
using Cchc.Legal.Api.Domain;
using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using C = Cchc.Contracts.Events.Legal;

namespace Cchc.Legal.Api.Grpc;

/// <summary>
/// The register: every write stores the document's new state and its LegalDocumentsRecorded event in one transaction.
/// Writes go through <see cref="RegisterDocument"/>, <see cref="RecordLifecycleEvent"/> and <see cref="ImportDocuments"/> only.
/// </summary>
public sealed class DocumentGrpcService(LegalDbContext db, TimeProvider clock, RequestSecurity security, IUnitReference units, IPeriodLock periods,
    ILogger<DocumentGrpcService> logger)
    : DocumentService.DocumentServiceBase
{
    public const int MaxImportRecords = 20_000;
    public const int EventBatchSize = 1_000;

    public override Task<Document> RegisterDocument(RegisterDocumentRequest request, ServerCallContext context)
    {
        var command = DocumentValidation.Register(request);
        return db.WriteAsync(async ct =>
        {
            var existing = await LoadAsync(command.DocumentId, ct);
            if (existing is not null)
            {
                DocumentRules.EnsureSameRegistration(existing.ToState(), command);
                return existing.ToWire(Today);
            }
            // The issuing body must have existed on the day it signed the document.
            await units.EnsureExistedAsync(command.Definition.IssuerUnit, command.Definition.SignedOn, "attributes.issuer_unit", ct);
            // Appendix 2 counts a document in the period of its signing day (ADR 0029).
            await periods.EnsureOpenAsync([new FactDay(command.Definition.SignedOn, "attributes.signed_on")], ct);
            var state = new DocumentState(command.DocumentId, command.Definition, [], 1);
            var now = Now;
            db.Documents.Add(DocumentEntity.From(state, now));
            db.AddIntegrationEvent(new C.LegalDocumentsRecorded { Documents = [state.ToEvent()], OccurredAt = now });
            await db.SaveChangesAsync(ct);
            return state.ToWire(Today, now);
        }, context.CancellationToken);
    }

    public override Task<Document> RecordLifecycleEvent(RecordLifecycleEventRequest request, ServerCallContext context)
    {
        var command = DocumentValidation.Event(request);
        return db.WriteAsync(async ct =>
        {
            var target = await LoadAsync(command.DocumentId, ct) ?? throw NotFound(command.DocumentId);
            var cause = command.Change.CausedBy is { } causeId && causeId != command.DocumentId ? (await LoadAsync(causeId, ct))?.ToState() : null;
            var next = DocumentRules.Record(target.ToState(), command.IssuerUnit, command.Change, cause);
            if (next is null)
            {
                return target.ToWire(Today);
            }
            // A lifecycle event changes the document's status from its day on.
            await periods.EnsureOpenAsync([new FactDay(command.Change.EffectiveOn, "event.effective_on")], ct);
            var now = Now;
            target.Apply(next, now);
            db.AddIntegrationEvent(new C.LegalDocumentsRecorded { Documents = [next.ToEvent()], OccurredAt = now });
            await db.SaveChangesAsync(ct);
            return next.ToWire(Today, now);
        }, context.CancellationToken);
    }

    public override async Task<Document> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        var (id, asOf) = DocumentValidation.Get(request, clock);
        var entity = await db.Documents.AsNoTracking().Include(d => d.Events).SingleOrDefaultAsync(d => d.DocumentId == id, context.CancellationToken)
            ?? throw NotFound(id);
        return entity.ToWire(asOf);
    }

    public override async Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        var query = DocumentValidation.List(request, clock);
        var ct = context.CancellationToken;
        var day = query.StatusOn;
        var documents = db.Documents.AsNoTracking();
        if (query.Kind is { } kind)
        {
            documents = documents.Where(d => d.Kind == kind);
        }
        if (query.Level is { } level)
        {
            documents = documents.Where(d => d.Level == level);
        }
        if (query.IssuerUnit is { } unit)
        {
            documents = documents.Where(d => d.IssuerUnit == unit);
        }
        if (query.SignedFrom is { } from)
        {
            documents = documents.Where(d => d.SignedOn >= from);
        }
        if (query.SignedTo is { } to)
        {
            documents = documents.Where(d => d.SignedOn <= to);
        }
        if (query.TitleContains is { } text)
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            documents = documents.Where(d => EF.Functions.ILike(d.Title, pattern, "\\"));
        }
        documents = query.Status switch
        {
            C.DocumentStatus.NotYetInForce => documents.Where(d => d.EffectiveOn > day),
            C.DocumentStatus.Expired => documents.Where(d => d.ExpiredOn <= day),
            C.DocumentStatus.PartlyExpired => documents.Where(d => d.EffectiveOn <= day && (d.ExpiredOn == null || d.ExpiredOn > day) && d.PartlyExpiredOn <= day),
            C.DocumentStatus.InForce => documents.Where(d => d.EffectiveOn <= day && (d.ExpiredOn == null || d.ExpiredOn > day)
                && (d.PartlyExpiredOn == null || d.PartlyExpiredOn > day)),
            _ => documents,
        };
        var total = await documents.CountAsync(ct);
        var page = query.After is { } after ? documents.Where(d => string.Compare(d.DocumentId, after) > 0) : documents;
        var rows = await page.Include(d => d.Events).OrderBy(d => d.DocumentId).Take(query.PageSize + 1).ToListAsync(ct);

        var response = new ListDocumentsResponse { TotalSize = total };
        response.Documents.AddRange(rows.Take(query.PageSize).Select(d => d.ToWire(day)));
        if (rows.Count > query.PageSize)
        {
            response.NextPageToken = PageToken.Encode(rows[query.PageSize - 1].DocumentId, query.Fingerprint);
        }
        return response;
    }

    /// <summary>
    /// All or nothing: the records are validated as they arrive, then checked together (ids unique in the call, events
    /// against their documents and causes, which may be earlier or later in the same call or already registered) and
    /// written in one transaction with one LegalDocumentsRecorded per 1,000 new documents. The volumes are small
    /// (hundreds of documents a year per province), so the call is buffered and written with batched EF inserts.
    /// </summary>
    public override async Task<ImportDocumentsResponse> ImportDocuments(IAsyncStreamReader<DocumentRecord> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var records = new List<DocumentImportRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var record in requestStream.ReadAllAsync(ct))
        {
            if (records.Count == MaxImportRecords)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportRecords:N0} bản ghi mỗi lần nhập");
            }
            // The caller must act for every record's issuing body: the first foreign one refuses the whole import.
            security.EnsureUnit(record.Attributes?.IssuerUnit, $"records[{records.Count}].attributes.issuer_unit");
            var parsed = DocumentValidation.Record(record, records.Count);
            if (!seen.Add(parsed.DocumentId))
            {
                throw DomainException.Invalid($"records[{records.Count}].document_id", LegalMessages.DuplicateInImport(parsed.DocumentId));
            }
            records.Add(parsed);
        }
        var result = await db.WriteAsync(ct2 => ImportAsync(records, ct2), ct);
        logger.LogInformation("Imported {Records} documents: {Inserted} inserted, {Unchanged} unchanged", result.Records, result.Inserted, result.Unchanged);
        return result;
    }

    private async Task<ImportDocumentsResponse> ImportAsync(IReadOnlyList<DocumentImportRecord> records, CancellationToken ct)
    {
        // Every new document's issuing body must have existed on its signing day: the units are loaded once for the call.
        var lifetimes = await units.LoadAsync(records.Select(r => r.Definition.IssuerUnit), ct);
        var ids = records.Select(r => r.DocumentId).ToList();
        var causeIds = records.SelectMany(r => r.Events).Select(e => e.CausedBy).OfType<string>().Except(ids).Distinct().ToList();
        var stored = await db.Documents.AsNoTracking().Include(d => d.Events)
            .Where(d => ids.Contains(d.DocumentId) || causeIds.Contains(d.DocumentId)).ToDictionaryAsync(d => d.DocumentId, d => d.ToState(), ct);
        // A cause is judged by its history as imported (or as stored): its status on a day depends only on its own facts.
        var asImported = records.ToDictionary(r => r.DocumentId, r => new DocumentState(r.DocumentId, r.Definition, r.Events, 0), StringComparer.Ordinal);
        DocumentState? Find(string id) => asImported.GetValueOrDefault(id) ?? stored.GetValueOrDefault(id);

        var inserted = new List<DocumentState>();
        var insertedDays = new List<FactDay>();
        long unchanged = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (stored.TryGetValue(record.DocumentId, out var existing))
            {
                var field = existing.Definition.FirstDifference(record.Definition)
                    ?? (existing.Events.Count != record.Events.Count || existing.Events.Zip(record.Events).Any(p => !p.First.SameAs(p.Second)) ? "events" : null);
                if (field is not null)
                {
                    throw DomainException.Conflict($"records[{i}].{field}", KitMessages.DifferentContent("văn bản", record.DocumentId, field));
                }
                unchanged++;
                continue;
            }
            lifetimes.EnsureExisted(record.Definition.IssuerUnit, record.Definition.SignedOn, $"records[{i}].attributes.issuer_unit");
            var state = new DocumentState(record.DocumentId, record.Definition, [], 1);
            for (var j = 0; j < record.Events.Count; j++)
            {
                var change = record.Events[j];
                try
                {
                    state = DocumentRules.Record(state, record.Definition.IssuerUnit, change, change.CausedBy is { } c ? Find(c) : null, $"events[{j}].") ?? state;
                }
                catch (DomainException ex)
                {
                    // Name the record in the stream, in the fields and in the message.
                    throw ex.WithFieldPrefix($"records[{i}].");
                }
            }
            inserted.Add(state);
            insertedDays.Add(new FactDay(record.Definition.SignedOn, $"records[{i}].attributes.signed_on"));
            insertedDays.AddRange(record.Events.Select((e, j) => new FactDay(e.EffectiveOn, $"records[{i}].events[{j}].effective_on")));
        }
        // The new documents only (a repeat of a stored one passes): one locked day refuses the whole import.
        await periods.EnsureOpenAsync(insertedDays, ct);

        var now = Now;
        db.Documents.AddRange(inserted.Select(s => DocumentEntity.From(s, now)));
        foreach (var chunk in inserted.Chunk(EventBatchSize))
        {
            db.AddIntegrationEvent(new C.LegalDocumentsRecorded { Documents = chunk.Select(s => s.ToEvent()).ToList(), OccurredAt = now });
        }
        await db.SaveChangesAsync(ct);
        return new ImportDocumentsResponse { Records = records.Count, Inserted = inserted.Count, Unchanged = unchanged };
    }

    private Task<DocumentEntity?> LoadAsync(string id, CancellationToken ct) =>
        db.Documents.Include(d => d.Events).SingleOrDefaultAsync(d => d.DocumentId == id, ct);

    private DateOnly Today => VietnamCalendar.Today(clock);

    private DateTimeOffset Now => Instant.Normalize(clock.GetUtcNow());

    private static DomainException NotFound(string id) => DomainException.NotFound("document_id", LegalMessages.DocumentNotFound(id));
}
