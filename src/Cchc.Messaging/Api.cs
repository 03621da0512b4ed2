// PUBLIC API SKELETON — the signatures are fixed (other projects code against them);
// the bodies are being implemented in this project's other files.
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Cchc.Messaging;

/// <summary>An integration event waiting in (or sent from) a service's outbox table.</summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order (identity); the relay sends in this order.</summary>
    public long Sequence { get; set; }
    /// <summary>Becomes the MassTransit MessageId: the consumer inbox deduplicates on it.</summary>
    public Guid MessageId { get; set; }
    /// <summary>CLR full name of the event type (its wire identity).</summary>
    public required string MessageType { get; set; }
    /// <summary>The event as JSON (jsonb).</summary>
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A message a consumer has handled; written in the same transaction as its effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}

public static partial class MessagingModelBuilderExtensions
{
    /// <summary>Maps table outbox_messages. Call from OnModelCreating of a service that publishes.</summary>
    public static partial ModelBuilder AddOutbox(this ModelBuilder modelBuilder);

    /// <summary>Maps table inbox_messages. Call from OnModelCreating of a service that consumes.</summary>
    public static partial ModelBuilder AddInbox(this ModelBuilder modelBuilder);
}

public static partial class Outbox
{
    /// <summary>
    /// Adds the event to the context's outbox; it is written by the caller's SaveChanges, in the same
    /// transaction as the facts, and sent by the relay after commit.
    /// </summary>
    public static partial void AddIntegrationEvent<TEvent>(this DbContext db, TEvent @event) where TEvent : class;

    /// <summary>
    /// Writes events to outbox_messages on a raw connection inside the caller's transaction
    /// (for paths that bypass EF, e.g. COPY imports). Returns how many rows were written.
    /// </summary>
    public static partial Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<object> events, CancellationToken cancellationToken);
}

/// <summary>Wakes the relay right after a commit that wrote outbox rows (it also polls, for rows left by a crash).</summary>
public interface IOutboxSignal
{
    void Notify();
}

public static partial class Inbox
{
    /// <summary>
    /// Runs <paramref name="apply"/> and records (message id, consumer) in inbox_messages in one
    /// database transaction. Returns false, doing nothing, when this consumer already handled the
    /// message. <paramref name="apply"/> may use EF or raw SQL on <paramref name="db"/>'s connection;
    /// SaveChanges is called for it.
    /// </summary>
    public static partial Task<bool> HandleOnceAsync<TDbContext>(this TDbContext db, ConsumeContext context, string consumer, Func<CancellationToken, Task> apply)
        where TDbContext : DbContext;
}

public static partial class MessagingRegistration
{
    /// <summary>
    /// MassTransit over RabbitMQ from connection string "messaging" (amqp://user:pass@host:port/vhost):
    /// kebab-case endpoints, retry with exponential back-off, faulted messages to the queue's _error
    /// queue, publisher confirms, a health check. <paramref name="configure"/> adds consumers.
    /// </summary>
    public static partial IHostApplicationBuilder AddCchcMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null);

    /// <summary>Runs the relay that publishes <typeparamref name="TDbContext"/>'s outbox rows and marks them sent.</summary>
    public static partial IServiceCollection AddOutboxRelay<TDbContext>(this IServiceCollection services) where TDbContext : DbContext;
}
