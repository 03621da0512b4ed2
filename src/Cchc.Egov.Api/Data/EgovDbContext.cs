using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Egov.Api.Data;

/// <summary>The e-government metrics service's database: submissions with their history, capability states, the outbox, audit and idempotency.</summary>
public sealed class EgovDbContext(DbContextOptions<EgovDbContext> options) : DbContext(options)
{
    public DbSet<MetricSubmissionEntity> Submissions => Set<MetricSubmissionEntity>();
    public DbSet<MetricRevisionEntity> Revisions => Set<MetricRevisionEntity>();
    public DbSet<CapabilityStateEntity> CapabilityStates => Set<CapabilityStateEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAuditLog();
        modelBuilder.AddIdempotency();
        modelBuilder.Entity<MetricSubmissionEntity>(b =>
        {
            b.ToTable("metric_submissions");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).UseIdentityAlwaysColumn();
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => new { x.SourceSystem, x.Unit, x.Metric, x.PeriodFrom, x.PeriodTo }).IsUnique();
            b.HasIndex(x => new { x.Unit, x.Metric });
            b.HasMany(x => x.History).WithOne().HasForeignKey(r => r.SubmissionId);
        });
        modelBuilder.Entity<MetricRevisionEntity>(b =>
        {
            b.ToTable("metric_revisions");
            b.HasKey(x => new { x.SubmissionId, x.Revision });
        });
        modelBuilder.Entity<CapabilityStateEntity>(b =>
        {
            b.ToTable("capability_states");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).UseIdentityAlwaysColumn();
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => new { x.Unit, x.Capability, x.EffectiveFrom }).IsUnique();
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddUnitReference();
        modelBuilder.AddPeriodLocks();
        modelBuilder.UseSnakeCaseNames(typeof(EgovDbContext).Namespace!);
    }
}
