using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Reports.Reconciliation;

/// <summary>
/// A published report's tables as loaded (PUT /api/reports/published), kept as the document that was sent: reporting's own
/// table, not built from events, so a rebuild of the read model leaves it alone (docs/adr/0031).
/// </summary>
public sealed class PublishedReport
{
    /// <summary>The document's "source" name (what it was transcribed from); loading the same source again replaces it.</summary>
    public required string Source { get; set; }

    public required string Title { get; set; }

    /// <summary>The document as loaded (JSON, the reference dataset's format).</summary>
    public required string Document { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    /// <summary>The client that loaded it.</summary>
    public string? LoadedBy { get; set; }
}

internal sealed class PublishedReportConfiguration : IEntityTypeConfiguration<PublishedReport>
{
    public void Configure(EntityTypeBuilder<PublishedReport> builder)
    {
        builder.ToTable("published_reports");
        builder.HasKey(x => x.Source).HasName("pk_published_reports");
        builder.Property(x => x.Source).HasColumnName("source").HasMaxLength(400);
        builder.Property(x => x.Title).HasColumnName("title");
        builder.Property(x => x.Document).HasColumnName("document").HasColumnType("jsonb");
        builder.Property(x => x.LoadedAt).HasColumnName("loaded_at");
        builder.Property(x => x.LoadedBy).HasColumnName("loaded_by").HasMaxLength(200);
        builder.HasIndex(x => x.LoadedAt).HasDatabaseName("ix_published_reports_loaded_at");
    }
}
