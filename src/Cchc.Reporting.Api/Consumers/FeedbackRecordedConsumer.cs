using Cchc.Contracts.Events.Procedures;
using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using MassTransit;

namespace Cchc.Reporting.Api.Consumers;

/// <summary>Upserts citizen feedback states into feedback_facts once per message, keeping the highest version.</summary>
public sealed class FeedbackRecordedConsumer(ReportingDbContext db, ILogger<FeedbackRecordedConsumer> logger) : IConsumer<FeedbackRecorded>
{
    public const string Name = "reporting-feedback-recorded";

    public async Task Consume(ConsumeContext<FeedbackRecorded> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            written = await db.UpsertFeedbackFactsAsync(context.Message.Items, ct));
        logger.LogDebug("Message {MessageId}: {Count} feedback states, {Written} written (handled: {Handled})",
            context.MessageId, context.Message.Items.Count, written, handled);
    }
}

public sealed class FeedbackRecordedConsumerDefinition : ConsumerDefinition<FeedbackRecordedConsumer>
{
    public FeedbackRecordedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}
