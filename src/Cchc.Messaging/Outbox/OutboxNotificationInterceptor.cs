using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cchc.Messaging;

/// <summary>
/// Wakes outbox relays (in any process) as soon as outbox rows written through EF are committed, with
/// PostgreSQL NOTIFY on <see cref="Outbox.NotifyChannel"/>: inside the caller's transaction when there is one
/// (PostgreSQL delivers it on COMMIT, drops it on rollback), otherwise right after EF's own commit. Without it
/// the relay still finds the rows by polling (≈ 1 s later).
/// <see cref="MessagingRegistration.AddOutboxRelay{TDbContext}"/> adds it to DI-registered contexts; a context
/// built by hand adds it with <see cref="OutboxDbContextOptionsExtensions.UseOutboxNotifications"/>.
/// </summary>
public sealed class OutboxNotificationInterceptor : SaveChangesInterceptor
{
    public static OutboxNotificationInterceptor Instance { get; } = new();

    /// <summary>Per context: 0 = nothing to announce, 1 = outbox rows added, 2 = already notified inside the transaction.</summary>
    private static readonly ConditionalWeakTable<DbContext, StrongBox<int>> State = new();

    private OutboxNotificationInterceptor()
    {
    }

    internal static void MarkPending(DbContext db)
    {
        var state = State.GetValue(db, _ => new StrongBox<int>());
        if (state.Value == 0)
        {
            state.Value = 1;
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && IsPending(db, out var state) && db.Database.CurrentTransaction is { } tx)
        {
            using var command = CreateNotifyCommand(db.Database.GetDbConnection(), tx.GetDbTransaction());
            command.ExecuteNonQuery();
            state.Value = 2;
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && IsPending(db, out var state) && db.Database.CurrentTransaction is { } tx)
        {
            await using var command = CreateNotifyCommand(db.Database.GetDbConnection(), tx.GetDbTransaction());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            state.Value = 2;
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && State.TryGetValue(db, out var state))
        {
            // No caller transaction: EF has committed its own by now, so a notification sent now finds the rows.
            if (state.Value == 1 && db.Database.CurrentTransaction is null)
            {
                try
                {
                    db.Database.OpenConnection();
                    try
                    {
                        using var command = CreateNotifyCommand(db.Database.GetDbConnection(), null);
                        command.ExecuteNonQuery();
                    }
                    finally
                    {
                        db.Database.CloseConnection();
                    }
                }
                catch (DbException)
                {
                    // The facts are committed: a failed wake-up must not fail SaveChanges (the relay's poll finds the rows).
                }
            }
            state.Value = 0;
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && State.TryGetValue(db, out var state))
        {
            if (state.Value == 1 && db.Database.CurrentTransaction is null)
            {
                try
                {
                    await db.Database.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
                    try
                    {
                        await using var command = CreateNotifyCommand(db.Database.GetDbConnection(), null);
                        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                    finally
                    {
                        await db.Database.CloseConnectionAsync().ConfigureAwait(false);
                    }
                }
                catch (DbException)
                {
                    // The facts are committed: a failed wake-up must not fail SaveChanges (the relay's poll finds the rows).
                }
            }
            state.Value = 0;
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // The rows stay tracked as Added: a later SaveChanges writes (and announces) them again.
        if (eventData.Context is { } db && State.TryGetValue(db, out var state) && state.Value == 2)
        {
            state.Value = 1;
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private static bool IsPending(DbContext db, out StrongBox<int> state) =>
        State.TryGetValue(db, out state!) && state.Value == 1;

    private static DbCommand CreateNotifyCommand(DbConnection connection, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = Outbox.NotifySql;
        command.Transaction = transaction;
        return command;
    }
}

/// <summary>Adds <see cref="OutboxNotificationInterceptor"/> to a context's options.</summary>
public static class OutboxDbContextOptionsExtensions
{
    /// <summary>
    /// Announces committed outbox rows to relays at once (PostgreSQL NOTIFY). Only needed for contexts not registered
    /// in the DI container where <see cref="MessagingRegistration.AddOutboxRelay{TDbContext}"/> runs; adding it twice is harmless.
    /// </summary>
    public static DbContextOptionsBuilder UseOutboxNotifications(this DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var existing = options.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors;
        return existing?.Contains(OutboxNotificationInterceptor.Instance) == true
            ? options
            : options.AddInterceptors(OutboxNotificationInterceptor.Instance);
    }
}
