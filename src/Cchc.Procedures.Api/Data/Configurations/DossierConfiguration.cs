using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Procedures.Api.Data.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<DossierEntity>
{
    public void Configure(EntityTypeBuilder<DossierEntity> builder)
    {
        builder.ToTable("dossiers");
        builder.HasKey(d => d.DossierId);
        builder.Property(d => d.DossierId).HasMaxLength(64);
        builder.Property(d => d.ProcedureCode).HasMaxLength(64);
        builder.Property(d => d.Version).IsConcurrencyToken();
        // ListDossiers pages in dossier_id order (keyset) under these filters. Few indexes on purpose: each one
        // slows the bulk import. unit_level alone (3 values) is served by a scan of the primary key.
        builder.HasIndex(d => new { d.ProcedureCode, d.DossierId });
        builder.HasIndex(d => new { d.ReceivingUnit, d.DossierId });
        builder.HasIndex(d => new { d.Status, d.DossierId });
        builder.HasIndex(d => d.ReceivedAt);
    }
}

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<FeedbackEntity>
{
    public void Configure(EntityTypeBuilder<FeedbackEntity> builder)
    {
        builder.ToTable("feedback");
        builder.HasKey(f => f.FeedbackId);
        builder.Property(f => f.FeedbackId).HasMaxLength(64);
        builder.Property(f => f.ProcedureCode).HasMaxLength(64);
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}
