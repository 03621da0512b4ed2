using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Procedures.Api.Data.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<DossierEntity>
{
    public void Configure(EntityTypeBuilder<DossierEntity> builder)
    {
        builder.ToTable("dossiers");
        builder.HasKey(d => d.DossierId);
        // Identifiers compare byte-wise (collation "C"): cheaper index maintenance on bulk imports, and the same
        // keyset order whatever the database's locale.
        builder.Property(d => d.DossierId).HasMaxLength(64).UseCollation(Collations.Ordinal);
        builder.Property(d => d.ProcedureCode).HasMaxLength(64).UseCollation(Collations.Ordinal);
        builder.Property(d => d.ReceivingUnit).UseCollation(Collations.Ordinal);
        builder.Property(d => d.Version).IsConcurrencyToken();
        // ListDossiers pages in dossier_id order (keyset) under these filters. Few indexes on purpose: each one
        // slows the bulk import (measured: the four secondary indexes are most of an import's INSERT cost).
        // unit_level (3 values) and the closed statuses (most dossiers) are served by a scan of the primary key;
        // pending dossiers (RECEIVED, few) have a small partial index.
        builder.HasIndex(d => new { d.ProcedureCode, d.DossierId });
        builder.HasIndex(d => new { d.ReceivingUnit, d.DossierId });
        builder.HasIndex(d => d.ReceivedAt);
        builder.HasIndex(d => d.DossierId).HasFilter("status = 1").HasDatabaseName("ix_dossiers_pending"); // 1 = DossierStatus.Received
    }
}

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<FeedbackEntity>
{
    public void Configure(EntityTypeBuilder<FeedbackEntity> builder)
    {
        builder.ToTable("feedback");
        builder.HasKey(f => f.FeedbackId);
        builder.Property(f => f.FeedbackId).HasMaxLength(64).UseCollation(Collations.Ordinal);
        builder.Property(f => f.ProcedureCode).HasMaxLength(64).UseCollation(Collations.Ordinal);
        builder.Property(f => f.Version).IsConcurrencyToken();
    }
}
