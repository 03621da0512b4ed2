using Cchc.Contracts.Events.Legal;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Institutions;

/// <summary>Upserts legal documents, review findings and checks, each keyed by its id and keeping the highest version.</summary>
public static class InstitutionsFactWriter
{
    private const string DocumentsSql = """
        INSERT INTO legal_document_facts AS t (document_id, version, kind, issuing_body, level, signed_on, expired_on)
        SELECT * FROM unnest(@ids, @versions, @kinds, @bodies, @levels, @signed_on, @expired_on)
        ON CONFLICT (document_id) DO UPDATE SET
            version = excluded.version, kind = excluded.kind, issuing_body = excluded.issuing_body, level = excluded.level,
            signed_on = excluded.signed_on, expired_on = excluded.expired_on
        WHERE excluded.version > t.version
        """;

    private const string FindingsSql = """
        INSERT INTO review_finding_facts AS t (round_id, document_id, version, conclusion, found_on, handling, handled_on)
        SELECT * FROM unnest(@rounds, @ids, @versions, @conclusions, @found_on, @handlings, @handled_on)
        ON CONFLICT (round_id, document_id) DO UPDATE SET
            version = excluded.version, conclusion = excluded.conclusion, found_on = excluded.found_on,
            handling = excluded.handling, handled_on = excluded.handled_on
        WHERE excluded.version > t.version
        """;

    private const string ChecksSql = """
        INSERT INTO document_check_facts AS t (check_id, document_id, version, checked_on, result, handling, handled_on)
        SELECT * FROM unnest(@ids, @documents, @versions, @checked_on, @results, @handlings, @handled_on)
        ON CONFLICT (check_id) DO UPDATE SET
            document_id = excluded.document_id, version = excluded.version, checked_on = excluded.checked_on,
            result = excluded.result, handling = excluded.handling, handled_on = excluded.handled_on
        WHERE excluded.version > t.version
        """;

    public static Task<int> UpsertLegalDocumentFactsAsync(this ReportingDbContext db, IEnumerable<LegalDocumentState> states, CancellationToken cancellationToken)
    {
        var batch = FactBatch.LatestById(states, s => s.DocumentId, s => s.Version);
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(DocumentsSql,
        [
            FactBatch.Array("ids", NpgsqlDbType.Text, batch.Select(s => s.DocumentId)),
            FactBatch.Array("versions", NpgsqlDbType.Integer, batch.Select(s => s.Version)),
            FactBatch.Array("kinds", NpgsqlDbType.Integer, batch.Select(s => (int)s.Kind)),
            FactBatch.Array("bodies", NpgsqlDbType.Integer, batch.Select(s => (int)s.IssuingBody)),
            FactBatch.Array("levels", NpgsqlDbType.Integer, batch.Select(s => (int)s.Level)),
            FactBatch.Array("signed_on", NpgsqlDbType.Date, batch.Select(s => s.SignedOn)),
            FactBatch.Array("expired_on", NpgsqlDbType.Date, batch.Select(s => s.ExpiredOn)),
        ], cancellationToken);
    }

    public static Task<int> UpsertReviewFindingFactsAsync(this ReportingDbContext db, IEnumerable<ReviewFindingState> states, CancellationToken cancellationToken)
    {
        // The key is (round, document): "\n" cannot occur in either id (ids have no control characters).
        var batch = FactBatch.LatestById(states, s => s.RoundId + "\n" + s.DocumentId, s => s.Version);
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(FindingsSql,
        [
            FactBatch.Array("rounds", NpgsqlDbType.Text, batch.Select(s => s.RoundId)),
            FactBatch.Array("ids", NpgsqlDbType.Text, batch.Select(s => s.DocumentId)),
            FactBatch.Array("versions", NpgsqlDbType.Integer, batch.Select(s => s.Version)),
            FactBatch.Array("conclusions", NpgsqlDbType.Integer, batch.Select(s => (int)s.Conclusion)),
            FactBatch.Array("found_on", NpgsqlDbType.Date, batch.Select(s => s.FoundOn)),
            FactBatch.Array("handlings", NpgsqlDbType.Integer, batch.Select(s => (int)s.Handling)),
            FactBatch.Array("handled_on", NpgsqlDbType.Date, batch.Select(s => s.HandledOn)),
        ], cancellationToken);
    }

    public static Task<int> UpsertDocumentCheckFactsAsync(this ReportingDbContext db, IEnumerable<DocumentCheckState> states, CancellationToken cancellationToken)
    {
        var batch = FactBatch.LatestById(states, s => s.CheckId, s => s.Version);
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(ChecksSql,
        [
            FactBatch.Array("ids", NpgsqlDbType.Text, batch.Select(s => s.CheckId)),
            FactBatch.Array("documents", NpgsqlDbType.Text, batch.Select(s => s.DocumentId)),
            FactBatch.Array("versions", NpgsqlDbType.Integer, batch.Select(s => s.Version)),
            FactBatch.Array("checked_on", NpgsqlDbType.Date, batch.Select(s => s.CheckedOn)),
            FactBatch.Array("results", NpgsqlDbType.Integer, batch.Select(s => (int)s.Result)),
            FactBatch.Array("handlings", NpgsqlDbType.Integer, batch.Select(s => (int)s.Handling)),
            FactBatch.Array("handled_on", NpgsqlDbType.Date, batch.Select(s => s.HandledOn)),
        ], cancellationToken);
    }
}
