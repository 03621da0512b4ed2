using Cchc.Contracts.Events.Reporting;
using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using Cchc.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cchc.Reporting.Api.Rebuild;

/// <summary>Which services a rebuild waits for (section "Reporting:Rebuild").</summary>
public sealed class RebuildOptions
{
    public const string SectionName = "Reporting:Rebuild";

    /// <summary>Every domain service that re-publishes facts (their short names, as their queues are named).</summary>
    public static readonly IReadOnlyList<string> DefaultServices = ["procedures", "legal", "organisation", "finance", "egov", "programme"];

    /// <summary>The services a rebuild waits for when configured (e.g. a test's); empty: <see cref="DefaultServices"/>.</summary>
    public List<string> Services { get; set; } = [];

    /// <summary>What a rebuild waits for (the configuration binder appends to a list, so the default is not a list default).</summary>
    public IReadOnlyList<string> Expected => Services.Count > 0 ? Services : DefaultServices;
}

/// <summary>
/// Rebuilding the read model from the domain services (docs/adr/0040-rebuilding-the-reporting-read-model.md). Starting one
/// records it, empties every fact table and publishes RebuildRequested through the read model's outbox, in one transaction;
/// the services re-publish their current state and a FactsRepublished marker each. A rebuild is complete when every
/// expected service's marker is in and the inbox holds every message id each marker lists (exact: the inbox applies each
/// message once, so a duplicate delivery cannot count twice).
/// </summary>
public sealed class Rebuilds(ReportingDbContext db, ISecurityStore audit, TimeProvider clock, Microsoft.Extensions.Options.IOptions<RebuildOptions> options)
{
    /// <summary>The operation audited for a rebuild asked over HTTP.</summary>
    public const string StartOperation = "POST /api/reports/rebuild";

    /// <summary>
    /// The tables the consumers write, emptied by a rebuild: every one the services' events fill. Never the approvals, the
    /// published reports, the consume failures, the corrections (a log of accepted corrections, not current state the
    /// services could re-publish), the inbox, the outbox, the audit log or the rebuilds themselves (RebuildTests checks
    /// that every table of the model is on one of the two lists).
    /// </summary>
    public static readonly IReadOnlyList<string> FactTables =
    [
        "procedure_versions", "dossier_facts", "dossier_daily_counts", "feedback_facts",
        "legal_document_facts", "review_finding_facts", "document_check_facts",
        "autonomy_unit_facts", "autonomy_status_facts", "unreported_breakdown_facts", "budget_figure_facts",
        "unit_revisions", "unit_period_facts", "staffing_facts",
        "egov_metric_facts", "egov_capability_facts",
        "programme_record_facts", "submitted_value_facts", "obligation_facts",
    ];

    private static readonly string TruncateSql = "TRUNCATE " + string.Join(", ", FactTables);

    /// <summary>Reporting's own tables, which a rebuild leaves as they are.</summary>
    public static readonly IReadOnlyList<string> KeptTables =
    [
        "report_approvals", "published_reports", "consume_failures", "correction_facts", "inbox_messages", "outbox_messages",
        "audit_entries", "rebuilds", "rebuild_markers",
    ];

    /// <summary>
    /// Starts a rebuild unless one is running (then null): records it, empties the fact tables and publishes RebuildRequested,
    /// in one transaction (with an audit entry when <paramref name="auditHere"/>).
    /// </summary>
    public async Task<RebuildRecord?> StartAsync(string clientId, bool auditHere, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One start at a time: the second waits here, then sees the first.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended('reporting rebuild', 40))", ct);
        if (await RunningAsync(ct) is not null)
        {
            return null;
        }
        var rebuild = new RebuildRecord
        {
            Id = Guid.CreateVersion7(),
            RequestedBy = clientId,
            RequestedAt = clock.GetUtcNow(),
            ExpectedServices = options.Value.Expected.ToList(),
        };
        db.Add(rebuild);
        // The perf branch's computed-report cache, if merged, must be emptied here too (the read model changes under it).
        await db.Database.ExecuteSqlRawAsync(TruncateSql, ct);
        db.AddIntegrationEvent(new RebuildRequested { RebuildId = rebuild.Id, RequestedAt = rebuild.RequestedAt });
        await db.SaveChangesAsync(ct);
        if (auditHere)
        {
            await audit.AppendAsync(new AuditRecord(clientId, null, StartOperation, rebuild.Id.ToString(), null, AuditOutcome.Accepted, "OK"), ct);
        }
        await transaction.CommitAsync(ct);
        return rebuild;
    }

    /// <summary>The rebuild still running (its completion checked now), or null.</summary>
    public async Task<RebuildRecord?> RunningAsync(CancellationToken ct)
    {
        var open = await db.Set<RebuildRecord>().AsNoTracking().Where(r => r.CompletedAt == null).OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
        if (open is null)
        {
            return null;
        }
        await ProgressAsync(open, ct);
        return open.CompletedAt is null ? open : null;
    }

    /// <summary>What the report pages and JSON say while a rebuild runs; null when none does.</summary>
    public async Task<RebuildNoticeDto?> NoticeAsync(CancellationToken ct) =>
        await RunningAsync(ct) is { } running ? new RebuildNoticeDto(running.Id, running.RequestedAt, RebuildMessages.Rebuilding) : null;

    /// <summary>The status of one rebuild (or the latest when <paramref name="id"/> is null); null when there is none.</summary>
    public async Task<RebuildStatusDto?> StatusAsync(Guid? id, CancellationToken ct)
    {
        var rebuilds = db.Set<RebuildRecord>().AsNoTracking();
        var rebuild = id is { } wanted
            ? await rebuilds.FirstOrDefaultAsync(r => r.Id == wanted, ct)
            : await rebuilds.OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
        if (rebuild is null)
        {
            return null;
        }
        var services = await ProgressAsync(rebuild, ct);
        return new RebuildStatusDto(rebuild.Id, rebuild.CompletedAt is null ? "rebuilding" : "complete", rebuild.RequestedBy, rebuild.RequestedAt,
            rebuild.CompletedAt, rebuild.CompletedAt is null ? RebuildMessages.Rebuilding : RebuildMessages.Complete(rebuild.CompletedAt.Value), services);
    }

    /// <summary>Each expected service's progress; marks <paramref name="rebuild"/> complete (and saves it) when every one is done.</summary>
    private async Task<IReadOnlyList<RebuildServiceDto>> ProgressAsync(RebuildRecord rebuild, CancellationToken ct)
    {
        // Per marker: how many of the message ids it lists the inbox holds (any consumer: each page has exactly one here).
        var markers = new List<MarkerProgress>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("""
                SELECT m.service, cardinality(m.message_ids), m.records, m.republished_at,
                       (SELECT count(DISTINCT i.message_id) FROM inbox_messages i WHERE i.message_id = ANY (m.message_ids))
                FROM rebuild_markers m WHERE m.rebuild_id = @id
                """, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            command.Parameters.AddWithValue("id", rebuild.Id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                markers.Add(new MarkerProgress(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt64(4)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var services = rebuild.ExpectedServices.Select(s => markers.FirstOrDefault(m => m.Service == s) is { } m
                ? new RebuildServiceDto(s, true, m.Listed, m.Applied, m.Records, m.RepublishedAt, m.Applied == m.Listed)
                : new RebuildServiceDto(s, false, 0, 0, 0, null, false))
            .ToList();
        if (rebuild.CompletedAt is null && services.All(s => s.Done))
        {
            rebuild.CompletedAt = clock.GetUtcNow();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE rebuilds SET completed_at = {rebuild.CompletedAt} WHERE id = {rebuild.Id} AND completed_at IS NULL", ct);
        }
        return services;
    }

    private sealed record MarkerProgress(string Service, int Listed, long Records, DateTimeOffset RepublishedAt, long Applied);
}

/// <summary>A rebuild's state ("rebuilding" or "complete") and each expected service's progress.</summary>
public sealed record RebuildStatusDto(Guid Id, string State, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, string Note,
    IReadOnlyList<RebuildServiceDto> Services);

/// <summary>
/// A service's part: whether its marker is in, the messages it listed and how many of them the read model applied, the
/// records they carry.
/// </summary>
public sealed record RebuildServiceDto(string Service, bool Republished, int Messages, long Applied, long Records, DateTimeOffset? RepublishedAt, bool Done);

/// <summary>What a report (JSON field "rebuild") says while the read model is being rebuilt: its figures are incomplete.</summary>
public sealed record RebuildNoticeDto(Guid Id, DateTimeOffset StartedAt, string Note);

/// <summary>The people-facing texts of rebuilds.</summary>
public static class RebuildMessages
{
    public const string Rebuilding = "Đang dựng lại số liệu báo cáo từ dữ liệu của các sở, ngành: số liệu hiện chưa đầy đủ.";
    public const string AlreadyRunning = "Đang có một lần dựng lại số liệu báo cáo chưa hoàn tất: chờ lần này xong rồi thử lại.";
    public const string NotFound = "Không có lần dựng lại số liệu báo cáo này.";
    public const string NoneYet = "Chưa có lần dựng lại số liệu báo cáo nào.";
    public const string ApprovalRefused = "Không phê duyệt được khi đang dựng lại số liệu báo cáo: chờ việc dựng lại hoàn tất rồi phê duyệt.";

    public static string Complete(DateTimeOffset at) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Đã dựng lại xong số liệu báo cáo lúc {at.ToOffset(Cchc.Contracts.VietnamCalendar.Offset):HH:mm dd/MM/yyyy}.");
}

/// <summary>An approval asked while the read model is being rebuilt: refused (its snapshot would hold incomplete figures).</summary>
public sealed class RebuildRunningException() : InvalidOperationException(RebuildMessages.ApprovalRefused);
