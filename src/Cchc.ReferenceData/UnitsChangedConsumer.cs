using Cchc.Contracts.Events.Organisation;
using Cchc.Messaging;
using Cchc.ServiceKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cchc.ReferenceData;

/// <summary>
/// Applies UnitsChanged to the local copy in <typeparamref name="TDbContext"/>, in the same transaction as the inbox row:
/// a redelivered message changes nothing, and a history older than the stored one is ignored (reordering is harmless).
/// Generic over the service's DbContext so that each service gets its own queue (every service needs every event).
/// </summary>
public sealed class UnitsChangedConsumer<TDbContext>(TDbContext db, TimeProvider clock, ILogger<UnitsChangedConsumer<TDbContext>> logger)
    : IConsumer<UnitsChanged> where TDbContext : DbContext
{
    /// <summary>The consumer's name in the service's inbox.</summary>
    public const string InboxName = "unit-reference-units-changed";

    public async Task Consume(ConsumeContext<UnitsChanged> context)
    {
        var applied = 0;
        var handled = await db.HandleOnceAsync(context, InboxName, async ct =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            applied = await UnitReferenceStore.ApplyAsync(connection, transaction, context.Message.Units, clock.GetUtcNow(), ct);
        });
        logger.LogDebug("Message {MessageId}: {Count} unit histories, {Applied} applied (handled: {Handled})",
            context.MessageId, context.Message.Units.Count, applied, handled);
    }
}

public sealed class UnitsChangedConsumerDefinition<TDbContext> : ConsumerDefinition<UnitsChangedConsumer<TDbContext>> where TDbContext : DbContext
{
    public UnitsChangedConsumerDefinition()
    {
        // The service's own queue, e.g. "procedures-unit-reference" for ProceduresDbContext: every service needs every event.
        EndpointName = QueueName;
        // Rare, small messages; revisions make order irrelevant, a few at once are plenty.
        ConcurrentMessageLimit = 4;
    }

    /// <summary>The queue of <typeparamref name="TDbContext"/>'s copy: its name without "DbContext", kebab-case, then "-unit-reference".</summary>
    public static string QueueName { get; } = SnakeCaseNames.ToSnakeCase(
        typeof(TDbContext).Name.EndsWith("DbContext", StringComparison.Ordinal) ? typeof(TDbContext).Name[..^"DbContext".Length] : typeof(TDbContext).Name)
        .Replace('_', '-') + "-unit-reference";
}
