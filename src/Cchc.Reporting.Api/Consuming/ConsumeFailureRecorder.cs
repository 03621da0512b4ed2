using Cchc.Reporting.Api.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Api.Consuming;

/// <summary>
/// Records a fact consumer's terminal failure in consume_failures. MassTransit notifies consume observers of a fault
/// once, after the retry policy has given up (the retry filter holds the faults of the attempts it retries), which is
/// when the message moves to <c>_error</c>. Runs in its own scope and transaction (the consumer's rolled back); if the
/// database itself is the cause, the record fails too and only the log and the broker's count show the message.
/// </summary>
public sealed class ConsumeFailureRecorder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ConsumeFailureRecorder> logger) : IConsumeObserver
{
    /// <summary>How much of an exception's message is kept.</summary>
    public const int MaxErrorLength = 2000;

    private const string Sql = """
        INSERT INTO consume_failures AS f (message_id, consumer, queue, message_type, first_failed_at, last_failed_at, failures, error)
        VALUES (@message_id, @consumer, @queue, @message_type, @at, @at, 1, @error)
        ON CONFLICT (message_id, consumer) DO UPDATE SET
            queue = excluded.queue, last_failed_at = excluded.last_failed_at, failures = f.failures + 1, error = excluded.error
        """;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public async Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (FactConsumers.ForMessage(typeof(T)) is not { } consumer || context.MessageId is not { } messageId)
        {
            return;
        }
        var queue = QueueOf(context.ReceiveContext.InputAddress);
        logger.LogError(exception, "{Consumer} gave up on message {MessageId} ({MessageType}) after its retries; it waits in {Queue}_error",
            consumer.InboxName, messageId, typeof(T).Name, queue);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            // PostgreSQL text holds no NUL, and an exception may quote one from the message.
            var error = $"{exception.GetType().FullName}: {exception.Message}".Replace('\0', '\uFFFD');
            await db.Database.ExecuteSqlRawAsync(Sql,
            [
                new Npgsql.NpgsqlParameter("message_id", messageId),
                new Npgsql.NpgsqlParameter("consumer", consumer.InboxName),
                new Npgsql.NpgsqlParameter("queue", queue),
                new Npgsql.NpgsqlParameter("message_type", typeof(T).Name),
                new Npgsql.NpgsqlParameter("at", clock.GetUtcNow()),
                new Npgsql.NpgsqlParameter("error", error.Length <= MaxErrorLength ? error : error[..MaxErrorLength]),
            ], CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not record the failure of message {MessageId} in consume_failures", messageId);
        }
    }

    /// <summary>The queue name of a receive address (rabbitmq://host/vhost/queue?options → queue).</summary>
    public static string QueueOf(Uri? inputAddress) =>
        inputAddress is null ? string.Empty : inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1];
}
