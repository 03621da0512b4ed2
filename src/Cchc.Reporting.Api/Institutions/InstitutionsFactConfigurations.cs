using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Institutions;

internal sealed class LegalDocumentFactConfiguration : IEntityTypeConfiguration<LegalDocumentFact>
{
    public void Configure(EntityTypeBuilder<LegalDocumentFact> builder)
    {
        builder.ToTable("legal_document_facts");
        builder.HasKey(x => x.DocumentId).HasName("pk_legal_document_facts");
        builder.Property(x => x.DocumentId).HasColumnName("document_id");
        builder.Property(x => x.Version).HasColumnName("version");
        builder.Property(x => x.Kind).HasColumnName("kind");
        builder.Property(x => x.IssuingBody).HasColumnName("issuing_body");
        builder.Property(x => x.Level).HasColumnName("level");
        builder.Property(x => x.SignedOn).HasColumnName("signed_on");
        builder.Property(x => x.ExpiredOn).HasColumnName("expired_on");
        builder.HasIndex(x => x.SignedOn).HasDatabaseName("ix_legal_document_facts_signed_on");
    }
}

internal sealed class ReviewFindingFactConfiguration : IEntityTypeConfiguration<ReviewFindingFact>
{
    public void Configure(EntityTypeBuilder<ReviewFindingFact> builder)
    {
        builder.ToTable("review_finding_facts");
        builder.HasKey(x => new { x.RoundId, x.DocumentId }).HasName("pk_review_finding_facts");
        builder.Property(x => x.RoundId).HasColumnName("round_id");
        builder.Property(x => x.DocumentId).HasColumnName("document_id");
        builder.Property(x => x.Version).HasColumnName("version");
        builder.Property(x => x.Conclusion).HasColumnName("conclusion");
        builder.Property(x => x.FoundOn).HasColumnName("found_on");
        builder.Property(x => x.Handling).HasColumnName("handling");
        builder.Property(x => x.HandledOn).HasColumnName("handled_on");
    }
}

internal sealed class DocumentCheckFactConfiguration : IEntityTypeConfiguration<DocumentCheckFact>
{
    public void Configure(EntityTypeBuilder<DocumentCheckFact> builder)
    {
        builder.ToTable("document_check_facts");
        builder.HasKey(x => x.CheckId).HasName("pk_document_check_facts");
        builder.Property(x => x.CheckId).HasColumnName("check_id");
        builder.Property(x => x.DocumentId).HasColumnName("document_id");
        builder.Property(x => x.Version).HasColumnName("version");
        builder.Property(x => x.CheckedOn).HasColumnName("checked_on");
        builder.Property(x => x.Result).HasColumnName("result");
        builder.Property(x => x.Handling).HasColumnName("handling");
        builder.Property(x => x.HandledOn).HasColumnName("handled_on");
    }
}
