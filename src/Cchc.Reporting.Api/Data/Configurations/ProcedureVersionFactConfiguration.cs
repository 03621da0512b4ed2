using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Data.Configurations;

internal sealed class ProcedureVersionFactConfiguration : IEntityTypeConfiguration<ProcedureVersionFact>
{
    public void Configure(EntityTypeBuilder<ProcedureVersionFact> builder)
    {
        builder.ToTable("procedure_versions");
        builder.HasKey(x => new { x.Code, x.Version }).HasName("pk_procedure_versions");
        builder.Property(x => x.Code).HasColumnName("code");
        builder.Property(x => x.Version).HasColumnName("version");
        builder.Property(x => x.EffectiveFrom).HasColumnName("effective_from");
        builder.Property(x => x.Level).HasColumnName("level").HasConversion<short>();
        builder.Property(x => x.ReceivingPlace).HasColumnName("receiving_place").HasConversion<short>();
        builder.Property(x => x.InterAgencySameLevel).HasColumnName("inter_agency_same_level");
        builder.Property(x => x.InterAgencyBetweenLevels).HasColumnName("inter_agency_between_levels");
        builder.Property(x => x.FourOnTheSpot).HasColumnName("four_on_the_spot");
        builder.Property(x => x.OnlineLevel).HasColumnName("online_level").HasConversion<short>();
        builder.Property(x => x.InForceFrom).HasColumnName("in_force_from");
        builder.Property(x => x.AbolishedOn).HasColumnName("abolished_on");
        // The catalogue on a day: the latest version per code with effective_from <= day.
        builder.HasIndex(x => new { x.EffectiveFrom, x.Code, x.Version }).HasDatabaseName("ix_procedure_versions_effective_from");
    }
}
