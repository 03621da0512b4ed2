using Microsoft.EntityFrameworkCore;

namespace Cchc.ServiceKit.Hosting.PeriodLocks;

/// <summary>
/// Table period_locks: the reporting service's approvals as this service knows them (one row per period, the highest
/// version received). Written only by <see cref="PeriodApprovalConsumer{TDbContext}"/>.
/// </summary>
public sealed class PeriodLockRow
{
    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public required string Period { get; set; }

    public int Version { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }

    public required string ApprovedBy { get; set; }

    /// <summary>Set when the version in force was withdrawn: the period is open again.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>Table fact_corrections: every correction this service accepted inside an approved period, with its reason.</summary>
public sealed class FactCorrectionRow
{
    public Guid Id { get; set; }

    public DateTimeOffset CorrectedAt { get; set; }

    public required string ClientId { get; set; }

    public required string Operation { get; set; }

    public DateOnly FactDay { get; set; }

    public required string Period { get; set; }

    public int ApprovalVersion { get; set; }

    public required string Reason { get; set; }
}

public static class PeriodLockModelBuilderExtensions
{
    /// <summary>
    /// Maps the template's period_locks and fact_corrections tables. Call from OnModelCreating of a service whose definition
    /// says <c>LocksApprovedPeriods = true</c> (it also needs <c>AddInbox()</c>).
    /// </summary>
    public static ModelBuilder AddPeriodLocks(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<PeriodLockRow>(b =>
        {
            b.ToTable("period_locks");
            b.HasKey(l => new { l.From, l.To }).HasName("pk_period_locks");
            b.Property(l => l.From).HasColumnName("from_day");
            b.Property(l => l.To).HasColumnName("to_day");
            b.Property(l => l.Period).HasColumnName("period").HasColumnType("text");
            b.Property(l => l.Version).HasColumnName("version");
            b.Property(l => l.ApprovedAt).HasColumnName("approved_at").HasColumnType("timestamptz");
            b.Property(l => l.ApprovedBy).HasColumnName("approved_by").HasColumnType("text");
            b.Property(l => l.WithdrawnAt).HasColumnName("withdrawn_at").HasColumnType("timestamptz");
        });
        modelBuilder.Entity<FactCorrectionRow>(b =>
        {
            b.ToTable("fact_corrections");
            b.HasKey(c => c.Id).HasName("pk_fact_corrections");
            b.Property(c => c.Id).HasColumnName("id");
            b.Property(c => c.CorrectedAt).HasColumnName("corrected_at").HasColumnType("timestamptz");
            b.Property(c => c.ClientId).HasColumnName("client_id").HasColumnType("text");
            b.Property(c => c.Operation).HasColumnName("operation").HasColumnType("text");
            b.Property(c => c.FactDay).HasColumnName("fact_day");
            b.Property(c => c.Period).HasColumnName("period").HasColumnType("text");
            b.Property(c => c.ApprovalVersion).HasColumnName("approval_version");
            b.Property(c => c.Reason).HasColumnName("reason").HasColumnType("text");
        });
        return modelBuilder;
    }
}
