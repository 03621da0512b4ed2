using Cchc.Contracts.Events.Programme;
using Cchc.Reporting.Api.Data;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Cchc.Reporting.Api.Programme;

/// <summary>Upserts programme records, submitted values and obligations, each keyed by its identity and keeping the highest revision.</summary>
public static class ProgrammeFactWriter
{
    private const string RecordsSql = """
        INSERT INTO programme_record_facts AS t (reporting_unit, key, kind, day_from, day_to, subject, target, national_index,
            bulletins, newspaper_articles, portal_section, contests, participants, services_surveyed, sample_size, score, rank, year,
            revision, first_recorded_at)
        SELECT * FROM unnest(@units, @keys, @kinds, @froms, @tos, @subjects, @targets, @indices, @bulletins, @articles, @portal,
            @contests, @participants, @services, @samples, @scores, @ranks, @years, @revisions, @first)
        ON CONFLICT (reporting_unit, key) DO UPDATE SET
            kind = excluded.kind, day_from = excluded.day_from, day_to = excluded.day_to, subject = excluded.subject,
            target = excluded.target, national_index = excluded.national_index, bulletins = excluded.bulletins,
            newspaper_articles = excluded.newspaper_articles, portal_section = excluded.portal_section, contests = excluded.contests,
            participants = excluded.participants, services_surveyed = excluded.services_surveyed, sample_size = excluded.sample_size,
            score = excluded.score, rank = excluded.rank, year = excluded.year, revision = excluded.revision
        WHERE excluded.revision > t.revision
        """;

    private const string ValuesSql = """
        INSERT INTO submitted_value_facts AS t (indicator, unit, period_from, period_to, kind, value, revision, recorded_at, recorded_by, first_recorded_at)
        SELECT * FROM unnest(@indicators, @units, @froms, @tos, @kinds, @values, @revisions, @recorded_at, @recorded_by, @first)
        ON CONFLICT (indicator, unit, period_from, period_to) DO UPDATE SET
            kind = excluded.kind, value = excluded.value, revision = excluded.revision, recorded_at = excluded.recorded_at,
            recorded_by = excluded.recorded_by
        WHERE excluded.revision > t.revision
        """;

    private const string ObligationsSql = """
        INSERT INTO obligation_facts AS t (unit, subject, period_from, period_to, indicator, record_kind, due_on, revision)
        SELECT * FROM unnest(@units, @subjects, @froms, @tos, @indicators, @kinds, @due, @revisions)
        ON CONFLICT (unit, subject, period_from, period_to) DO UPDATE SET due_on = excluded.due_on, revision = excluded.revision
        WHERE excluded.revision > t.revision
        """;

    /// <summary>The subject of an obligation: its indicator, or "records:{kind number}".</summary>
    public static string SubjectOf(string? indicator, ProgrammeRecordKind kind) => indicator ?? $"records:{(int)kind}";

    public static Task<int> UpsertProgrammeRecordFactsAsync(this ReportingDbContext db, IEnumerable<ProgrammeRecordFact> facts, CancellationToken cancellationToken)
    {
        var batch = facts.GroupBy(f => (f.ReportingUnit, f.Key)).Select(g => g.MaxBy(f => f.Revision)!)
            .OrderBy(f => f.ReportingUnit, StringComparer.Ordinal).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(RecordsSql,
        [
            FactBatch.Array("units", NpgsqlDbType.Text, batch.Select(f => f.ReportingUnit)),
            FactBatch.Array("keys", NpgsqlDbType.Text, batch.Select(f => f.Key)),
            FactBatch.Array("kinds", NpgsqlDbType.Integer, batch.Select(f => (int)f.Kind)),
            FactBatch.Array("froms", NpgsqlDbType.Date, batch.Select(f => f.From)),
            FactBatch.Array("tos", NpgsqlDbType.Date, batch.Select(f => f.To)),
            FactBatch.Array("subjects", NpgsqlDbType.Text, batch.Select(f => f.Subject)),
            FactBatch.Array("targets", NpgsqlDbType.Integer, batch.Select(f => (int)f.Target)),
            FactBatch.Array("indices", NpgsqlDbType.Integer, batch.Select(f => (int)f.Index)),
            FactBatch.Array("bulletins", NpgsqlDbType.Bigint, batch.Select(f => f.Bulletins)),
            FactBatch.Array("articles", NpgsqlDbType.Bigint, batch.Select(f => f.NewspaperArticles)),
            FactBatch.Array("portal", NpgsqlDbType.Boolean, batch.Select(f => f.PortalSection)),
            FactBatch.Array("contests", NpgsqlDbType.Bigint, batch.Select(f => f.Contests)),
            FactBatch.Array("participants", NpgsqlDbType.Bigint, batch.Select(f => f.Participants)),
            FactBatch.Array("services", NpgsqlDbType.Bigint, batch.Select(f => f.ServicesSurveyed)),
            FactBatch.Array("samples", NpgsqlDbType.Bigint, batch.Select(f => f.SampleSize)),
            FactBatch.Array("scores", NpgsqlDbType.Numeric, batch.Select(f => f.Score)),
            FactBatch.Array("ranks", NpgsqlDbType.Integer, batch.Select(f => f.Rank)),
            FactBatch.Array("years", NpgsqlDbType.Integer, batch.Select(f => f.Year)),
            FactBatch.Array("revisions", NpgsqlDbType.Integer, batch.Select(f => f.Revision)),
            FactBatch.Array("first", NpgsqlDbType.TimestampTz, batch.Select(f => f.FirstRecordedAt)),
        ], cancellationToken);
    }

    public static Task<int> UpsertSubmittedValueFactsAsync(this ReportingDbContext db, IEnumerable<SubmittedValueFact> facts, CancellationToken cancellationToken)
    {
        var batch = facts.GroupBy(f => (f.Indicator, f.Unit, f.PeriodFrom, f.PeriodTo)).Select(g => g.MaxBy(f => f.Revision)!)
            .OrderBy(f => f.Indicator, StringComparer.Ordinal).ThenBy(f => f.Unit, StringComparer.Ordinal).ThenBy(f => f.PeriodFrom).ThenBy(f => f.PeriodTo)
            .ToList();
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(ValuesSql,
        [
            FactBatch.Array("indicators", NpgsqlDbType.Text, batch.Select(f => f.Indicator)),
            FactBatch.Array("units", NpgsqlDbType.Text, batch.Select(f => f.Unit)),
            FactBatch.Array("froms", NpgsqlDbType.Date, batch.Select(f => f.PeriodFrom)),
            FactBatch.Array("tos", NpgsqlDbType.Date, batch.Select(f => f.PeriodTo)),
            FactBatch.Array("kinds", NpgsqlDbType.Integer, batch.Select(f => (int)f.Kind)),
            FactBatch.Array("values", NpgsqlDbType.Text, batch.Select(f => f.Value)),
            FactBatch.Array("revisions", NpgsqlDbType.Integer, batch.Select(f => f.Revision)),
            FactBatch.Array("recorded_at", NpgsqlDbType.TimestampTz, batch.Select(f => f.RecordedAt)),
            FactBatch.Array("recorded_by", NpgsqlDbType.Text, batch.Select(f => f.RecordedBy)),
            FactBatch.Array("first", NpgsqlDbType.TimestampTz, batch.Select(f => f.FirstRecordedAt)),
        ], cancellationToken);
    }

    public static Task<int> UpsertObligationFactsAsync(this ReportingDbContext db, IEnumerable<ObligationFact> facts, CancellationToken cancellationToken)
    {
        var batch = facts.GroupBy(f => (f.Unit, Subject: SubjectOf(f.Indicator, f.RecordKind), f.PeriodFrom, f.PeriodTo)).Select(g => g.MaxBy(f => f.Revision)!)
            .OrderBy(f => f.Unit, StringComparer.Ordinal).ThenBy(f => SubjectOf(f.Indicator, f.RecordKind), StringComparer.Ordinal)
            .ThenBy(f => f.PeriodFrom).ThenBy(f => f.PeriodTo).ToList();
        return batch.Count == 0 ? Task.FromResult(0) : db.Database.ExecuteSqlRawAsync(ObligationsSql,
        [
            FactBatch.Array("units", NpgsqlDbType.Text, batch.Select(f => f.Unit)),
            FactBatch.Array("subjects", NpgsqlDbType.Text, batch.Select(f => SubjectOf(f.Indicator, f.RecordKind))),
            FactBatch.Array("froms", NpgsqlDbType.Date, batch.Select(f => f.PeriodFrom)),
            FactBatch.Array("tos", NpgsqlDbType.Date, batch.Select(f => f.PeriodTo)),
            FactBatch.Array("indicators", NpgsqlDbType.Text, batch.Select(f => f.Indicator)),
            FactBatch.Array("kinds", NpgsqlDbType.Integer, batch.Select(f => (int)f.RecordKind)),
            FactBatch.Array("due", NpgsqlDbType.Date, batch.Select(f => f.DueOn)),
            FactBatch.Array("revisions", NpgsqlDbType.Integer, batch.Select(f => f.Revision)),
        ], cancellationToken);
    }
}
