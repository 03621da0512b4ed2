using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Modernisation;

internal sealed class EgovMetricFactConfiguration : IEntityTypeConfiguration<EgovMetricFact>
{
    public void Configure(EntityTypeBuilder<EgovMetricFact> builder)
    {
        builder.ToTable("egov_metric_facts");
        builder.HasKey(x => new { x.SourceSystem, x.Unit, x.Metric, x.PeriodFrom, x.PeriodTo }).HasName("pk_egov_metric_facts");
        builder.Property(x => x.SourceSystem).HasColumnName("source_system");
        builder.Property(x => x.Unit).HasColumnName("unit");
        builder.Property(x => x.Metric).HasColumnName("metric");
        builder.Property(x => x.PeriodFrom).HasColumnName("period_from");
        builder.Property(x => x.PeriodTo).HasColumnName("period_to");
        builder.Property(x => x.UnitLevel).HasColumnName("unit_level");
        builder.Property(x => x.Value).HasColumnName("value");
        builder.Property(x => x.Revision).HasColumnName("revision");
        builder.HasIndex(x => new { x.Metric, x.PeriodTo }).HasDatabaseName("ix_egov_metric_facts_metric_period_to");
    }
}

internal sealed class EgovCapabilityFactConfiguration : IEntityTypeConfiguration<EgovCapabilityFact>
{
    public void Configure(EntityTypeBuilder<EgovCapabilityFact> builder)
    {
        builder.ToTable("egov_capability_facts");
        builder.HasKey(x => new { x.Unit, x.Capability, x.EffectiveFrom }).HasName("pk_egov_capability_facts");
        builder.Property(x => x.Unit).HasColumnName("unit");
        builder.Property(x => x.Capability).HasColumnName("capability");
        builder.Property(x => x.EffectiveFrom).HasColumnName("effective_from");
        builder.Property(x => x.UnitLevel).HasColumnName("unit_level");
        builder.Property(x => x.InUse).HasColumnName("in_use");
        builder.Property(x => x.IsoVersion).HasColumnName("iso_version");
        builder.Property(x => x.CertificateDate).HasColumnName("certificate_date");
        builder.Property(x => x.Revision).HasColumnName("revision");
    }
}
