using System.Globalization;
using System.Text;
using Cchc.Contracts;
using Cchc.Reporting.Api.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Cchc.Reporting.Api.Consuming;

/// <summary>Settings of <see cref="ErrorQueues"/> (configuration section <c>Reporting:ErrorQueues</c>).</summary>
public sealed class ErrorQueueOptions
{
    public const string SectionName = "Reporting:ErrorQueues";

    /// <summary>How long a count is reused before the broker and the database are asked again (status, pages, health).</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for the broker's connection.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>One consumer queue's error queue: messages waiting there, since when, and failures recorded and not yet applied.</summary>
/// <param name="Name">The error queue (<c>&lt;queue&gt;_error</c>).</param>
/// <param name="Waiting">Messages in it, by the broker's count (passive declare); null when the broker could not be asked.</param>
/// <param name="Since">The oldest failure among them: the first message's <c>MT-Fault-Timestamp</c> or the earliest unresolved recorded failure.</param>
/// <param name="UnresolvedFailures">Messages consume_failures holds for this queue that the inbox has not applied since.</param>
public sealed record ErrorQueueState(string Name, long? Waiting, DateTimeOffset? Since, long UnresolvedFailures);

/// <summary>The error queues of every fact consumer at <see cref="CheckedAt"/>.</summary>
public sealed record ErrorQueueSnapshot(DateTimeOffset CheckedAt, bool BrokerReachable, IReadOnlyList<ErrorQueueState> Queues)
{
    /// <summary>Messages waiting in the error queues (those the broker could count).</summary>
    public long Waiting => Queues.Sum(q => q.Waiting ?? 0);

    public long UnresolvedFailures => Queues.Sum(q => q.UnresolvedFailures);

    /// <summary>Since when the oldest of them has been failing; null when nothing waits.</summary>
    public DateTimeOffset? Since => Queues.Where(q => q.Waiting > 0 || q.UnresolvedFailures > 0).Min(q => q.Since);

    /// <summary>Some event the consumers could not apply is missing from the report.</summary>
    public bool HasFailures => Waiting > 0 || UnresolvedFailures > 0;
}

/// <summary>Messages moved back from an error queue to its consumer queue.</summary>
public sealed record ErrorQueueReplay(string Name, string Queue, int Replayed);

/// <summary>
/// The broker's side of "no silent loss": counts the <c>&lt;queue&gt;_error</c> queue of every fact consumer (passive
/// declare, which neither creates nor consumes anything) and reads the oldest message's fault time, together with the
/// failures <see cref="ConsumeFailureRecorder"/> recorded and the inbox has not applied since; and replays: moves every
/// message of an error queue back to its queue (same body, properties and message id, MassTransit's fault headers
/// removed), each published with a broker confirm before it is acknowledged in the error queue. A crash between the two
/// leaves a copy in both queues; the inbox applies a message id once, so every event still counts once.
/// </summary>
public sealed class ErrorQueues(
    IConfiguration configuration,
    IServiceProvider services,
    IOptions<ErrorQueueOptions> options,
    TimeProvider clock,
    ILogger<ErrorQueues> logger) : IAsyncDisposable
{
    /// <summary>The suffix MassTransit gives a queue's error queue.</summary>
    public const string ErrorSuffix = "_error";

    private static readonly string[] FaultHeaderPrefixes = ["MT-Fault-", "MT-Reason", "MT-Host-"];

    private const string UnresolvedSql = """
        SELECT f.queue AS "Queue", count(*) AS "Count", min(f.first_failed_at) AS "Since"
        FROM consume_failures f
        WHERE NOT EXISTS (SELECT 1 FROM inbox_messages i WHERE i.message_id = f.message_id AND i.consumer = f.consumer)
        GROUP BY f.queue
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<string>? _queues;
    private IConnection? _connection;
    private ErrorQueueSnapshot? _snapshot;

    /// <summary>The consumer queues (as the bus names them: the registered endpoint name formatter).</summary>
    public IReadOnlyList<string> Queues => _queues ??= FactConsumers.All
        .Select(c => c.QueueName(services.GetService<IEndpointNameFormatter>() ?? KebabCaseEndpointNameFormatter.Instance))
        .ToList();

    /// <summary>The latest snapshot, at most <see cref="ErrorQueueOptions.CacheFor"/> old. Never throws: what could not be asked is reported as such.</summary>
    public async Task<ErrorQueueSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } cached && clock.GetUtcNow() - cached.CheckedAt < options.Value.CacheFor)
        {
            return cached;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } again && clock.GetUtcNow() - again.CheckedAt < options.Value.CacheFor)
            {
                return again;
            }
            return _snapshot = await ReadAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Moves the messages of every error queue back to their queue; returns what was moved, queue by queue.</summary>
    public async Task<IReadOnlyList<ErrorQueueReplay>> ReplayAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            var replays = new List<ErrorQueueReplay>();
            foreach (var queue in Queues)
            {
                var moved = await ReplayQueueAsync(connection, queue, cancellationToken);
                if (moved > 0)
                {
                    logger.LogWarning("Replayed {Count} messages from {ErrorQueue} to {Queue}", moved, queue + ErrorSuffix, queue);
                }
                replays.Add(new ErrorQueueReplay(queue + ErrorSuffix, queue, moved));
            }
            _snapshot = null;
            return replays;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ErrorQueueSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var checkedAt = clock.GetUtcNow();
        var unresolved = await ReadUnresolvedAsync(cancellationToken);
        var broker = await ReadBrokerAsync(cancellationToken);
        var states = Queues.Select(queue =>
        {
            var (count, oldestFailure) = unresolved.GetValueOrDefault(queue);
            (long Messages, DateTimeOffset? Oldest)? waiting = broker?.GetValueOrDefault(queue);
            DateTimeOffset?[] candidates = [waiting?.Oldest, oldestFailure];
            return new ErrorQueueState(queue + ErrorSuffix, waiting?.Messages, candidates.Min(), count);
        }).ToList();
        return new ErrorQueueSnapshot(checkedAt, broker is not null, states);
    }

    private async Task<Dictionary<string, (long Count, DateTimeOffset? Since)>> ReadUnresolvedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var rows = await db.Database.SqlQueryRaw<UnresolvedRow>(UnresolvedSql).ToListAsync(cancellationToken);
            return rows.ToDictionary(r => r.Queue, r => (r.Count, (DateTimeOffset?)r.Since), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not read the recorded consume failures");
            return [];
        }
    }

    /// <summary>Per queue: messages in its error queue and the oldest one's fault time; null when the broker cannot be asked.</summary>
    private async Task<Dictionary<string, (long Messages, DateTimeOffset? Oldest)>?> ReadBrokerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            var result = new Dictionary<string, (long, DateTimeOffset?)>(StringComparer.Ordinal);
            foreach (var queue in Queues)
            {
                // A channel per queue: a passive declare of a queue that does not exist (no message ever failed there) closes it.
                await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                var messages = await CountAsync(channel, queue + ErrorSuffix, cancellationToken);
                result[queue] = (messages, messages > 0 && channel.IsOpen ? await PeekFaultTimeAsync(channel, queue + ErrorSuffix, cancellationToken) : null);
            }
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not count the error queues on the broker");
            await DropConnectionAsync();
            return null;
        }
    }

    private async Task<int> ReplayQueueAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        var errorQueue = queue + ErrorSuffix;
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        // Only what is there now: a message that fails again comes back after its retries, for the next replay.
        var waiting = await CountAsync(channel, errorQueue, cancellationToken);
        var moved = 0;
        for (var i = 0; i < waiting; i++)
        {
            var message = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }
            var properties = new BasicProperties(message.BasicProperties);
            if (properties.Headers is { } headers)
            {
                properties.Headers = headers.Where(h => !FaultHeaderPrefixes.Any(p => h.Key.StartsWith(p, StringComparison.Ordinal)))
                    .ToDictionary(h => h.Key, h => h.Value);
            }
            // The default exchange routes by queue name; mandatory: a missing queue is an error, not a silent drop.
            await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }

    private static async Task<long> CountAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>The fault time MassTransit wrote on the first (oldest) message, which is then put back unchanged.</summary>
    private static async Task<DateTimeOffset?> PeekFaultTimeAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        var message = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
        if (message is null)
        {
            return null;
        }
        await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true, cancellationToken);
        object? header = null;
        message.BasicProperties.Headers?.TryGetValue("MT-Fault-Timestamp", out header);
        return header switch
        {
            byte[] text when DateTimeOffset.TryParse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at,
            string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at,
            AmqpTimestamp stamp => DateTimeOffset.FromUnixTimeSeconds(stamp.UnixTime),
            _ => message.BasicProperties.Timestamp.UnixTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(message.BasicProperties.Timestamp.UnixTime) : null,
        };
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }
        await DropConnectionAsync();
        var uri = configuration.GetConnectionString(ResourceNames.Messaging)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ResourceNames.Messaging} is not configured.");
        var factory = new ConnectionFactory
        {
            Uri = new Uri(uri),
            ClientProvidedName = "reporting-error-queues",
            RequestedConnectionTimeout = options.Value.ConnectTimeout,
            AutomaticRecoveryEnabled = false,
        };
        return _connection = await factory.CreateConnectionAsync(cancellationToken);
    }

    private async Task DropConnectionAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
            {
                logger.LogDebug(ex, "The error-queue connection was already closed");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync();
        _gate.Dispose();
    }

    private sealed class UnresolvedRow
    {
        public required string Queue { get; init; }

        public long Count { get; init; }

        public DateTimeOffset Since { get; init; }
    }
}
