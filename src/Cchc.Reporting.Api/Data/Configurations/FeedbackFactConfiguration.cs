using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Data.Configurations;

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
