using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Data.Configurations;

internal sealed class DossierFactConfiguration : IEntityTypeConfiguration<DossierFact>
{
    public void Configure(EntityTypeBuilder<DossierFact> builder)
    {
        builder.ToTable("dossier_facts");
        builder.HasKey(x => x.DossierId).HasName("pk_dossier_facts");
        builder.Property(x => x.DossierId).HasColumnName("dossier_id");
        builder.Property(x => x.Version).HasColumnName("version");
        builder.Property(x => x.ProcedureCode).HasColumnName("procedure_code");
        builder.Property(x => x.ReceivingUnit).HasColumnName("receiving_unit");
        builder.Property(x => x.UnitLevel).HasColumnName("unit_level").HasConversion<short>();
        builder.Property(x => x.Channel).HasColumnName("channel").HasConversion<short>();
        builder.Property(x => x.Status).HasColumnName("status").HasConversion<short>();
        builder.Property(x => x.ReceivedOn).HasColumnName("received_on");
        builder.Property(x => x.DueAt).HasColumnName("due_at");
        builder.Property(x => x.ClosedAt).HasColumnName("closed_at");
        builder.Property(x => x.ClosedOn).HasColumnName("closed_on");
        builder.Property(x => x.OnTime).HasColumnName("on_time");
        builder.Property(x => x.ProcessedElectronically).HasColumnName("processed_electronically");
        // Appendix 7 row 11 asks, per online service, whether it received an online dossier in a period: online dossiers only.
        builder.HasIndex(x => new { x.ProcedureCode, x.ReceivedOn }).HasDatabaseName("ix_dossier_facts_online").HasFilter("channel = 2");
        // Period queries read dossier_daily_counts; the one secondary index is partial (online dossiers), every index slows the batch upserts.
    }
}
