using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Organisation;

internal sealed class UnitRevisionFactConfiguration : IEntityTypeConfiguration<UnitRevisionFact>
{
    public void Configure(EntityTypeBuilder<UnitRevisionFact> builder)
    {
        builder.ToTable("unit_revisions");
        builder.HasKey(x => x.UnitCode).HasName("pk_unit_revisions");
        builder.Property(x => x.UnitCode).HasColumnName("unit_code");
        builder.Property(x => x.Revision).HasColumnName("revision");
    }
}

internal sealed class UnitPeriodFactConfiguration : IEntityTypeConfiguration<UnitPeriodFact>
{
    public void Configure(EntityTypeBuilder<UnitPeriodFact> builder)
    {
        builder.ToTable("unit_period_facts");
        builder.HasKey(x => new { x.UnitCode, x.Sequence }).HasName("pk_unit_period_facts");
        builder.Property(x => x.UnitCode).HasColumnName("unit_code");
        builder.Property(x => x.Sequence).HasColumnName("sequence");
        builder.Property(x => x.FromDay).HasColumnName("from_day");
        builder.Property(x => x.ToDay).HasColumnName("to_day");
        builder.Property(x => x.Name).HasColumnName("name");
        builder.Property(x => x.Kind).HasColumnName("kind");
        builder.Property(x => x.ParentCode).HasColumnName("parent_code");
        builder.Property(x => x.Sector).HasColumnName("sector");
        builder.Property(x => x.SuccessorCodes).HasColumnName("successor_codes");
        builder.HasIndex(x => new { x.Kind, x.FromDay }).HasDatabaseName("ix_unit_period_facts_kind_from_day");
    }
}

