using Cchc.Contracts.Events.Procedures;
using Cchc.Messaging;
using Cchc.Reporting.Api.Data;
using MassTransit;

namespace Cchc.Reporting.Api.Consumers;

/// <summary>Upserts a batch of dossier states (up to ~1,000 per message) into dossier_facts in one statement, once per message.</summary>
public sealed class DossiersRecordedConsumer(ReportingDbContext db, ILogger<DossiersRecordedConsumer> logger) : IConsumer<DossiersRecorded>
{
    public const string Name = "reporting-dossiers-recorded";

    public async Task Consume(ConsumeContext<DossiersRecorded> context)
    {
        var written = 0;
        var handled = await db.HandleOnceAsync(context, Name, async ct =>
            written = await db.UpsertDossierFactsAsync(context.Message.Dossiers, ct));
        logger.LogDebug("Message {MessageId}: {Count} dossier states, {Written} written (handled: {Handled})",
            context.MessageId, context.Message.Dossiers.Count, written, handled);
    }
}

public sealed class DossiersRecordedConsumerDefinition : ConsumerDefinition<DossiersRecordedConsumer>
{
    public DossiersRecordedConsumerDefinition()
    {
        // Each message is a large batch: a few in parallel keep both cores and PostgreSQL busy.
        ConcurrentMessageLimit = 4;
    }
}
