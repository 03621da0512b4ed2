using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Approvals;

/// <summary>
/// Table report_approvals: one version of the Department's approval of the province's report for a period — the snapshot
/// of every cell of every appendix (canonical JSON, kept as text so its SHA-256 <see cref="ContentHash"/> can be recomputed
/// from the stored bytes), who approved and when; a withdrawal sets <see cref="WithdrawnAt"/>/<see cref="WithdrawnBy"/> and
/// nothing else. The snapshot never changes (a trigger refuses it). Not a fact table: a rebuild of the read model from the
/// domain services never truncates it (docs/adr/0028-report-approval-snapshots.md).
/// </summary>
public sealed class ReportApproval
{
    public long Id { get; set; }

    /// <summary>The period as asked when approving ("2017").</summary>
    public required string Period { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>1, 2, … per (From, To): a re-approval is a new version, older versions stay readable.</summary>
    public int Version { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }

    public required string ApprovedBy { get; set; }

    /// <summary>Lowercase hex SHA-256 of <see cref="Snapshot"/>'s UTF-8 bytes.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The canonical JSON of every cell (<see cref="ApprovalSnapshot"/>).</summary>
    public required string Snapshot { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public string? WithdrawalReason { get; set; }
}

internal sealed class ReportApprovalConfiguration : IEntityTypeConfiguration<ReportApproval>
{
    public void Configure(EntityTypeBuilder<ReportApproval> b)
    {
        b.ToTable("report_approvals");
        b.HasKey(a => a.Id).HasName("pk_report_approvals");
        b.Property(a => a.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        b.Property(a => a.Period).HasColumnName("period").HasColumnType("text");
        b.Property(a => a.From).HasColumnName("from_day");
        b.Property(a => a.To).HasColumnName("to_day");
        b.Property(a => a.Version).HasColumnName("version");
        b.Property(a => a.ApprovedAt).HasColumnName("approved_at").HasColumnType("timestamptz");
        b.Property(a => a.ApprovedBy).HasColumnName("approved_by").HasColumnType("text");
        b.Property(a => a.ContentHash).HasColumnName("content_hash").HasColumnType("text");
        b.Property(a => a.Snapshot).HasColumnName("snapshot").HasColumnType("text");
        b.Property(a => a.WithdrawnAt).HasColumnName("withdrawn_at").HasColumnType("timestamptz");
        b.Property(a => a.WithdrawnBy).HasColumnName("withdrawn_by").HasColumnType("text");
        b.Property(a => a.WithdrawalReason).HasColumnName("withdrawal_reason").HasColumnType("text");
        b.HasIndex(a => new { a.From, a.To, a.Version }).IsUnique().HasDatabaseName("ux_report_approvals_period_version");
    }
}
