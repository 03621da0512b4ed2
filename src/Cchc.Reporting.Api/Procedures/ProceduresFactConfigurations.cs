using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Procedures;

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

internal sealed class FeedbackFactConfiguration : IEntityTypeConfiguration<FeedbackFact>
{
    public void Configure(EntityTypeBuilder<FeedbackFact> builder)
    {
        builder.ToTable("feedback_facts");
        builder.HasKey(x => x.FeedbackId).HasName("pk_feedback_facts");
        builder.Property(x => x.FeedbackId).HasColumnName("feedback_id");
        builder.Property(x => x.Version).HasColumnName("version");
        builder.Property(x => x.ProcedureCode).HasColumnName("procedure_code");
        builder.Property(x => x.ReceivedOn).HasColumnName("received_on");
        builder.Property(x => x.ResolvedOn).HasColumnName("resolved_on");
        builder.Property(x => x.PublishedOn).HasColumnName("published_on");
        builder.HasIndex(x => x.ReceivedOn).HasDatabaseName("ix_feedback_facts_received_on");
    }
}
