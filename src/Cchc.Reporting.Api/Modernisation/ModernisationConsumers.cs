using Cchc.Contracts.Events.Egov;
using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using MassTransit;

namespace Cchc.Reporting.Api.Consumers;

/// <summary>Upserts e-government metric submissions into egov_metric_facts once per message, keeping the highest revision.</summary>
public sealed class MetricsSubmittedConsumer(ReportingDbContext db, ILogger<MetricsSubmittedConsumer> logger) : IConsumer<MetricsSubmitted>
{
    public const string Name = "reporting-egov-metrics-submitted";

    public async Task Consume(ConsumeContext<MetricsSubmitted> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            written = await db.UpsertEgovMetricFactsAsync(context.Message.Submissions, ct));
        logger.LogDebug("Message {MessageId}: {Count} metric submissions, {Written} written (handled: {Handled})",
            context.MessageId, context.Message.Submissions.Count, written, handled);
    }
}

public sealed class MetricsSubmittedConsumerDefinition : ConsumerDefinition<MetricsSubmittedConsumer>
{
    public MetricsSubmittedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}

/// <summary>Upserts capability states into egov_capability_facts once per message, keeping the highest revision.</summary>
public sealed class CapabilityStatesRecordedConsumer(ReportingDbContext db, ILogger<CapabilityStatesRecordedConsumer> logger) : IConsumer<CapabilityStatesRecorded>
{
    public const string Name = "reporting-egov-capability-states-recorded";

    public async Task Consume(ConsumeContext<CapabilityStatesRecorded> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            written = await db.UpsertEgovCapabilityFactsAsync(context.Message.States, ct));
        logger.LogDebug("Message {MessageId}: {Count} capability states, {Written} written (handled: {Handled})",
            context.MessageId, context.Message.States.Count, written, handled);
    }
}

public sealed class CapabilityStatesRecordedConsumerDefinition : ConsumerDefinition<CapabilityStatesRecordedConsumer>
{
    public CapabilityStatesRecordedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}
