using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Data.Configurations;

internal sealed class DossierDailyCountConfiguration : IEntityTypeConfiguration<DossierDailyCount>
{
    public void Configure(EntityTypeBuilder<DossierDailyCount> builder)
    {
        builder.ToTable("dossier_daily_counts");
        // Range scans by day: closed_on leads the key.
        builder.HasKey(x => new { x.ClosedOn, x.UnitLevel, x.Status }).HasName("pk_dossier_daily_counts");
        builder.Property(x => x.ClosedOn).HasColumnName("closed_on");
        builder.Property(x => x.UnitLevel).HasColumnName("unit_level").HasConversion<short>();
        builder.Property(x => x.Status).HasColumnName("status").HasConversion<short>();
        builder.Property(x => x.Dossiers).HasColumnName("dossiers");
        builder.Property(x => x.OnTime).HasColumnName("on_time");
        builder.Property(x => x.Electronic).HasColumnName("electronic").HasDefaultValue(0L);
    }
}
