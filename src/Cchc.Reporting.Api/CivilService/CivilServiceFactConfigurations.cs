using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.CivilService;

internal sealed class StaffingFactConfiguration : IEntityTypeConfiguration<StaffingFactRow>
{
    public void Configure(EntityTypeBuilder<StaffingFactRow> builder)
    {
        builder.ToTable("staffing_facts");
        builder.HasKey(x => x.Key).HasName("pk_staffing_facts");
        builder.Property(x => x.Key).HasColumnName("key");
        builder.Property(x => x.Revision).HasColumnName("revision");
        builder.Property(x => x.UnitCode).HasColumnName("unit_code");
        builder.Property(x => x.Metric).HasColumnName("metric");
        builder.Property(x => x.FromDay).HasColumnName("from_day");
        builder.Property(x => x.ToDay).HasColumnName("to_day");
        builder.Property(x => x.Value).HasColumnName("value");
        builder.Property(x => x.Individual).HasColumnName("individual");
        builder.HasIndex(x => new { x.Metric, x.ToDay }).HasDatabaseName("ix_staffing_facts_metric_to_day");
    }
}
