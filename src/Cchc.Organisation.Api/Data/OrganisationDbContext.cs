using Cchc.Messaging;
using Cchc.Security;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Organisation.Api.Data;

/// <summary>The organisation service's database: the unit registry with its change log, staffing facts and the outbox.</summary>
public sealed class OrganisationDbContext(DbContextOptions<OrganisationDbContext> options) : DbContext(options)
{
    public DbSet<RegistryEntity> Registry => Set<RegistryEntity>();
    public DbSet<UnitEntity> Units => Set<UnitEntity>();
    public DbSet<UnitPeriodEntity> UnitPeriods => Set<UnitPeriodEntity>();
    public DbSet<UnitChangeEntity> UnitChanges => Set<UnitChangeEntity>();
    public DbSet<StaffingFigureEntity> StaffingFigures => Set<StaffingFigureEntity>();
    public DbSet<StaffRecordEntity> StaffRecords => Set<StaffRecordEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddAuditLog();
        modelBuilder.AddIdempotency();
        modelBuilder.Entity<RegistryEntity>(b =>
        {
            b.ToTable("registry");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasData(new RegistryEntity { Id = 1, Revision = 0 });
        });
        modelBuilder.Entity<UnitEntity>(b =>
        {
            b.ToTable("units");
            b.HasKey(x => x.UnitCode);
            b.Property(x => x.UnitCode).UseCollation("C");
            b.HasMany(x => x.Periods).WithOne().HasForeignKey(p => p.UnitCode).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => x.OfficialCode);
        });
        modelBuilder.Entity<UnitPeriodEntity>(b =>
        {
            b.ToTable("unit_periods");
            b.HasKey(x => new { x.UnitCode, x.Sequence });
            b.Property(x => x.UnitCode).UseCollation("C");
            b.Property(x => x.ParentCode).UseCollation("C");
            b.HasIndex(x => new { x.Kind, x.FromDay });
            b.HasIndex(x => x.ParentCode);
            b.HasIndex(x => x.Name);
        });
        modelBuilder.Entity<UnitChangeEntity>(b =>
        {
            b.ToTable("unit_changes");
            b.HasKey(x => x.ChangeId);
            b.Property(x => x.Content).HasColumnType("jsonb");
            b.HasIndex(x => x.Revision);
        });
        modelBuilder.Entity<StaffingFigureEntity>(b =>
        {
            b.ToTable("staffing_figures");
            b.HasKey(x => new { x.UnitCode, x.Metric, x.FromDay, x.ToDay });
            b.Property(x => x.UnitCode).UseCollation("C");
            b.HasIndex(x => new { x.Metric, x.ToDay });
        });
        modelBuilder.Entity<StaffRecordEntity>(b =>
        {
            b.ToTable("staff_records");
            b.HasKey(x => x.RecordId);
            b.HasIndex(x => new { x.UnitCode, x.Kind, x.On });
        });
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
        modelBuilder.AddPeriodLocks();
        modelBuilder.UseSnakeCaseNames(typeof(OrganisationDbContext).Namespace!);
    }
}
