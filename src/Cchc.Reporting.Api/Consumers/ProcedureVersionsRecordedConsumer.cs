using Cchc.Contracts.Events.Procedures;
using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using MassTransit;

namespace Cchc.Reporting.Api.Consumers;

/// <summary>Stores every procedure version (keyed by code and version) once per message.</summary>
public sealed class ProcedureVersionsRecordedConsumer(ReportingDbContext db, ILogger<ProcedureVersionsRecordedConsumer> logger)
    : IConsumer<ProcedureVersionsRecorded>
{
    public const string Name = "reporting-procedure-versions-recorded";

    public async Task Consume(ConsumeContext<ProcedureVersionsRecorded> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            written = await db.UpsertProcedureVersionsAsync(context.Message.Versions, ct));
        logger.LogDebug("Message {MessageId}: {Count} procedure versions, {Written} new (handled: {Handled})",
            context.MessageId, context.Message.Versions.Count, written, handled);
    }
}

public sealed class ProcedureVersionsRecordedConsumerDefinition : ConsumerDefinition<ProcedureVersionsRecordedConsumer>
{
    public ProcedureVersionsRecordedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}
