using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Cchc.Messaging;

/// <summary>Writing integration events to a service's outbox, in the transaction that records the facts.</summary>
public static class Outbox
{
    /// <summary>The PostgreSQL NOTIFY channel that wakes relays; delivered only when the writing transaction commits.</summary>
    public const string NotifyChannel = "cchc_outbox";

    internal const string NotifySql = "SELECT pg_notify('" + NotifyChannel + "', '')";

    /// <summary>
    /// Adds the event to the context's outbox; it is written by the caller's SaveChanges, in the same
    /// transaction as the facts, and sent by the relay after commit. The context's model must call
    /// <see cref="MessagingModelBuilderExtensions.AddOutbox"/>. The event's runtime type is its wire identity
    /// (namespace + name: never rename or move it). Returns the message id the event will carry (the MassTransit
    /// MessageId, which consumers' inboxes deduplicate on), e.g. for a rebuild's marker (docs/adr/0040).
    /// </summary>
    public static Guid AddIntegrationEvent<TEvent>(this DbContext db, TEvent @event) where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(@event);
        if (db.Model.FindEntityType(typeof(OutboxMessage)) is null)
        {
            throw new InvalidOperationException(
                $"{db.GetType().Name} has no outbox: call modelBuilder.AddOutbox() in its OnModelCreating.");
        }
        var message = Create(@event, DateTimeOffset.UtcNow);
        db.Set<OutboxMessage>().Add(message);
        OutboxNotificationInterceptor.MarkPending(db);
        return message.MessageId;
    }

    /// <summary>
    /// Writes events to outbox_messages on a raw connection inside the caller's transaction
    /// (for paths that bypass EF, e.g. COPY imports): one multi-row INSERT plus a NOTIFY that wakes the relay
    /// when the transaction commits. The table is found through the connection's search_path. Returns how
    /// many rows were written.
    /// </summary>
    public static async Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<object> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(events);

        var now = DateTimeOffset.UtcNow;
        var rows = events.Select(e => Create(e ?? throw new ArgumentException("An event is null.", nameof(events)), now)).ToList();
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO outbox_messages (message_id, message_type, payload, created_at, attempts)
                    SELECT id, type, payload::jsonb, $4, 0
                    FROM unnest($1::uuid[], $2::text[], $3::text[]) AS e(id, type, payload)
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<Guid[]> { TypedValue = rows.Select(r => r.MessageId).ToArray() },
                        new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.MessageType).ToArray() },
                        new NpgsqlParameter<string[]> { TypedValue = rows.Select(r => r.Payload).ToArray() },
                        new NpgsqlParameter<DateTimeOffset> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                    },
                },
                new NpgsqlBatchCommand(NotifySql),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    internal static OutboxMessage Create(object @event, DateTimeOffset now)
    {
        var type = @event.GetType();
        return new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = MessageTypeResolver.NameOf(type),
            Payload = JsonSerializer.Serialize(@event, type, MessagingJson.Options),
            CreatedAt = now,
        };
    }
}
