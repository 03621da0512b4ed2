using Cchc.Messaging;
using Cchc.Reporting.Api.CivilService;
using Cchc.Reporting.Api.Institutions;
using Cchc.Reporting.Api.Modernisation;
using Cchc.Reporting.Api.Organisation;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.PublicFinance;
using Cchc.Security;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Data;

/// <summary>The reporting read model: fact tables built from integration events, plus the consumer inbox.</summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<ProcedureVersionFact> ProcedureVersions => Set<ProcedureVersionFact>();
    public DbSet<DossierFact> Dossiers => Set<DossierFact>();
    public DbSet<FeedbackFact> Feedback => Set<FeedbackFact>();
    public DbSet<DossierDailyCount> DossierDailyCounts => Set<DossierDailyCount>();
    public DbSet<LegalDocumentFact> LegalDocuments => Set<LegalDocumentFact>();
    public DbSet<ReviewFindingFact> ReviewFindings => Set<ReviewFindingFact>();
    public DbSet<DocumentCheckFact> DocumentChecks => Set<DocumentCheckFact>();
    public DbSet<AutonomyUnitFact> AutonomyUnits => Set<AutonomyUnitFact>();
    public DbSet<AutonomyStatusFact> AutonomyStatuses => Set<AutonomyStatusFact>();
    public DbSet<UnreportedBreakdownFact> UnreportedBreakdowns => Set<UnreportedBreakdownFact>();
    public DbSet<BudgetFigureFact> BudgetFigures => Set<BudgetFigureFact>();
    public DbSet<UnitRevisionFact> UnitRevisions => Set<UnitRevisionFact>();
    public DbSet<UnitPeriodFact> UnitPeriods => Set<UnitPeriodFact>();
    public DbSet<StaffingFactRow> StaffingFacts => Set<StaffingFactRow>();
    public DbSet<EgovMetricFact> EgovMetrics => Set<EgovMetricFact>();
    public DbSet<EgovCapabilityFact> EgovCapabilities => Set<EgovCapabilityFact>();
    public DbSet<Approvals.ReportApproval> Approvals => Set<Approvals.ReportApproval>();
    public DbSet<Approvals.CorrectionFact> Corrections => Set<Approvals.CorrectionFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
        modelBuilder.AddInbox();
        modelBuilder.AddOutbox(); // approvals' events (Approvals/ReportApprovals.cs)
        modelBuilder.AddAuditLog();
    }
}
