using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Rebuild;

/// <summary>
/// Table rebuilds: each rebuild of the read model an operator asked for (docs/adr/0040): who and when, the services whose
/// markers it waits for, and when it was found complete. Reporting's own record, never emptied by a rebuild.
/// </summary>
public sealed class RebuildRecord
{
    public Guid Id { get; set; }

    public required string RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The services expected to re-publish (their short names), in the order the status lists them.</summary>
    public required List<string> ExpectedServices { get; set; }

    /// <summary>When every expected marker was in and every message it lists applied; null while rebuilding.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>Table rebuild_markers: a service's FactsRepublished for a rebuild (the message ids of every page it wrote).</summary>
public sealed class RebuildMarker
{
    public Guid RebuildId { get; set; }

    public required string Service { get; set; }

    public required Guid[] MessageIds { get; set; }

    public long Records { get; set; }

    public DateTimeOffset RepublishedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

internal sealed class RebuildRecordConfiguration : IEntityTypeConfiguration<RebuildRecord>
{
    public void Configure(EntityTypeBuilder<RebuildRecord> b)
    {
        b.ToTable("rebuilds");
        b.HasKey(x => x.Id).HasName("pk_rebuilds");
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.RequestedBy).HasColumnName("requested_by").HasMaxLength(200);
        b.Property(x => x.RequestedAt).HasColumnName("requested_at");
        b.Property(x => x.ExpectedServices).HasColumnName("expected_services");
        b.Property(x => x.CompletedAt).HasColumnName("completed_at");
        b.HasIndex(x => x.RequestedAt).HasDatabaseName("ix_rebuilds_requested_at");
    }
}

internal sealed class RebuildMarkerConfiguration : IEntityTypeConfiguration<RebuildMarker>
{
    public void Configure(EntityTypeBuilder<RebuildMarker> b)
    {
        b.ToTable("rebuild_markers");
        b.HasKey(x => new { x.RebuildId, x.Service }).HasName("pk_rebuild_markers");
        b.Property(x => x.RebuildId).HasColumnName("rebuild_id");
        b.Property(x => x.Service).HasColumnName("service").HasMaxLength(100);
        b.Property(x => x.MessageIds).HasColumnName("message_ids");
        b.Property(x => x.Records).HasColumnName("records");
        b.Property(x => x.RepublishedAt).HasColumnName("republished_at");
        b.Property(x => x.ReceivedAt).HasColumnName("received_at");
    }
}
