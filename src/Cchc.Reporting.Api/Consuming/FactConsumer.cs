using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using MassTransit;

namespace Cchc.Reporting.Api.Consuming;

/// <summary>What the registration, the error-queue monitor and the failure recorder read from a fact consumer without an instance.</summary>
public interface IFactConsumer
{
    /// <summary>
    /// The consumer's name in the inbox (<c>inbox_messages.consumer</c>). Never change it once messages were handled:
    /// the inbox deduplicates by (message id, this name).
    /// </summary>
    static abstract string InboxName { get; }

    /// <summary>Messages of this consumer handled at once; each holds a database transaction.</summary>
    static virtual int ConcurrentMessageLimit => 4;
}

/// <summary>
/// The one shape of every consumer of the reporting service. A message's facts are applied through the inbox (once
/// per message id and consumer, in one transaction with the inbox row) by the area's writer, whose upserts keep the
/// highest version of each fact, so duplicates, replays and reordering change nothing. An exception rolls everything
/// back and propagates: the bus retries the message with back-off (Cchc.Messaging), then moves it to the queue's
/// <c>_error</c> queue; <see cref="ConsumeFailureRecorder"/> records it, <see cref="ErrorQueues"/> counts it (status,
/// pages, health) and replays it after a fix. A consumer is the class name (which names its queue), its
/// <see cref="IFactConsumer.InboxName"/>, and the two methods below.
/// </summary>
/// <typeparam name="TSelf">The consumer itself (its static <see cref="IFactConsumer"/> members are read through it).</typeparam>
/// <typeparam name="TMessage">The integration event it applies.</typeparam>
public abstract class FactConsumer<TSelf, TMessage>(ReportingDbContext db, ILogger<TSelf> logger) : IConsumer<TMessage>
    where TSelf : FactConsumer<TSelf, TMessage>, IFactConsumer
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, TSelf.InboxName, async ct => written = await ApplyAsync(db, context.Message, ct));
        logger.LogDebug("{Consumer}: message {MessageId} with {Count} facts, {Written} rows written (handled: {Handled})",
            TSelf.InboxName, context.MessageId, CountOf(context.Message), written, handled);
    }

    /// <summary>How many facts the message carries (for the log).</summary>
    protected abstract int CountOf(TMessage message);

    /// <summary>Writes the message's facts inside the inbox's transaction; returns the rows written. Never catch and swallow here.</summary>
    protected abstract Task<int> ApplyAsync(ReportingDbContext db, TMessage message, CancellationToken cancellationToken);
}

/// <summary>The one consumer definition: only the concurrency differs between consumers (retry and error queues are the bus's).</summary>
public sealed class FactConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer, IFactConsumer
{
    public FactConsumerDefinition() => ConcurrentMessageLimit = TConsumer.ConcurrentMessageLimit;
}
