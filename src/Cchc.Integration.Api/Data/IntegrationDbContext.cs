using Cchc.Messaging;
using Cchc.Security;
using Cchc.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Integration.Api.Data;

/// <summary>The integration adapter's database: the dossiers it has synchronised, the message log, the dead letters and the outbox.</summary>
public sealed class IntegrationDbContext(DbContextOptions<IntegrationDbContext> options) : DbContext(options)
{
    public DbSet<SyncedDossierEntity> SyncedDossiers => Set<SyncedDossierEntity>();
    public DbSet<MessageLogEntryEntity> MessageLog => Set<MessageLogEntryEntity>();
    public DbSet<DeadLetterEntity> DeadLetters => Set<DeadLetterEntity>();
    public DbSet<ReportSubmissionEntity> ReportSubmissions => Set<ReportSubmissionEntity>();
    public DbSet<CatalogueSyncEntity> CatalogueSyncs => Set<CatalogueSyncEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAuditLog();
        modelBuilder.AddIdempotency();
        modelBuilder.Entity<SyncedDossierEntity>(b =>
        {
            b.ToTable("synced_dossiers");
            b.HasKey(x => x.DossierCode);
            b.Property(x => x.DossierCode).UseCollation("C");
        });
        modelBuilder.Entity<MessageLogEntryEntity>(b =>
        {
            b.ToTable("message_log");
            b.HasKey(x => x.Sequence);
            b.Property(x => x.Sequence).ValueGeneratedNever();
        });
        modelBuilder.Entity<DeadLetterEntity>(b =>
        {
            b.ToTable("dead_letters");
            b.HasKey(x => x.Id);
            b.HasIndex(x => x.DeliveredAt);
        });
        modelBuilder.Entity<ReportSubmissionEntity>(b =>
        {
            b.ToTable("report_submissions");
            b.HasKey(x => x.Period);
            b.Property(x => x.Period).UseCollation("C");
            b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
        modelBuilder.Entity<CatalogueSyncEntity>(b =>
        {
            b.ToTable("catalogue_syncs");
            b.HasKey(x => x.Id);
            b.Property(x => x.Report).HasColumnType("jsonb");
        });
        modelBuilder.AddOutbox();
        modelBuilder.UseSnakeCaseNames(typeof(IntegrationDbContext).Namespace!);
    }
}
