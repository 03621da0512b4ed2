using Cchc.Messaging;
using Cchc.ReferenceData;
using Cchc.Security;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Finance.Api.Data;

/// <summary>The public finance service's database: units' autonomy statuses, unreported breakdown cells, budget figures and the outbox.</summary>
public sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options) : DbContext(options)
{
    public DbSet<AutonomyUnitEntity> Units => Set<AutonomyUnitEntity>();
    public DbSet<AutonomyStatusEntity> Statuses => Set<AutonomyStatusEntity>();
    public DbSet<UnreportedBreakdownEntity> UnreportedBreakdowns => Set<UnreportedBreakdownEntity>();
    public DbSet<BudgetFigureEntity> BudgetFigures => Set<BudgetFigureEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAuditLog();
        modelBuilder.AddIdempotency();
        modelBuilder.Entity<AutonomyUnitEntity>(b =>
        {
            b.ToTable("autonomy_units");
            b.HasKey(x => x.Unit);
            b.Property(x => x.Unit).UseCollation("C");
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasMany(x => x.Statuses).WithOne().HasForeignKey(s => s.Unit);
        });
        modelBuilder.Entity<AutonomyStatusEntity>(b =>
        {
            b.ToTable("autonomy_statuses");
            b.HasKey(x => new { x.Unit, x.Sequence });
            b.Property(x => x.Unit).UseCollation("C");
            b.HasIndex(x => new { x.EffectiveFrom, x.EffectiveTo });
        });
        modelBuilder.Entity<UnreportedBreakdownEntity>(b =>
        {
            b.ToTable("unreported_breakdowns");
            b.HasKey(x => new { x.Year, x.ParentKind, x.Level });
        });
        modelBuilder.Entity<BudgetFigureEntity>(b =>
        {
            b.ToTable("budget_figures");
            b.HasKey(x => x.FigureId);
            b.Property(x => x.FigureId).UseCollation("C");
            b.Property(x => x.Amount).HasPrecision(18, 3);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.Kind, x.YearFrom });
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddUnitReference();
        modelBuilder.AddPeriodLocks();
        modelBuilder.UseSnakeCaseNames(typeof(FinanceDbContext).Namespace!);
    }
}
