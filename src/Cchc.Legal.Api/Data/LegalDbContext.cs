using Cchc.Security;
using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Legal.Api.Data;

/// <summary>The legal documents service's database: documents and their events, reviews, systematisation periods, checks and the outbox.</summary>
public sealed class LegalDbContext(DbContextOptions<LegalDbContext> options) : DbContext(options)
{
    public DbSet<DocumentEntity> Documents => Set<DocumentEntity>();
    public DbSet<DocumentEventEntity> DocumentEvents => Set<DocumentEventEntity>();
    public DbSet<ReviewRoundEntity> ReviewRounds => Set<ReviewRoundEntity>();
    public DbSet<ReviewFindingEntity> ReviewFindings => Set<ReviewFindingEntity>();
    public DbSet<DocumentCheckEntity> Checks => Set<DocumentCheckEntity>();
    public DbSet<SystematisationPeriodEntity> SystematisationPeriods => Set<SystematisationPeriodEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAuditLog();
        modelBuilder.AddIdempotency();
        modelBuilder.Entity<DocumentEntity>(b =>
        {
            b.ToTable("documents");
            b.HasKey(x => x.DocumentId);
            b.Property(x => x.DocumentId).UseCollation("C");
            b.Property(x => x.Version).IsConcurrencyToken();
            b.Ignore(x => x.Definition);
            b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.DocumentId);
            b.HasIndex(x => x.SignedOn);
            b.HasIndex(x => new { x.IssuerUnit, x.SignedOn });
        });
        modelBuilder.Entity<DocumentEventEntity>(b =>
        {
            b.ToTable("document_events");
            b.HasKey(x => new { x.DocumentId, x.Sequence });
            b.Property(x => x.DocumentId).UseCollation("C");
            b.HasIndex(x => x.CausedBy);
        });
        modelBuilder.Entity<ReviewRoundEntity>(b =>
        {
            b.ToTable("review_rounds");
            b.HasKey(x => x.RoundId);
        });
        modelBuilder.Entity<ReviewFindingEntity>(b =>
        {
            b.ToTable("review_findings");
            b.HasKey(x => new { x.RoundId, x.DocumentId });
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => x.DocumentId);
        });
        modelBuilder.Entity<DocumentCheckEntity>(b =>
        {
            b.ToTable("document_checks");
            b.HasKey(x => x.CheckId);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => x.DocumentId);
        });
        modelBuilder.Entity<SystematisationPeriodEntity>(b =>
        {
            b.ToTable("systematisation_periods");
            b.HasKey(x => x.PeriodId);
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddUnitReference();
        modelBuilder.AddPeriodLocks();
        modelBuilder.UseSnakeCaseNames(typeof(LegalDbContext).Namespace!);
    }
}
