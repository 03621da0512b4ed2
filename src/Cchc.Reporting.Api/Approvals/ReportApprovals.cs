using System.Globalization;
using System.Text.Json.Nodes;
using Cchc.Contracts;
using Cchc.Contracts.Events.Reporting;
using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using Cchc.Reporting.Api.Reports;
using Cchc.Reporting.Api.Reports.Http;
using Cchc.Security.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cchc.Reporting.Api.Approvals;

/// <summary>
/// Approval of the province's report for a period (docs/adr/0028-report-approval-snapshots.md): approving computes every
/// appendix for the period and stores the snapshot with its hash as a new version, withdrawing marks the version in force
/// withdrawn; both publish an event through the reporting outbox (the domain services' templates lock and unlock the
/// period) in the same transaction. Also what the report shows of a period's approval: who and when, and every cell whose
/// current value differs from the approved one.
/// </summary>
public sealed class ReportApprovals(ReportingDbContext db, AppendixCalculator calculator, ISecurityStore audit, TimeProvider clock, ApprovedCells approvedCells,
    Rebuild.Rebuilds rebuilds)
{
    /// <summary>The operations audited for approvals made over HTTP (gRPC calls are audited by the security interceptor).</summary>
    public const string ApproveOperation = "POST /api/reports/approvals";
    public const string WithdrawOperation = "POST /api/reports/approvals/withdraw";

    /// <summary>The one period of a request, or a Vietnamese message saying what is wrong.</summary>
    public ApprovalPeriod ParsePeriod(string? period)
    {
        if (string.IsNullOrWhiteSpace(period))
        {
            return new ApprovalPeriod(null, ApprovalMessages.PeriodMissing);
        }
        var parsed = PeriodParser.Parse([period], VietnamCalendar.Today(clock));
        if (!parsed.IsValid)
        {
            return new ApprovalPeriod(null, parsed.Error);
        }
        return parsed.Periods.Count != 1 ? new ApprovalPeriod(null, ApprovalMessages.OnePeriod) : new ApprovalPeriod(parsed.Periods[0], null);
    }

    /// <summary>Approves the period (refused with <see cref="Rebuild.RebuildRunningException"/> while the read model is rebuilt): a new version with the snapshot of every cell, the event, and (when asked) its audit entry.</summary>
    public async Task<ReportApproval> ApproveAsync(ReportPeriod period, string clientId, bool auditHere, CancellationToken ct)
    {
        // A snapshot taken while the read model is being rebuilt would approve incomplete figures (docs/adr/0040).
        if (await rebuilds.RunningAsync(ct) is not null)
        {
            throw new Rebuild.RebuildRunningException();
        }
        var reports = new List<AppendixReport>();
        foreach (var appendix in calculator.Appendices)
        {
            reports.Add(await calculator.ComputeAsync(appendix, [period], ct));
        }
        var snapshot = ApprovalSnapshot.Canonicalize(period, reports);
        return await InTransactionAsync(period, async () =>
        {
            var latest = await VersionsOf(period).OrderByDescending(a => a.Version).FirstOrDefaultAsync(ct);
            var approval = new ReportApproval
            {
                Period = period.Key,
                From = period.From,
                To = period.To,
                Version = (latest?.Version ?? 0) + 1,
                ApprovedAt = clock.GetUtcNow(),
                ApprovedBy = clientId,
                Snapshot = snapshot,
                ContentHash = ApprovalSnapshot.Hash(snapshot),
            };
            db.Add(approval);
            db.AddIntegrationEvent(new PeriodApproved
            {
                Period = approval.Period,
                From = approval.From,
                To = approval.To,
                Version = approval.Version,
                ApprovedAt = approval.ApprovedAt,
                ApprovedBy = approval.ApprovedBy,
                ContentHash = approval.ContentHash,
            });
            await db.SaveChangesAsync(ct);
            if (auditHere)
            {
                await audit.AppendAsync(new AuditRecord(clientId, null, ApproveOperation, TargetOf(approval), null, AuditOutcome.Accepted, "OK"), ct);
            }
            return approval;
        }, ct);
    }

    /// <summary>Withdraws the approval in force; null when the period has none.</summary>
    public async Task<ReportApproval?> WithdrawAsync(ReportPeriod period, string clientId, string? reason, bool auditHere, CancellationToken ct) =>
        await InTransactionAsync(period, async () =>
        {
            var current = await CurrentAsync(period, ct);
            if (current is null)
            {
                return null;
            }
            current.WithdrawnAt = clock.GetUtcNow();
            current.WithdrawnBy = clientId;
            current.WithdrawalReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            db.AddIntegrationEvent(new PeriodApprovalWithdrawn
            {
                Period = current.Period,
                From = current.From,
                To = current.To,
                Version = current.Version,
                WithdrawnAt = current.WithdrawnAt.Value,
                WithdrawnBy = clientId,
            });
            await db.SaveChangesAsync(ct);
            if (auditHere)
            {
                await audit.AppendAsync(new AuditRecord(clientId, null, WithdrawOperation, TargetOf(current), null, AuditOutcome.Accepted, "OK"), ct);
            }
            return current;
        }, ct);

    /// <summary>Every version of the period's approval, oldest first.</summary>
    public async Task<IReadOnlyList<ReportApproval>> ListAsync(ReportPeriod period, CancellationToken ct) =>
        await VersionsOf(period).AsNoTracking().OrderBy(a => a.Version).ToListAsync(ct);

    /// <summary>The version in force: the latest, unless it was withdrawn.</summary>
    public async Task<ReportApproval?> CurrentAsync(ReportPeriod period, CancellationToken ct)
    {
        var latest = await VersionsOf(period).OrderByDescending(a => a.Version).FirstOrDefaultAsync(ct);
        return latest is { WithdrawnAt: null } ? latest : null;
    }

    /// <summary>
    /// What the report shows of its periods' approvals: for each period approved (same days) the version in force, who and
    /// when, every cell of <paramref name="report"/> whose current value differs from the approved one, and the corrections
    /// the domain services accepted since for facts dated in the period.
    /// </summary>
    public async Task<IReadOnlyList<ApprovalStatusDto>?> StatusAsync(AppendixReport report, CancellationToken ct)
    {
        var froms = report.Periods.Select(p => p.From).Distinct().ToList();
        // The versions without their snapshots: each version's approved cells are parsed once per process (ApprovedCells).
        var approvals = await db.Set<ReportApproval>().AsNoTracking().Where(a => froms.Contains(a.From))
            .Select(a => new { a.Id, a.From, a.To, a.Version, a.ApprovedAt, a.ApprovedBy, a.ContentHash, a.WithdrawnAt })
            .ToListAsync(ct);
        var approvedPeriods = report.Periods
            .Select(p => (Period: p, Latest: approvals.Where(a => a.From == p.From && a.To == p.To).MaxBy(a => a.Version)))
            .Where(p => p.Latest is { WithdrawnAt: null })
            .ToList();
        if (approvedPeriods.Count == 0)
        {
            return null;
        }
        // The corrections of every approved period in one query (one per period before), split below.
        var (firstDay, lastDay) = (approvedPeriods.Min(p => p.Period.From), approvedPeriods.Max(p => p.Period.To));
        var since = approvedPeriods.Min(p => p.Latest!.ApprovedAt);
        var allCorrections = await db.Set<CorrectionFact>().AsNoTracking()
            .Where(c => c.FactDay >= firstDay && c.FactDay <= lastDay && c.CorrectedAt >= since)
            .OrderBy(c => c.CorrectedAt)
            .Select(c => new CorrectionDto(c.Service, c.Operation, c.FactDay, c.Reason, c.CorrectedBy, c.CorrectedAt))
            .ToListAsync(ct);
        var result = new List<ApprovalStatusDto>();
        foreach (var (period, approval) in approvedPeriods)
        {
            var latest = approval!;
            var approved = await approvedCells.GetAsync(latest.Id, latest.ContentHash, () =>
                db.Set<ReportApproval>().AsNoTracking().Where(a => a.Id == latest.Id).Select(a => a.Snapshot).SingleAsync(ct));
            var changes = new List<CellChangeDto>();
            foreach (var row in report.Rows.Where(r => !r.Definition.Heading))
            {
                if (!approved.TryGetValue((report.Number, row.Definition.Indicator), out var thenJson))
                {
                    continue; // a row added after the approval: nothing was approved for it
                }
                var then = ApprovedCells.Node(thenJson);
                var now = RowDto.ToJson(row.Values?.GetValueOrDefault(period.Key));
                if (!JsonNode.DeepEquals(then, now))
                {
                    changes.Add(new CellChangeDto(row.Definition.Indicator, row.Definition.Stt, row.Definition.Label, then, now));
                }
            }
            var corrections = allCorrections
                .Where(c => c.FactDay >= period.From && c.FactDay <= period.To && c.CorrectedAt >= latest.ApprovedAt)
                .ToList();
            result.Add(new ApprovalStatusDto(period.Key, latest.Version, latest.ApprovedAt, latest.ApprovedBy, latest.ContentHash,
                ApprovalMessages.ApprovedOn(latest.ApprovedAt, latest.ApprovedBy, latest.Version), changes, corrections));
        }
        return result.Count == 0 ? null : result;
    }

    private IQueryable<ReportApproval> VersionsOf(ReportPeriod period) =>
        db.Set<ReportApproval>().Where(a => a.From == period.From && a.To == period.To);

    private static string TargetOf(ReportApproval approval) =>
        string.Create(CultureInfo.InvariantCulture, $"{approval.From:yyyy-MM-dd}..{approval.To:yyyy-MM-dd} v{approval.Version}");

    /// <summary>
    /// Runs <paramref name="work"/> in the current transaction (a gRPC write's, which the security interceptor commits) or a
    /// new one, holding a lock on the period so two approvals of it get different versions one after the other.
    /// </summary>
    private async Task<T> InTransactionAsync<T>(ReportPeriod period, Func<Task<T>> work, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 28))",
                (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction()))
            {
                command.Parameters.AddWithValue("key", string.Create(CultureInfo.InvariantCulture, $"approval {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}"));
                await command.ExecuteNonQueryAsync(ct);
            }
            var result = await work();
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            return result;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}

/// <summary>A parsed period, or the error.</summary>
public sealed record ApprovalPeriod(ReportPeriod? Period, string? Error);

/// <summary>A period's approval as the report shows it: <see cref="Note"/> ("Đã phê duyệt ngày … bởi …") and the changed cells.</summary>
public sealed record ApprovalStatusDto(string Period, int Version, DateTimeOffset ApprovedAt, string ApprovedBy, string ContentHash, string Note,
    IReadOnlyList<CellChangeDto> Changes, IReadOnlyList<CorrectionDto> Corrections);

/// <summary>A correction a domain service accepted for a fact dated in the period since its approval (flagged, with its reason).</summary>
public sealed record CorrectionDto(string Service, string Operation, DateOnly FactDay, string Reason, string CorrectedBy, DateTimeOffset CorrectedAt);

/// <summary>A cell whose current computed value differs from the approved one (values as the report's JSON shows them).</summary>
public sealed record CellChangeDto(string Indicator, string Stt, string Label, JsonNode? Approved, JsonNode? Current);

/// <summary>The people-facing texts of approvals.</summary>
public static class ApprovalMessages
{
    public const string PeriodMissing = "Cần một kỳ báo cáo, ví dụ period=2019.";
    public const string OnePeriod = "Chỉ một kỳ báo cáo, ví dụ period=2019.";
    public const string NotApproved = "Kỳ báo cáo này chưa được phê duyệt hoặc phê duyệt đã được rút lại.";
    public const string VersionNotFound = "Không có phiên bản phê duyệt này của kỳ báo cáo.";

    public static string ApprovedOn(DateTimeOffset at, string by, int version) => string.Create(CultureInfo.InvariantCulture,
        $"Đã phê duyệt ngày {VietnamCalendar.LocalDate(at):dd/MM/yyyy} bởi {by} (phiên bản {version})");
}
