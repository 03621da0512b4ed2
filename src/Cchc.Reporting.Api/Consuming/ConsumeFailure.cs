using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cchc.Reporting.Api.Consuming;

/// <summary>
/// A message a fact consumer failed after all its retries (table consume_failures), written by
/// <see cref="ConsumeFailureRecorder"/> when the bus gives up on it and moves it to the queue's <c>_error</c> queue.
/// It is unresolved until the inbox holds (message id, consumer): once a replay (or a redelivery of the same message)
/// is applied, the failure is resolved without any update here. An unresolved failure whose message is no longer in
/// an error queue is an event the report lacks.
/// </summary>
public sealed class ConsumeFailure
{
    public Guid MessageId { get; set; }

    /// <summary>The consumer's inbox name (<see cref="IFactConsumer.InboxName"/>).</summary>
    public required string Consumer { get; set; }

    /// <summary>The receive queue; the message waits in <c>{Queue}_error</c>.</summary>
    public required string Queue { get; set; }

    public required string MessageType { get; set; }

    public DateTimeOffset FirstFailedAt { get; set; }

    public DateTimeOffset LastFailedAt { get; set; }

    /// <summary>How many times the message failed for good (a replay that fails again adds one).</summary>
    public int Failures { get; set; }

    /// <summary>The last exception's type and message, for operators (never served over HTTP).</summary>
    public required string Error { get; set; }
}

internal sealed class ConsumeFailureConfiguration : IEntityTypeConfiguration<ConsumeFailure>
{
    public void Configure(EntityTypeBuilder<ConsumeFailure> builder)
    {
        builder.ToTable("consume_failures");
        builder.HasKey(x => new { x.MessageId, x.Consumer }).HasName("pk_consume_failures");
        builder.Property(x => x.MessageId).HasColumnName("message_id");
        builder.Property(x => x.Consumer).HasColumnName("consumer");
        builder.Property(x => x.Queue).HasColumnName("queue");
        builder.Property(x => x.MessageType).HasColumnName("message_type");
        builder.Property(x => x.FirstFailedAt).HasColumnName("first_failed_at");
        builder.Property(x => x.LastFailedAt).HasColumnName("last_failed_at");
        builder.Property(x => x.Failures).HasColumnName("failures");
        builder.Property(x => x.Error).HasColumnName("error");
    }
}
