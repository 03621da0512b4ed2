using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Messaging;

/// <summary>Idempotent consumption: a message's effect and its inbox row commit together, or neither does.</summary>
public static class Inbox
{
    /// <summary>
    /// Runs <paramref name="apply"/> and records (message id, consumer) in inbox_messages in one
    /// database transaction. Returns false, doing nothing, when this consumer already handled the
    /// message. <paramref name="apply"/> may use EF or raw SQL on <paramref name="db"/>'s connection;
    /// SaveChanges is called for it.
    /// </summary>
    /// <remarks>
    /// <para>The inbox row is inserted first (<c>INSERT … ON CONFLICT DO NOTHING</c>): a concurrent duplicate
    /// delivery waits on the primary key until the first transaction ends, then sees the conflict (or, if the
    /// first rolled back, does the work itself).</para>
    /// <para>If <paramref name="apply"/> or SaveChanges throws, everything rolls back, the change tracker is cleared
    /// and the exception propagates, so MassTransit retries the message and finally moves it to the _error queue.
    /// Never catch and swallow exceptions inside <paramref name="apply"/>.</para>
    /// <para>A retrying execution strategy (<c>EnableRetryOnFailure</c>, Aspire's default for
    /// <c>AddNpgsqlDbContext</c>) is supported: the whole unit (inbox row, apply, SaveChanges, commit) is retried as
    /// one, so <paramref name="apply"/> must be re-runnable — which it is when it only changes the database through
    /// <paramref name="db"/>. When the caller already opened a transaction on <paramref name="db"/>, the work joins it
    /// and the caller commits; with a retrying strategy that is the caller's to wrap in
    /// <c>db.Database.CreateExecutionStrategy().ExecuteAsync(...)</c>.</para>
    /// </remarks>
    public static async Task<bool> HandleOnceAsync<TDbContext>(this TDbContext db, ConsumeContext context, string consumer, Func<CancellationToken, Task> apply)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        ArgumentNullException.ThrowIfNull(apply);

        var messageId = context.MessageId
            ?? throw new InvalidOperationException("The message has no MessageId: the inbox cannot deduplicate it.");
        var insertSql = InsertSql(db);

        bool handled;
        if (db.Database.CurrentTransaction is not null)
        {
            handled = await RunAsync(db, insertSql, messageId, consumer, apply, context.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            var strategy = db.Database.CreateExecutionStrategy();
            handled = await strategy.ExecuteAsync(
                (Db: db, Sql: insertSql, MessageId: messageId, Consumer: consumer, Apply: apply),
                static async (_, s, ct) =>
                {
                    await using var transaction = await s.Db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                    if (!await RunAsync(s.Db, s.Sql, s.MessageId, s.Consumer, s.Apply, ct).ConfigureAwait(false))
                    {
                        await transaction.RollbackAsync(ct).ConfigureAwait(false);
                        return false;
                    }
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                    return true;
                },
                verifySucceeded: null,
                context.CancellationToken).ConfigureAwait(false);
        }

        if (!handled)
        {
            MessagingMetrics.InboxDuplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));
        }
        return handled;
    }

    private static async Task<bool> RunAsync(DbContext db, string insertSql, Guid messageId, string consumer, Func<CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        try
        {
            var inserted = await db.Database.ExecuteSqlRawAsync(insertSql, [messageId, consumer], cancellationToken).ConfigureAwait(false);
            if (inserted == 0)
            {
                return false;
            }
            await apply(cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch
        {
            // The transaction rolls back when disposed; entities tracked by the failed attempt must not leak into a retry.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static string InsertSql(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(InboxMessage))
            ?? throw new InvalidOperationException($"{db.GetType().Name} has no inbox: call modelBuilder.AddInbox() in its OnModelCreating.");
        return $"INSERT INTO {SqlNames.Table(entity)} (message_id, consumer, processed_at) VALUES ({{0}}, {{1}}, now()) ON CONFLICT DO NOTHING";
    }
}
