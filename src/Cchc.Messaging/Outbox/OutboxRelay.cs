using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cchc.Messaging;

/// <summary>
/// Publishes <typeparamref name="TDbContext"/>'s outbox rows to the bus and marks them sent. Each round, in one
/// transaction: claim the oldest unsent rows (FOR UPDATE SKIP LOCKED, so replicas share the work), publish them
/// concurrently with MessageId = message_id (publisher confirms), mark the confirmed ones sent and count a failed
/// attempt on the others, commit. A round that publishes nothing because publishes fail (broker down) backs off
/// exponentially. Woken by NOTIFY after commits, and polls as a fallback. At-least-once: a crash after a publish
/// and before the commit publishes the row again later; consumers deduplicate with the inbox. Traces: one per batch
/// published, none for polls that find nothing or for housekeeping (<see cref="OutboxTracing"/>).
/// </summary>
internal sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IBus bus,
    IOptions<OutboxRelayOptions> options,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly string OutboxName = typeof(TDbContext).Name;
    private static readonly TimeSpan ListenRetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PendingCountInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);
    private const int CleanupChunk = 10_000;

    private readonly OutboxRelayOptions _options = options.Value;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<long, DateTime> _parked = [];
    private OutboxSql _sql = null!;
    private DateTime _nextPendingCount = DateTime.MinValue;
    private DateTime _nextCleanup = DateTime.UtcNow.AddMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _sql = await ResolveTableAsync().ConfigureAwait(false);
        LogStarted(OutboxName, _sql.Table);
        var listener = ListenAsync(stoppingToken);
        var backoff = TimeSpan.Zero;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Round round;
                try
                {
                    round = await RelayRoundAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Database unreachable, or anything unexpected: the relay must survive it and try again.
                    LogRoundFailed(ex, OutboxName);
                    round = Round.Failed;
                }

                await MaintainAsync(stoppingToken).ConfigureAwait(false);

                if (round.Stalled)
                {
                    backoff = backoff == TimeSpan.Zero
                        ? _options.MinBackoff
                        : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
                    LogBackingOff(OutboxName, backoff.TotalMilliseconds);
                    await Task.Delay(backoff, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                if (backoff != TimeSpan.Zero)
                {
                    LogResumed(OutboxName);
                    backoff = TimeSpan.Zero;
                }

                if (round.Claimed < _options.BatchSize)
                {
                    await WaitForWakeAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        await listener.ConfigureAwait(false);
    }

    private async Task<Round> RelayRoundAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // A poll is housekeeping: it leaves no trace unless it finds rows to publish (OutboxTracing).
        await using var transaction = await OutboxTracing.QuietlyAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
            return await connection.BeginTransactionAsync(stoppingToken).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var rows = await OutboxTracing.QuietlyAsync(() => ClaimAsync(connection, transaction, stoppingToken)).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            await OutboxTracing.QuietlyAsync(() => transaction.CommitAsync(stoppingToken)).ConfigureAwait(false);
            return Round.Empty;
        }

        // A batch to publish is a trace of its own: this span, its publishes and the UPDATE that marks them sent.
        using var activity = OutboxTracing.StartBatch(OutboxName, rows.Count);
        var started = Stopwatch.GetTimestamp();
        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, stoppingToken))).ConfigureAwait(false);

        // Record what happened even when the host is stopping: every confirmed publish marked sent is a duplicate avoided.
        await RecordAsync(connection, transaction, rows, outcomes, CancellationToken.None).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);

        var sent = outcomes.Count(o => o.Kind == OutcomeKind.Sent);
        var failed = outcomes.Count(o => o.Kind == OutcomeKind.Failed);
        var parked = outcomes.Count(o => o.Kind == OutcomeKind.Parked);
        OutboxTracing.EndBatch(activity, sent, failed, parked);
        var tag = new KeyValuePair<string, object?>("outbox", OutboxName);
        MessagingMetrics.Published.Add(sent, tag);
        if (failed + parked > 0)
        {
            MessagingMetrics.PublishFailures.Add(failed + parked, tag);
        }
        if (failed > 0)
        {
            LogPublishFailed(OutboxName, failed, rows.Count, outcomes.First(o => o.Kind == OutcomeKind.Failed).Error);
        }
        if (outcomes.FirstOrDefault(o => o.Kind == OutcomeKind.Parked && o.ParkFor == _options.UnroutableRetryInterval) is { Error: not null } unroutable)
        {
            LogUnroutable(OutboxName, parked, unroutable.Error, _options.UnroutableRetryInterval.TotalSeconds);
        }
        LogRound(OutboxName, sent, rows.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new Round(rows.Count, Stalled: sent == 0 && failed > 0);
    }

    private async Task<List<Row>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        foreach (var (sequence, retryAt) in _parked.ToList())
        {
            if (retryAt <= now)
            {
                _parked.Remove(sequence);
            }
        }

        await using var command = new NpgsqlCommand(_sql.Claim, connection, transaction)
        {
            Parameters =
            {
                new NpgsqlParameter<int> { TypedValue = _options.BatchSize },
                new NpgsqlParameter<long[]> { TypedValue = [.. _parked.Keys] },
            },
        };
        var rows = new List<Row>(_options.BatchSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new Row(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3)));
        }
        return rows;
    }

    private async Task<Outcome> PublishAsync(Row row, CancellationToken stoppingToken)
    {
        object? message;
        var type = MessageTypeResolver.Resolve(row.MessageType);
        try
        {
            message = type is null ? null : JsonSerializer.Deserialize(row.Payload, type, MessagingJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return Poison(row, type, $"Invalid payload: {ex.Message}");
        }
        if (type is null || message is null)
        {
            return Poison(row, type, type is null ? $"Unknown message type '{row.MessageType}'." : "The payload is JSON null.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
            {
                context.MessageId = row.MessageId;
                if (_options.RequireRoute && context.TryGetPayload(out RabbitMqSendContext? rabbit))
                {
                    rabbit.Mandatory = true;
                }
            }), timeout.Token).ConfigureAwait(false);
            return Outcome.Sent;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return Outcome.Cancelled;
        }
        catch (MessageReturnedException ex)
        {
            // No queue is bound for this type yet (its consumer never started): keep the row and try again later.
            return new Outcome(OutcomeKind.Parked, $"Unroutable: {ex.Message}", _options.UnroutableRetryInterval);
        }
        catch (OperationCanceledException)
        {
            return new Outcome(OutcomeKind.Failed, $"Publish not confirmed within {_options.PublishTimeout.TotalSeconds:0.###} s (broker unreachable?).");
        }
        catch (Exception ex)
        {
            return new Outcome(OutcomeKind.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private Outcome Poison(Row row, Type? type, string error)
    {
        // Not the broker's fault: retrying at once cannot help. The row is parked; it stays unsent (and counted as pending).
        LogPoisonRow(OutboxName, row.Sequence, row.MessageId, type?.FullName ?? row.MessageType, error);
        return new Outcome(OutcomeKind.Parked, error, _options.PoisonRetryInterval);
    }

    private async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Row> rows, Outcome[] outcomes, CancellationToken cancellationToken)
    {
        var sent = new List<long>(rows.Count);
        var failedSequences = new List<long>();
        var failedErrors = new List<string>();
        var now = DateTime.UtcNow;
        for (var i = 0; i < rows.Count; i++)
        {
            switch (outcomes[i].Kind)
            {
                case OutcomeKind.Sent:
                    sent.Add(rows[i].Sequence);
                    break;
                case OutcomeKind.Failed or OutcomeKind.Parked:
                    failedSequences.Add(rows[i].Sequence);
                    failedErrors.Add(outcomes[i].Error!);
                    if (outcomes[i].ParkFor is { } parkFor)
                    {
                        _parked[rows[i].Sequence] = now + parkFor;
                    }
                    break;
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        if (sent.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(_sql.MarkSent) { Parameters = { new NpgsqlParameter<long[]> { TypedValue = [.. sent] } } });
        }
        if (failedSequences.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(_sql.MarkFailed)
            {
                Parameters =
                {
                    new NpgsqlParameter<long[]> { TypedValue = [.. failedSequences] },
                    new NpgsqlParameter<string[]> { TypedValue = [.. failedErrors] },
                },
            });
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Refreshes the pending-rows gauge and deletes old sent rows, each on its own schedule.</summary>
    private async Task MaintainAsync(CancellationToken stoppingToken)
    {
        var now = DateTime.UtcNow;
        if (now < _nextPendingCount && now < _nextCleanup)
        {
            return;
        }
        try
        {
            // Housekeeping every few seconds: no spans (OutboxTracing); the failure is logged outside the quiet scope.
            using var quiet = OutboxTracing.Quiet();
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
            await db.Database.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            if (now >= _nextPendingCount)
            {
                _nextPendingCount = now + PendingCountInterval;
                await using var count = new NpgsqlCommand(_sql.CountPending, connection);
                MessagingMetrics.SetPending(OutboxName, (long)(await count.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false))!);
            }
            if (now >= _nextCleanup)
            {
                _nextCleanup = now + CleanupInterval;
                if (_options.RetainSentFor > TimeSpan.Zero)
                {
                    int deleted;
                    do
                    {
                        await using var delete = new NpgsqlCommand(_sql.DeleteSent, connection)
                        {
                            Parameters = { new NpgsqlParameter<TimeSpan> { TypedValue = _options.RetainSentFor }, new NpgsqlParameter<int> { TypedValue = CleanupChunk } },
                        };
                        deleted = await delete.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                    }
                    while (deleted == CleanupChunk);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogMaintenanceFailed(ex, OutboxName);
        }
    }

    /// <summary>LISTENs on a dedicated connection and wakes the loop on every notification; reconnects after failures.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            NpgsqlConnection? connection = null;
            try
            {
                // LISTEN and its keep-alive pings: no spans (OutboxTracing); failures are logged outside the quiet scope.
                using var quiet = OutboxTracing.Quiet();
                await using var scope = scopeFactory.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                await db.Database.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection = (NpgsqlConnection)db.Database.GetDbConnection();
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {Outbox.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }
                Wake(); // rows committed while nobody listened
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken).ConfigureAwait(false))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenFailed(ex, OutboxName);
                try
                {
                    await Task.Delay(ListenRetryDelay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                if (connection is not null)
                {
                    connection.Notification -= OnNotification;
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e) => Wake();

    private void Wake() => _wake.Writer.TryWrite(true);

    private async Task WaitForWakeAsync(CancellationToken stoppingToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        poll.CancelAfter(_options.PollInterval);
        try
        {
            await _wake.Reader.WaitToReadAsync(poll.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Poll interval elapsed without a notification.
        }
        _wake.Reader.TryRead(out _);
    }

    private async Task<OutboxSql> ResolveTableAsync()
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"{OutboxName} has no outbox: call modelBuilder.AddOutbox() in its OnModelCreating.");
        return new OutboxSql(SqlNames.Table(entity));
    }

    private sealed record Row(long Sequence, Guid MessageId, string MessageType, string Payload);

    private readonly record struct Round(int Claimed, bool Stalled)
    {
        public static Round Empty => new(0, false);
        public static Round Failed => new(0, true);
    }

    /// <summary>Sent: confirmed. Failed: the broker did not take it (retried next round). Parked: cannot go now, skipped for a while. Cancelled: host stopping.</summary>
    private enum OutcomeKind { Sent, Failed, Parked, Cancelled }

    private readonly record struct Outcome(OutcomeKind Kind, string? Error, TimeSpan? ParkFor = null)
    {
        public static Outcome Sent => new(OutcomeKind.Sent, null);
        public static Outcome Cancelled => new(OutcomeKind.Cancelled, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay for {Outbox} started on table {Table}")]
    private partial void LogStarted(string outbox, string table);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox {Outbox}: published {Sent} of {Claimed} messages in {ElapsedMs:0} ms")]
    private partial void LogRound(string outbox, int sent, int claimed, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Outbox}: {Failed} of {Claimed} publishes failed; they stay unsent and are retried. First error: {Error}")]
    private partial void LogPublishFailed(string outbox, int failed, int claimed, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Outbox}: row {Sequence} (message {MessageId}, {MessageType}) cannot be published: {Error}. It stays unsent and is retried later")]
    private partial void LogPoisonRow(string outbox, long sequence, Guid messageId, string messageType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Outbox}: {Count} messages were returned by RabbitMQ as unroutable (no queue bound yet?); retried in {RetrySeconds:0} s. {Error}")]
    private partial void LogUnroutable(string outbox, int count, string error, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Outbox}: relay round failed")]
    private partial void LogRoundFailed(Exception exception, string outbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Outbox}: nothing could be published; next attempt in {DelayMs:0} ms")]
    private partial void LogBackingOff(string outbox, double delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Outbox}: publishing again")]
    private partial void LogResumed(string outbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Outbox}: LISTEN connection failed; polling only until it reconnects")]
    private partial void LogListenFailed(Exception exception, string outbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Outbox}: maintenance (pending count, cleanup of sent rows) failed")]
    private partial void LogMaintenanceFailed(Exception exception, string outbox);
}
