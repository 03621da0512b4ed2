using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cchc.Reporting.Api.Data;

/// <summary>
/// The read model's revision (docs/adr/0044-computed-report-cache-keyed-by-read-model-revision.md): a number that grows in the
/// same transaction as every change of a table a report cell is computed from, so two reads that see the same revision see
/// the same facts. Every statement that writes one of <see cref="FactTables"/> — INSERT, UPDATE, DELETE or TRUNCATE, by a
/// consumer, a replay, the rebuild, a migration or an operator's SQL — moves it through a statement trigger (migration
/// ReadModelRevision), inside the writing transaction: the new revision becomes visible exactly when the facts do.
/// <para>
/// The revision is the sum of <c>read_model_revisions.value</c> over its slots; a writer increments the slot of its
/// connection (backend pid mod <see cref="Slots"/>), so concurrent consumers on different connections never wait for one
/// another's row (one counter row would serialise every consumer until its commit). Each committed writing statement adds
/// at least 1 and nothing subtracts, so the sum a snapshot sees changes whenever the facts it sees change.
/// </para>
/// </summary>
public static class ReadModelRevision
{
    /// <summary>The counter slots (a writer's backend pid modulo this).</summary>
    public const int Slots = 1024;

    /// <summary>
    /// Every table a computed report cell reads (appendices, key figures, their validation), each carrying the trigger.
    /// A new fact table is added here and in a migration that creates its trigger; ReadModelRevisionTests fails for a table
    /// of the model in neither this list nor <see cref="OtherTables"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> FactTables =
    [
        "autonomy_status_facts", "autonomy_unit_facts", "budget_figure_facts", "correction_facts", "document_check_facts",
        "dossier_daily_counts", "dossier_facts", "egov_capability_facts", "egov_metric_facts", "feedback_facts",
        "legal_document_facts", "obligation_facts", "procedure_versions", "programme_record_facts", "review_finding_facts",
        "staffing_facts", "submitted_value_facts", "unit_period_facts", "unit_revisions", "unreported_breakdown_facts",
    ];

    /// <summary>
    /// The model's tables no computed cell reads: the inbox and outbox, the consumers' failures, approvals (read per request,
    /// never cached: ADR 0042), the loaded published reports (reconciliation, computed per request) and the rebuilds with
    /// their services' markers (ADR 0040: status read per request; the rebuild's TRUNCATE of the fact tables moves the
    /// revision through their triggers).
    /// </summary>
    public static readonly IReadOnlyList<string> OtherTables =
    [
        "inbox_messages", "outbox_messages", "audit_entries", "consume_failures", "report_approvals", "published_reports",
        "rebuilds", "rebuild_markers",
    ];

    /// <summary>The slot increment the trigger runs and <see cref="BumpAsync"/> runs by hand (1024 = <see cref="Slots"/>).</summary>
    public const string BumpSql = """
        INSERT INTO read_model_revisions AS r (slot, value) VALUES (pg_backend_pid() % 1024, 1)
        ON CONFLICT (slot) DO UPDATE SET value = r.value + 1
        """;

    private const string ReadSql = "SELECT coalesce(sum(value), 0)::bigint FROM read_model_revisions";

    /// <summary>The revision the next statement on this context's connection sees.</summary>
    public static async Task<long> ReadAsync(ReportingDbContext db, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(ReadSql, connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Moves the revision by hand, in the context's current transaction if it has one: for a writer of the read model that
    /// does not go through the fact tables' statements (the triggers cover every INSERT, UPDATE, DELETE and TRUNCATE of
    /// <see cref="FactTables"/>, the rebuild's included; calling this as well is harmless — a cache miss, never a stale cell).
    /// </summary>
    public static async Task BumpAsync(ReportingDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(BumpSql, cancellationToken);
}
