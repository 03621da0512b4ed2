using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.PublicFinance;

internal sealed class AutonomyUnitFactConfiguration : IEntityTypeConfiguration<AutonomyUnitFact>
{
    public void Configure(EntityTypeBuilder<AutonomyUnitFact> builder)
    {
        builder.ToTable("autonomy_unit_facts");
        builder.HasKey(x => x.Unit).HasName("pk_autonomy_unit_facts");
        builder.Property(x => x.Unit).HasColumnName("unit");
        builder.Property(x => x.Version).HasColumnName("version");
    }
}

internal sealed class AutonomyStatusFactConfiguration : IEntityTypeConfiguration<AutonomyStatusFact>
{
    public void Configure(EntityTypeBuilder<AutonomyStatusFact> builder)
    {
        builder.ToTable("autonomy_status_facts");
        builder.HasKey(x => new { x.Unit, x.Sequence }).HasName("pk_autonomy_status_facts");
        builder.Property(x => x.Unit).HasColumnName("unit");
        builder.Property(x => x.Sequence).HasColumnName("sequence");
        builder.Property(x => x.Regime).HasColumnName("regime");
        builder.Property(x => x.Level).HasColumnName("level");
        builder.Property(x => x.ParentKind).HasColumnName("parent_kind");
        builder.Property(x => x.EffectiveFrom).HasColumnName("effective_from");
        builder.Property(x => x.EffectiveTo).HasColumnName("effective_to");
        builder.HasIndex(x => new { x.EffectiveFrom, x.EffectiveTo }).HasDatabaseName("ix_autonomy_status_facts_effective");
    }
}

internal sealed class UnreportedBreakdownFactConfiguration : IEntityTypeConfiguration<UnreportedBreakdownFact>
{
    public void Configure(EntityTypeBuilder<UnreportedBreakdownFact> builder)
    {
        builder.ToTable("unreported_breakdown_facts");
        builder.HasKey(x => new { x.Year, x.ParentKind, x.Level }).HasName("pk_unreported_breakdown_facts");
        builder.Property(x => x.Year).HasColumnName("year");
        builder.Property(x => x.ParentKind).HasColumnName("parent_kind");
        builder.Property(x => x.Level).HasColumnName("level");
    }
}

internal sealed class BudgetFigureFactConfiguration : IEntityTypeConfiguration<BudgetFigureFact>
{
    public void Configure(EntityTypeBuilder<BudgetFigureFact> builder)
    {
        builder.ToTable("budget_figure_facts");
        builder.HasKey(x => x.FigureId).HasName("pk_budget_figure_facts");
        builder.Property(x => x.FigureId).HasColumnName("figure_id");
        builder.Property(x => x.Version).HasColumnName("version");
        builder.Property(x => x.Kind).HasColumnName("kind");
        builder.Property(x => x.YearFrom).HasColumnName("year_from");
        builder.Property(x => x.YearTo).HasColumnName("year_to");
        builder.Property(x => x.FundingSource).HasColumnName("funding_source");
        builder.Property(x => x.Amount).HasColumnName("amount").HasPrecision(18, 3);
    }
}
