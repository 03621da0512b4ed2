using Microsoft.EntityFrameworkCore;

namespace Cchc.Messaging;

/// <summary>Maps the outbox and inbox tables into a service's EF model, so its migrations create them.</summary>
public static class MessagingModelBuilderExtensions
{
    /// <summary>
    /// Maps table outbox_messages (sequence identity PK, unique message_id, jsonb payload, partial index of unsent
    /// rows). Call from OnModelCreating of a service that publishes.
    /// </summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(m => m.Sequence).HasName("pk_outbox_messages");
            b.Property(m => m.Sequence).HasColumnName("sequence").UseIdentityByDefaultColumn();
            b.Property(m => m.MessageId).HasColumnName("message_id");
            b.Property(m => m.MessageType).HasColumnName("message_type").HasColumnType("text");
            b.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            b.Property(m => m.CreatedAt).HasColumnName("created_at").HasColumnType("timestamptz");
            b.Property(m => m.SentAt).HasColumnName("sent_at").HasColumnType("timestamptz");
            b.Property(m => m.Attempts).HasColumnName("attempts").HasDefaultValue(0);
            b.Property(m => m.LastError).HasColumnName("last_error").HasColumnType("text");
            b.HasIndex(m => m.MessageId).IsUnique().HasDatabaseName("ux_outbox_messages_message_id");
            b.HasIndex(m => m.Sequence).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        });
        return modelBuilder;
    }

    /// <summary>
    /// Maps table inbox_messages (PK message_id + consumer). Call from OnModelCreating of a service that consumes.
    /// </summary>
    public static ModelBuilder AddInbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(m => new { m.MessageId, m.Consumer }).HasName("pk_inbox_messages");
            b.Property(m => m.MessageId).HasColumnName("message_id");
            b.Property(m => m.Consumer).HasColumnName("consumer").HasColumnType("text");
            b.Property(m => m.ProcessedAt).HasColumnName("processed_at").HasColumnType("timestamptz");
            b.HasIndex(m => m.ProcessedAt).HasDatabaseName("ix_inbox_messages_processed_at");
        });
        return modelBuilder;
    }
}
