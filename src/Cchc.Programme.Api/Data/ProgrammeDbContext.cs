using Cchc.Messaging;
using Cchc.Security;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Programme.Api.Data;

/// <summary>The programme service's database: records, submitted values (with their histories), obligations, the outbox, audit and idempotency.</summary>
public sealed class ProgrammeDbContext(DbContextOptions<ProgrammeDbContext> options) : DbContext(options)
{
    public DbSet<ProgrammeRecordEntity> Records => Set<ProgrammeRecordEntity>();
    public DbSet<ProgrammeRecordRevisionEntity> RecordRevisions => Set<ProgrammeRecordRevisionEntity>();
    public DbSet<SubmittedValueEntity> Values => Set<SubmittedValueEntity>();
    public DbSet<SubmittedValueRevisionEntity> ValueRevisions => Set<SubmittedValueRevisionEntity>();
    public DbSet<ObligationEntity> Obligations => Set<ObligationEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAuditLog();
        modelBuilder.AddIdempotency();
        modelBuilder.Entity<ProgrammeRecordEntity>(b =>
        {
            b.ToTable("programme_records");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).UseIdentityAlwaysColumn();
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.Property(x => x.Content).HasColumnType("jsonb");
            b.HasIndex(x => new { x.ReportingUnit, x.Key }).IsUnique();
            b.HasIndex(x => new { x.Kind, x.DayFrom });
            b.HasMany(x => x.History).WithOne().HasForeignKey(r => r.RecordId);
        });
        modelBuilder.Entity<ProgrammeRecordRevisionEntity>(b =>
        {
            b.ToTable("programme_record_revisions");
            b.HasKey(x => new { x.RecordId, x.Revision });
            b.Property(x => x.Content).HasColumnType("jsonb");
        });
        modelBuilder.Entity<SubmittedValueEntity>(b =>
        {
            b.ToTable("submitted_values");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).UseIdentityAlwaysColumn();
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => new { x.Indicator, x.Unit, x.PeriodFrom, x.PeriodTo }).IsUnique();
            b.HasMany(x => x.History).WithOne().HasForeignKey(r => r.ValueId);
        });
        modelBuilder.Entity<SubmittedValueRevisionEntity>(b =>
        {
            b.ToTable("submitted_value_revisions");
            b.HasKey(x => new { x.ValueId, x.Revision });
        });
        modelBuilder.Entity<ObligationEntity>(b =>
        {
            b.ToTable("obligations");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).UseIdentityAlwaysColumn();
            b.Property(x => x.Revision).IsConcurrencyToken();
            b.HasIndex(x => new { x.Unit, x.Subject, x.PeriodFrom, x.PeriodTo }).IsUnique();
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddPeriodLocks();
        modelBuilder.UseSnakeCaseNames(typeof(ProgrammeDbContext).Namespace!);
    }
}
