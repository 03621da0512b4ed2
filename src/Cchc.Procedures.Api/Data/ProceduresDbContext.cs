using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Procedures.Api.Data;

/// <summary>The procedures service's database: catalogue (current + history), dossiers, feedback, the outbox, the audit log and idempotency records.</summary>
public sealed class ProceduresDbContext(DbContextOptions<ProceduresDbContext> options) : DbContext(options)
{
    public DbSet<ProcedureEntity> Procedures => Set<ProcedureEntity>();

    public DbSet<ProcedureVersionEntity> ProcedureVersions => Set<ProcedureVersionEntity>();

    public DbSet<DossierEntity> Dossiers => Set<DossierEntity>();

    public DbSet<FeedbackEntity> Feedback => Set<FeedbackEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProceduresDbContext).Assembly);
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddUnitReference();
        modelBuilder.AddAuditLog();
        modelBuilder.AddIdempotency();
        modelBuilder.AddPeriodLocks();
        modelBuilder.UseSnakeCaseNames(typeof(ProceduresDbContext).Namespace!);
    }
}
